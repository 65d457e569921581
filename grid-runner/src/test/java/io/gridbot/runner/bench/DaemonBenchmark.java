package io.gridbot.runner.bench;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.machine.GridStatus;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.daemon.GridDaemon;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One daemon hosting many grids on the embedded database: how long a control request takes to be
 * acknowledged, and how the grids keep up with a busy simulated market. Not a test: run with
 * {@code ./mvnw -q -pl grid-runner exec:exec@daemon-bench} after an install.
 */
public final class DaemonBenchmark {

    private DaemonBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int gridCount = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        // One symbol a grid: a venue caps open orders per symbol (200 on Binance), and grids sharing one share it.
        List<SymbolRules> symbols = new ArrayList<>();
        for (int i = 0; i < gridCount; i++) {
            symbols.add(new SymbolRules("SYM" + i + "USDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
                    new BigDecimal("0.001"), new BigDecimal("5"), 200));
        }
        try (Database db = Database.open(DatabaseSettings.embedded(Files.createTempDirectory("gridbot-daemon-bench")))) {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < gridCount; i++) {
                ids.add(db.configs().create(GridConfig.builder("grid-" + i, symbols.get(i)).mode(GridMode.values()[i % 3])
                        .band(new BigDecimal(25_000), new BigDecimal(27_000)).levels(41)
                        .orderQty(new BigDecimal("0.001")).maxPosition(new BigDecimal("0.010"))
                        .stopLossBufferPct(new BigDecimal("10")).build(), 0));
            }
            SimulatedExchange exchange = new SimulatedExchange(new SimClock(System.currentTimeMillis()),
                    SimSettings.defaults().withInitialBalance(new BigDecimal("10000000")));
            symbols.forEach(r -> exchange.list(r, new BigDecimal("26050.0")));
            GridDaemon daemon = new GridDaemon(db, exchange, System::currentTimeMillis, "bench").start();
            try {
                System.out.printf("%d grids on one daemon (embedded H2, simulated exchange, one symbol a grid)%n", gridCount);
                report("start", control(db, ids, Control.START, GridStatus.RUNNING));
                // A busy market for 20 s: a random walk on every symbol, 20 trades a second each.
                SplittableRandom random = new SplittableRandom(1);
                long[] ticks = new long[gridCount];
                java.util.Arrays.fill(ticks, 260_500);
                long end = System.currentTimeMillis() + 20_000;
                long trades = 0;
                while (System.currentTimeMillis() < end) {
                    for (int i = 0; i < gridCount; i++) {
                        ticks[i] += random.nextLong(-300, 301);
                        exchange.trade(symbols.get(i).symbol(), BigDecimal.valueOf(ticks[i], 1), null,
                                System.currentTimeMillis());
                        trades++;
                    }
                    Thread.sleep(50);
                }
                Thread.sleep(1_000); // let the write-behind catch up
                long fills = ids.stream().mapToLong(id -> db.fills().between(id, 0, Long.MAX_VALUE).size()).sum();
                long open = 0;
                for (SymbolRules r : symbols) {
                    open += exchange.openOrders(r.symbol()).size();
                }
                System.out.printf("  market: %,d trades in 20 s; %,d fills booked across the grids; %,d open orders%n", trades,
                        fills, open);
                report("pause", control(db, ids, Control.PAUSE, GridStatus.PAUSED));
                report("resume", control(db, ids, Control.RESUME, GridStatus.RUNNING));
                report("stop", control(db, ids, Control.STOP, GridStatus.STOPPED));
            } finally {
                daemon.close();
            }
        }
    }

    /** Requests the action for every grid at once; returns each request's time to acknowledgement, ms. */
    private static long[] control(Database db, List<Long> ids, Control action, GridStatus reached) throws Exception {
        long[] requested = new long[ids.size()];
        long[] requestIds = new long[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            requested[i] = System.nanoTime();
            requestIds[i] = db.runtime().requestControl(ids.get(i), action, "bench", System.currentTimeMillis());
        }
        long[] latency = new long[ids.size()];
        int left = ids.size();
        while (left > 0) {
            left = 0;
            for (int i = 0; i < ids.size(); i++) {
                if (latency[i] == 0) {
                    if (db.runtime().request(requestIds[i]).orElseThrow().ackedAt() != null) {
                        latency[i] = Math.max(1, (System.nanoTime() - requested[i]) / 1_000_000);
                    } else {
                        left++;
                    }
                }
            }
            Thread.sleep(5);
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (ids.stream().anyMatch(id -> db.runtime().status(id) != reached) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        return latency;
    }

    private static void report(String what, long[] ms) {
        long[] sorted = ms.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf("  %-7s acknowledged: median %d ms, p99 %d ms, max %d ms%n", what, sorted[sorted.length / 2],
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1], sorted[sorted.length - 1]);
    }
}
