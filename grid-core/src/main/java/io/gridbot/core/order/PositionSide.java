package io.gridbot.core.order;

/**
 * Which position leg an order belongs to. {@code BOTH} in one-way mode; {@code LONG} or {@code SHORT}
 * in hedge mode, where a neutral grid's two legs are kept apart by the venue.
 */
public enum PositionSide {
    BOTH,
    LONG,
    SHORT
}
