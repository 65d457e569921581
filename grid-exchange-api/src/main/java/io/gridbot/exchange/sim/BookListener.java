package io.gridbot.exchange.sim;

import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import java.math.BigDecimal;

/**
 * What an {@link OrderBook} tells about the orders it matches, and the one thing it asks: how much an order
 * may still reduce. The book has updated the order (filled quantity, notional, time, removal) before it calls.
 */
interface BookListener {

    /** Which side of a fill took liquidity: it sets the fee rate. */
    enum Liquidity {
        MAKER, TAKER
    }

    /**
     * How much of its leg (the position in one-way mode) an order may still close; caps reduce-only,
     * close-position and hedge-mode closing fills.
     */
    BigDecimal reducible(OrderRequest order);

    /** The order filled {@code qty} at {@code price}; {@code complete} when nothing is left of it. */
    void filled(SimOrder order, BigDecimal qty, BigDecimal price, Liquidity liquidity, boolean complete, long nowMs);

    /** The order left the book with this status (cancelled or expired) without a fill. */
    void ended(SimOrder order, OrderStatus status, long nowMs);
}
