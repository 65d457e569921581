package io.gridbot.core.order;

/** An order's status as the venue reports it, in venue-neutral terms. */
public enum OrderStatus {
    NEW,
    PARTIALLY_FILLED,
    FILLED,
    CANCELED,
    EXPIRED,
    REJECTED;

    /** True once the order can no longer fill. */
    public boolean isFinal() {
        return this == FILLED || this == CANCELED || this == EXPIRED || this == REJECTED;
    }

    /** True while the order rests on the book. */
    public boolean isOpen() {
        return !isFinal();
    }
}
