package io.gridbot.core.machine;

import io.gridbot.core.spacing.GridLadder;
import java.math.BigDecimal;

/**
 * The exact stop-loss lines of a ladder: {@code lowest line * (1 - buffer)} below the band and
 * {@code highest line * (1 + buffer)} above it. The stop-loss rule fires on them, and a chart draws them.
 *
 * @param lower the price at or below which the grid stops
 * @param upper the price at or above which the grid stops
 */
public record StopLossLines(BigDecimal lower, BigDecimal upper) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The lines of this ladder with this buffer, in percent. */
    public static StopLossLines of(GridLadder ladder, BigDecimal bufferPct) {
        BigDecimal fraction = bufferPct.divide(HUNDRED);
        return new StopLossLines(ladder.lowest().multiply(BigDecimal.ONE.subtract(fraction)),
                ladder.highest().multiply(BigDecimal.ONE.add(fraction)));
    }
}
