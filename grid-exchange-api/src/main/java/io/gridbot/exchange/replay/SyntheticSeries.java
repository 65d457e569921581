package io.gridbot.exchange.replay;

import java.math.BigDecimal;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * Seeded synthetic price paths in whole ticks (no floating point touches a price): a random walk, a
 * mean-reverting walk, a trend, and a gap (a sudden jump of a chosen size at a chosen step). The random
 * source only chooses step sizes; the same seed always gives the same path.
 */
public final class SyntheticSeries implements PriceSeries {

    /** The shapes on offer. */
    public enum Shape {
        RANDOM_WALK, MEAN_REVERTING, TRENDING, GAP
    }

    /**
     * A path's parameters.
     *
     * @param shape       the shape
     * @param seed        the random seed
     * @param start       the first price, on the tick
     * @param tick        the price tick
     * @param maxStepTicks the largest move of one step, in ticks
     * @param steps       how many trades
     * @param stepMs      time between trades
     * @param startMs     the first trade's time
     * @param qty         each trade's volume, {@code null} for unlimited
     * @param driftTicks  for TRENDING: ticks added every step; for GAP: the jump in ticks (negative for a crash)
     * @param gapAtStep   for GAP: the step at which the jump happens
     */
    public record Spec(Shape shape, long seed, BigDecimal start, BigDecimal tick, int maxStepTicks, long steps,
            long stepMs, long startMs, BigDecimal qty, long driftTicks, long gapAtStep) {
    }

    private final Spec spec;
    private final SplittableRandom random;
    private final long anchorTicks;
    private long ticks;
    private long step;

    public SyntheticSeries(Spec spec) {
        this.spec = spec;
        this.random = new SplittableRandom(spec.seed());
        this.anchorTicks = spec.start().divide(spec.tick()).longValueExact();
        this.ticks = anchorTicks;
    }

    @Override
    public boolean hasNext() {
        return step < spec.steps();
    }

    @Override
    public MarketTrade next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (step > 0) {
            long move = random.nextLong(-spec.maxStepTicks(), spec.maxStepTicks() + 1L);
            switch (spec.shape()) {
                case RANDOM_WALK -> ticks += move;
                case MEAN_REVERTING -> ticks += move + Long.signum(anchorTicks - ticks) * random.nextLong(0,
                        spec.maxStepTicks() / 2 + 1L);
                case TRENDING -> ticks += move + spec.driftTicks();
                case GAP -> ticks += move + (step == spec.gapAtStep() ? spec.driftTicks() : 0);
            }
            ticks = Math.max(1, ticks);
        }
        MarketTrade trade = new MarketTrade(spec.startMs() + step * spec.stepMs(),
                spec.tick().multiply(BigDecimal.valueOf(ticks)), spec.qty());
        step++;
        return trade;
    }
}
