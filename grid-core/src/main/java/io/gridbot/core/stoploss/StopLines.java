package io.gridbot.core.stoploss;

import io.gridbot.core.spacing.GridLadder;
import java.math.BigDecimal;

/**
 * The two stop-loss lines of a grid: {@code lowest line × (1 − buffer)} below the band and
 * {@code highest line × (1 + buffer)} above it, exact (never snapped). The grid's stop-loss rule fires on them and
 * the preview measures how far they are from the price; both take them from here.
 *
 * @param lower the stop line below the band
 * @param upper the stop line above the band
 */
public record StopLines(BigDecimal lower, BigDecimal upper) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The stop lines of a ladder with a buffer in percent ({@code 0.5} is 0.5 %). */
    public static StopLines of(GridLadder ladder, BigDecimal bufferPct) {
        BigDecimal fraction = bufferPct.divide(HUNDRED);
        return new StopLines(ladder.lowest().multiply(BigDecimal.ONE.subtract(fraction)),
                ladder.highest().multiply(BigDecimal.ONE.add(fraction)));
    }
}
