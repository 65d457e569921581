package io.gridbot.core.order;

/**
 * Which price a venue-side stop watches before it fires. The grid's own stop-loss rule watches the last
 * traded price, so {@link #LAST} keeps the two in step; {@link #MARK} follows the venue's mark price, which
 * a single wick on the order book cannot move, at the cost of firing later than the rule in a fast market.
 */
public enum StopTrigger {
    /** The last traded price (Binance {@code CONTRACT_PRICE}). */
    LAST,
    /** The venue's mark price (Binance {@code MARK_PRICE}). */
    MARK
}
