package io.gridbot.core.preview;

import java.math.BigDecimal;

/** The distance between neighbouring lines as the spacing defines it, before the lines are snapped to the tick. */
public sealed interface Step {

    /** Arithmetic and percentage spacing: the same price distance between every pair of lines. */
    record Price(BigDecimal amount) implements Step {
    }

    /**
     * Geometric spacing: the same ratio between every pair of lines.
     *
     * @param ratio   one line's price over the line below it
     * @param percent the same as a percentage rise, {@code (ratio − 1) × 100}
     */
    record Ratio(BigDecimal ratio, BigDecimal percent) implements Step {
    }
}
