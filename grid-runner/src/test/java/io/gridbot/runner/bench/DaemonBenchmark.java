package io.gridbot.runner.bench;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.persistence.log.LogQuery;
import io.gridbot.runner.daemon.GridDaemon;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * One daemon hosting many grids on the embedded database: how long a control request takes to be
 * acknowledged, each grid's event-to-command latency while the market is busy, and the heap it all takes.
 * Not a test: run with {@code ./mvnw -q -pl grid-runner exec:exec@daemon-bench -Dgrids=N} after an install
 * (arguments: grids, seconds of market, trades a second on each symbol, modes).
 */
public final class DaemonBenchmark {

    private DaemonBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int gridCount = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int tradesPerSecond = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        List<GridMode> modes = args.length > 3 ? Arrays.stream(args[3].split(",")).map(m -> GridMode.valueOf(m.toUpperCase()))
                .toList() : List.of(GridMode.values());
        // One symbol a grid: a venue caps open orders per symbol (200 on Binance), and grids sharing one share it.
        List<SymbolRules> symbols = new ArrayList<>();
        for (int i = 0; i < gridCount; i++) {
            symbols.add(new SymbolRules("SYM" + i + "USDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
                    new BigDecimal("0.001"), new BigDecimal("5"), 200));
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (Database db = Database.open(DatabaseSettings.embedded(Files.createTempDirectory("gridbot-daemon-bench")))) {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < gridCount; i++) {
                ids.add(db.configs().create(GridConfig.builder("grid-" + i, symbols.get(i)).mode(modes.get(i % modes.size()))
                        .band(new BigDecimal(25_000), new BigDecimal(27_000)).levels(41)
                        .orderQty(new BigDecimal("0.001")).maxPosition(new BigDecimal("0.010"))
                        .stopLossBufferPct(new BigDecimal("10")).build(), 0));
            }
            SimulatedExchange exchange = new SimulatedExchange(new SimClock(System.currentTimeMillis()),
                    SimSettings.defaults().withInitialBalance(new BigDecimal("100000000")));
            symbols.forEach(r -> exchange.list(r, new BigDecimal("26050.0")));
            LatencyProbe probe = new LatencyProbe(exchange);
            GridDaemon daemon = new GridDaemon(db, probe, System::currentTimeMillis, "bench").start();
            try {
                System.out.printf("%d grids (%s) on one daemon (embedded H2, simulated exchange, one symbol a grid), max heap %d MB%n",
                        gridCount, modes, Runtime.getRuntime().maxMemory() >> 20);
                report("start", control(db, ids, Control.START, null));
                // A grid initialises on its first price: one trade on every symbol at the opening price.
                long opened = System.nanoTime();
                symbols.forEach(r -> exchange.trade(r.symbol(), new BigDecimal("26050.0"), null, System.currentTimeMillis()));
                awaitStatus(db, ids, GridStatus.RUNNING, "first price", opened);
                probe.reset();
                // A busy market: a random walk on every symbol, the symbols' trades spread over each second.
                SplittableRandom random = new SplittableRandom(1);
                long[] ticks = new long[gridCount];
                Arrays.fill(ticks, 260_500);
                long start = System.nanoTime();
                long end = start + seconds * 1_000_000_000L;
                long trades = 0;
                long peakHeap = 0;
                long roundNanos = 1_000_000_000L / tradesPerSecond;
                for (long round = 0; System.nanoTime() < end; round++) {
                    for (int i = 0; i < gridCount; i++) {
                        ticks[i] += random.nextLong(-300, 301);
                        exchange.trade(symbols.get(i).symbol(), BigDecimal.valueOf(ticks[i], 1), null,
                                System.currentTimeMillis());
                        trades++;
                    }
                    peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
                    long wait = start + (round + 1) * roundNanos - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                Thread.sleep(1_000); // let the write-behind catch up
                double[] ms = probe.sortedMs();
                long fills = ids.stream().mapToLong(id -> db.fills().between(id, 0, Long.MAX_VALUE).size()).sum();
                long open = 0;
                for (SymbolRules r : symbols) {
                    open += exchange.openOrders(r.symbol()).size();
                }
                System.gc();
                long liveHeap = memory.getHeapMemoryUsage().getUsed();
                System.out.printf("  market: %,d trades in %d s; %,d fills booked; %,d open orders%n", trades, seconds, fills,
                        open);
                System.out.printf("  event to command: %,d samples, median %.1f ms, p99 %.1f ms, max %.1f ms%n", ms.length,
                        pct(ms, 0.5), pct(ms, 0.99), ms.length == 0 ? 0 : ms[ms.length - 1]);
                if (probe.slowest() != null) {
                    String tag = ClientOrderId.parse(probe.slowest()).orElseThrow().tag();
                    int grid = 0;
                    while (grid < gridCount && !ClientOrderId.tagOf("grid-" + grid).equals(tag)) {
                        grid++;
                    }
                    System.out.printf("  slowest: %s of grid-%d (%s)%n", probe.slowest(), grid,
                            modes.get(grid % modes.size()));
                    db.tradeLog().query(new LogQuery(ids.get(grid), 0, Long.MAX_VALUE, Set.of(), null, 0, 40)).entries()
                            .reversed().forEach(e -> System.out.printf("    %tT %s %s%n", e.atMs(), e.type(), e.detail()));
                }
                System.out.printf("  heap: peak %d MB used during the market, %d MB live after a GC%n", peakHeap >> 20,
                        liveHeap >> 20);
                report("pause", control(db, ids, Control.PAUSE, GridStatus.PAUSED));
                report("resume", control(db, ids, Control.RESUME, GridStatus.RUNNING));
                report("stop", control(db, ids, Control.STOP, GridStatus.STOPPED));
            } finally {
                daemon.close();
            }
        }
    }

    private static double pct(double[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.ceil(sorted.length * p) - 1];
    }

    /** Requests the action for every grid at once; returns each request's time to acknowledgement, ms. */
    private static long[] control(Database db, List<Long> ids, Control action, GridStatus reached) throws Exception {
        long[] requested = new long[ids.size()];
        long[] requestIds = new long[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            requested[i] = System.nanoTime();
            requestIds[i] = db.runtime().requestControl(ids.get(i), action, "bench", System.currentTimeMillis(),
                    System.currentTimeMillis() + 60_000);
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
        if (reached != null) {
            awaitStatus(db, ids, reached, "last acknowledgement", System.nanoTime());
        }
        return latency;
    }

    /** Waits (at most a minute) until every grid's recorded status is {@code reached}, and says how long it took. */
    private static void awaitStatus(Database db, List<Long> ids, GridStatus reached, String since, long sinceNanos)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (ids.stream().anyMatch(id -> db.runtime().status(id) != reached) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        Map<GridStatus, Long> statuses = ids.stream().collect(Collectors.groupingBy(id -> db.runtime().status(id),
                () -> new EnumMap<>(GridStatus.class), Collectors.counting()));
        System.out.printf("  %s %d ms after the %s: %s%n", reached, (System.nanoTime() - sinceNanos) / 1_000_000, since,
                statuses);
    }

    private static void report(String what, long[] ms) {
        long[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf("  %-7s acknowledged: median %d ms, p99 %d ms, max %d ms%n", what, sorted[sorted.length / 2],
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1], sorted[sorted.length - 1]);
    }
}
