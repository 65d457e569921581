package io.gridbot.stats.bench;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.Side;
import io.gridbot.stats.curve.MarkTrail;
import java.math.BigDecimal;
import java.util.SplittableRandom;

/**
 * A benchmark, not a test: what {@link MarkTrail#mark} costs a replay, which calls it for every market trade.
 * Trades 15 s apart (four a one-minute candle, each in a millisecond of its own) walk a tick up, down or not at
 * all around 26000.0; with fills, every 250 trades a 0.010 buy fills right behind its trade and 25 trades later a
 * sell closes it (each fill costs the ledger's average-price division, whatever the trail does). "flat" starts
 * flat, so the position is flat nine trades in ten; "long" holds 0.050 throughout, at an average price of 34
 * digits once fills have moved it. Prints nanoseconds per mark over 5 M marks
 * (after 1 M to warm up), three rounds each; or only one of flat-fills, long-fills, flat, long (each in a JVM of
 * its own gives steadier figures).
 *
 * <pre>
 * ./mvnw -o -q -pl grid-stats -am test-compile -Djacoco.skip=true
 * java -cp grid-core/target/classes:grid-stats/target/classes:grid-stats/target/test-classes \
 *     io.gridbot.stats.bench.MarkTrailBenchmark [marks [scenario]]
 * </pre>
 */
public final class MarkTrailBenchmark {

    private static final BigDecimal LOT = new BigDecimal("0.010");
    private static final BigDecimal FEE = new BigDecimal("0.0104");

    private MarkTrailBenchmark() {
    }

    public static void main(String[] args) {
        int marks = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        String only = args.length > 1 ? args[1] : "";
        BigDecimal[] walk = walk(1 << 16);
        for (int round = 0; round < 3; round++) {
            for (boolean fills : new boolean[] {true, false}) {
                for (boolean holding : new boolean[] {false, true}) {
                    String name = (holding ? "long" : "flat") + (fills ? "-fills" : "");
                    if (!only.isEmpty() && !only.equals(name)) {
                        continue;
                    }
                    System.out.printf("%-10s round %d: %6.1f ns/mark%n", name, round,
                            nanosPerMark(walk, holding, fills, marks));
                }
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

    private static double nanosPerMark(BigDecimal[] walk, boolean holding, boolean fills, int marks) {
        MarkTrail trail = new MarkTrail(PositionMode.ONE_WAY);
        long[] at = {0};
        if (holding) {
            trail.mark(at[0], walk[0]);
            trail.fill(fill(at[0], Side.BUY, walk[0], new BigDecimal("0.050")));
        }
        feed(trail, walk, marks / 5, fills, at);
        long start = System.nanoTime();
        feed(trail, walk, marks, fills, at);
        long elapsed = System.nanoTime() - start;
        if (trail.kept().isEmpty() || trail.marksSeen() < marks) {
            throw new IllegalStateException("no marks kept");
        }
        return (double) elapsed / marks;
    }

    private static void feed(MarkTrail trail, BigDecimal[] walk, int marks, boolean fills, long[] at) {
        int mask = walk.length - 1;
        long t = at[0];
        for (int i = 0; i < marks; i++) {
            t += 15_000;
            BigDecimal price = walk[i & mask];
            trail.mark(t, price);
            int phase = fills ? i % 250 : -1;
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
