package io.gridbot.exchange.replay;

import java.math.BigDecimal;

/**
 * A trade on the market: what moves the simulator's price and fills its resting orders.
 *
 * @param atMs  the trade time, epoch milliseconds
 * @param price the price
 * @param qty   the volume, {@code null} when unknown (unlimited liquidity at that price)
 */
public record MarketTrade(long atMs, BigDecimal price, BigDecimal qty) {
}
