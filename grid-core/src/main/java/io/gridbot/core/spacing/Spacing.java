package io.gridbot.core.spacing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * How the grid's price lines are spread a pluggable strategy. Arithmetic from
 * bounds and count is the default; percentage spacing around a centre and geometric (equal ratio)
 * spacing are the others. A strategy returns exact, unsnapped line prices; {@link GridLadder} snaps them.
 */
public sealed interface Spacing permits Spacing.Arithmetic, Spacing.Geometric, Spacing.Percentage {

    /** Precision of the intermediate arithmetic: far finer than any venue tick. */
    MathContext MATH = MathContext.DECIMAL128;

    /**
     * The exact line prices, ascending.
     *
     * @param lower       the configured lower bound (unused by percentage spacing)
     * @param upper       the configured upper bound (unused by percentage spacing)
     * @param count       the number of lines, both bounds included
     * @param tick        the venue tick, the smallest spacing allowed
     * @param marketPrice the market price when the grid is first built; used only by percentage spacing
     *                    without a configured centre
     */
    List<BigDecimal> lines(BigDecimal lower, BigDecimal upper, int count, BigDecimal tick, BigDecimal marketPrice);

    /** True when the lines cannot be known before the first market price arrives. */
    default boolean needsMarketPrice() {
        return false;
    }

    /** Equal steps of {@code (upper - lower) / (count - 1)}: the spec's default. */
    record Arithmetic() implements Spacing {
        @Override
        public List<BigDecimal> lines(BigDecimal lower, BigDecimal upper, int count, BigDecimal tick,
                BigDecimal marketPrice) {
            BigDecimal step = upper.subtract(lower).divide(BigDecimal.valueOf(count - 1L), MATH);
            return java.util.stream.IntStream.range(0, count)
                    .mapToObj(i -> lower.add(step.multiply(BigDecimal.valueOf(i))))
                    .toList();
        }
    }

    /** Equal ratio {@code (upper / lower)^(1 / (count - 1))}: the same percentage between every pair. */
    record Geometric() implements Spacing {
        @Override
        public List<BigDecimal> lines(BigDecimal lower, BigDecimal upper, int count, BigDecimal tick,
                BigDecimal marketPrice) {
            BigDecimal ratio = Roots.nthRoot(upper.divide(lower, MATH), count - 1);
            java.util.ArrayList<BigDecimal> lines = new java.util.ArrayList<>(count);
            BigDecimal line = lower;
            for (int i = 0; i < count - 1; i++) {
                lines.add(line);
                line = line.multiply(ratio, MATH);
            }
            lines.add(upper); // the top line is the bound itself, not an accumulated product
            return lines;
        }
    }

    /**
     * Lines {@code centre + k * spacing} with {@code spacing = max(tick, centre * pct / 100)}, the
     * centre line in the middle. The centre is configured, or is the market price at first start.
     *
     * @param percent the spacing as a percentage of the centre, e.g. {@code 0.5} for 0.5 %
     * @param centre  the configured centre, or {@code null} to take the market price at first start
     */
    record Percentage(BigDecimal percent, BigDecimal centre) implements Spacing {
        @Override
        public List<BigDecimal> lines(BigDecimal lower, BigDecimal upper, int count, BigDecimal tick,
                BigDecimal marketPrice) {
            BigDecimal mid = centre != null ? centre : marketPrice;
            if (mid == null) {
                throw new IllegalStateException("percentage spacing needs a centre or a market price");
            }
            BigDecimal raw = mid.multiply(percent).divide(BigDecimal.valueOf(100), MATH);
            // The spacing itself is snapped down to the tick (never below one tick) so every line keeps
            // the same distance from its neighbours after snapping.
            BigDecimal units = raw.divide(tick, 0, java.math.RoundingMode.FLOOR).max(BigDecimal.ONE);
            BigDecimal spacing = units.multiply(tick);
            int below = (count - 1) / 2;
            return java.util.stream.IntStream.range(0, count)
                    .mapToObj(i -> mid.add(spacing.multiply(BigDecimal.valueOf((long) i - below))))
                    .toList();
        }

        @Override
        public boolean needsMarketPrice() {
            return centre == null;
        }
    }
}
