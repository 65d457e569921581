package io.gridbot.runner.bench;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.exchange.replay.SyntheticSeries;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.runner.replay.ReplaySession;
import java.math.BigDecimal;

/**
 * Replay throughput of simulator + engine + core on one thread over a year-sized input: a seeded
 * mean-reverting path of 2,102,400 trades (a year of one-minute candles at four trades each) under a
 * 100-line neutral grid. Not a test: run it with
 * {@code ./mvnw -q -pl grid-runner -am install -DskipTests && ./mvnw -q -pl grid-runner exec:exec@replay-bench}.
 */
public final class ReplayThroughputBenchmark {

    private ReplayThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        SymbolRules rules = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
                new BigDecimal("0.001"), new BigDecimal("5"), 200);
        GridConfig config = GridConfig.builder("bench", rules).mode(GridMode.NEUTRAL)
                .band(new BigDecimal("25000"), new BigDecimal("34900")).levels(100)
                .orderQty(new BigDecimal("0.010")).maxPosition(new BigDecimal("0.300"))
                .stopLossBufferPct(new BigDecimal("20")).build();
        long steps = 525_600L * 4;
        for (int run = 1; run <= 6; run++) {
            SyntheticSeries series = new SyntheticSeries(new SyntheticSeries.Spec(SyntheticSeries.Shape.MEAN_REVERTING,
                    run, new BigDecimal("30000.0"), new BigDecimal("0.1"), 300, steps, 15_000, 1_672_531_200_000L,
                    new BigDecimal("5"), 0, 0));
            long start = System.nanoTime();
            ReplaySession.Result r = new ReplaySession(config, SimSettings.defaults().withInitialBalance(
                    new BigDecimal("1000000"))).run(series, Long.MAX_VALUE, (n, t) -> { });
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("run %d: %,d market trades in %.2f s = %,.0f trades/s; %,d fills; status %s%n", run,
                    r.trades(), seconds, r.trades() / seconds, r.journal().fills().size(), r.view().status());
        }
    }
}
