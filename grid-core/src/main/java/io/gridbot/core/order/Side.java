package io.gridbot.core.order;

/** The side of an order: buying or selling the contract. */
public enum Side {
    BUY,
    SELL;

    /** The side that closes a position opened by this side. */
    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    /** +1 for a buy (adds to a long position), -1 for a sell. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }
}
