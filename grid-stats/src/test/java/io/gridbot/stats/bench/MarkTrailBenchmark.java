package io.gridbot.stats.bench;

import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.Side;
import io.gridbot.stats.curve.MarkTrail;
import java.math.BigDecimal;
import java.util.SplittableRandom;

/**
 * A benchmark, not a test: what {@link MarkTrail#mark} costs a replay, which calls it for every market trade.
 * Trades 15 s apart (four a one-minute candle, one per millisecond) walk a tick up, down or not at all around
 * 26000.0; every 250 trades a 0.010 buy fills right behind its trade, and 25 trades later a sell closes it. "flat"
 * starts flat, so the position is flat nine trades in ten; "long" holds 0.050 throughout. Prints nanoseconds per
 * mark over 5 M marks (after 1 M to warm up), three rounds each.
 *
 * <pre>
 * ./mvnw -o -q -pl grid-stats -am test-compile -Djacoco.skip=true
 * java -cp grid-core/target/classes:grid-stats/target/classes:grid-stats/target/test-classes \
 *     io.gridbot.stats.bench.MarkTrailBenchmark [marks]
 * </pre>
 */
public final class MarkTrailBenchmark {

    private static final BigDecimal LOT = new BigDecimal("0.010");
    private static final BigDecimal FEE = new BigDecimal("0.0104");

    private MarkTrailBenchmark() {
    }

    public static void main(String[] args) {
        int marks = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        BigDecimal[] walk = walk(1 << 16);
        for (int round = 0; round < 3; round++) {
            for (boolean holding : new boolean[] {false, true}) {
                System.out.printf("%-4s round %d: %6.1f ns/mark%n", holding ? "long" : "flat", round,
                        nanosPerMark(walk, holding, marks));
            }
        }
    }

    /** A bounded random walk of prices, one tick at a time, a third of the steps repeating the price. */
    private static BigDecimal[] walk(int n) {
        BigDecimal[] levels = new BigDecimal[2000];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = BigDecimal.valueOf(259_000 + i, 1);
        }
        SplittableRandom random = new SplittableRandom(7);
        BigDecimal[] walk = new BigDecimal[n];
        int level = levels.length / 2;
        for (int i = 0; i < n; i++) {
            level = Math.clamp(level + random.nextInt(3) - 1, 0, levels.length - 1);
            walk[i] = levels[level];
        }
        return walk;
    }

    private static double nanosPerMark(BigDecimal[] walk, boolean holding, int marks) {
        MarkTrail trail = new MarkTrail();
        long[] at = {0};
        if (holding) {
            trail.mark(at[0], walk[0]);
            trail.fill(fill(at[0], Side.BUY, walk[0], new BigDecimal("0.050")));
        }
        feed(trail, walk, marks / 5, at);
        long start = System.nanoTime();
        feed(trail, walk, marks, at);
        long elapsed = System.nanoTime() - start;
        if (trail.kept().isEmpty() || trail.marksSeen() < marks) {
            throw new IllegalStateException("no marks kept");
        }
        return (double) elapsed / marks;
    }

    private static void feed(MarkTrail trail, BigDecimal[] walk, int marks, long[] at) {
        int mask = walk.length - 1;
        long t = at[0];
        for (int i = 0; i < marks; i++) {
            t += 15_000;
            BigDecimal price = walk[i & mask];
            trail.mark(t, price);
            int phase = i % 250;
            if (phase == 0) {
                trail.fill(fill(t, Side.BUY, price, LOT));
            } else if (phase == 25) {
                trail.fill(fill(t, Side.SELL, price, LOT));
            }
        }
        at[0] = t;
    }

    private static Fill fill(long atMs, Side side, BigDecimal price, BigDecimal qty) {
        return new Fill(atMs, "c", "x", "t", ClientOrderId.Kind.ENTRY, side, 1, price, qty, FEE, "USDT",
                BigDecimal.ZERO);
    }
}
