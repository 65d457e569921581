package io.gridbot.exchange.replay;

import io.gridbot.core.order.Side;
import java.math.BigDecimal;

/**
 * A trade on the market: what moves the simulator's price and fills its resting orders.
 *
 * @param atMs      the trade time, epoch milliseconds
 * @param price     the price
 * @param qty       the volume, {@code null} when unknown (unlimited liquidity at that price)
 * @param aggressor the side that took liquidity (a buyer lifting the ask is {@code BUY}), {@code null} when the
 *                  data does not say (candles, quotes)
 */
public record MarketTrade(long atMs, BigDecimal price, BigDecimal qty, Side aggressor) {

    /** A trade whose aggressor the data does not say. */
    public MarketTrade(long atMs, BigDecimal price, BigDecimal qty) {
        this(atMs, price, qty, null);
    }
}
