package io.gridbot.core.order;

/** The order types a grid sends. */
public enum OrderType {
    /** A resting limit order at a grid line. */
    LIMIT,
    /** An immediate order used to flatten the position on stop-loss or stop. */
    MARKET,
    /** A venue-side conditional order that closes the whole position when the trigger price trades. */
    STOP_MARKET
}
