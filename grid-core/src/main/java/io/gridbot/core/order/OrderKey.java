package io.gridbot.core.order;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The identity of a grid order: {@code (intent, side, price, level)}. Two orders with the same key
 * are the same order as far as the grid is concerned; the diff between ideal and actual orders is keyed by it.
 *
 * @param intent entry or exit
 * @param side   buy or sell
 * @param price  the grid line's price, on the tick and at the tick's scale (so equal prices make equal keys)
 * @param line   the line index, 0 at the lowest line
 */
public record OrderKey(Intent intent, Side side, BigDecimal price, int line) {

    public OrderKey {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(price, "price");
    }

    /** Keys are hashed at every sync's diff: equal keys share line, intent and side, and those hash for free. */
    @Override
    public int hashCode() {
        return (line * 31 + intent.ordinal()) * 31 + side.ordinal();
    }
}
