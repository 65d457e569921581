package io.gridbot.runner.demo;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.log.LogType;
import io.gridbot.core.status.GridStatus;
import io.gridbot.core.stoploss.StopLossReport;
import io.gridbot.exchange.binance.data.BinanceDataFile;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.ledger.AccountHistoryRepository;
import io.gridbot.runner.replay.ReplaySession;
import io.gridbot.runner.replay.ReplaySummary;
import io.gridbot.runner.store.MinuteCandles;
import io.gridbot.runner.store.PersistentJournal;
import io.gridbot.runner.store.OpenMode;
import io.gridbot.runner.store.StoreOptions;
import io.gridbot.stats.metrics.GridStatistics;
import io.gridbot.stats.metrics.Rounding;
import java.io.InputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code grid demo}: the README's first command. Runs a short grid on the simulated exchange over five weeks
 * of real BTCUSDT one-minute prices shipped in the jar, with progress and a summary, recording its orders,
 * fills and log in the embedded database (created on first use). No network, no account, no database server.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a short grid offline on the simulated exchange over recorded BTCUSDT prices.")
public final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    StoreOptions store;

    @CommandLine.Option(names = "--keep-running", description = "after the summary, keep the demo grid trading live on "
            + "the simulated market with the web dashboard and the API over it, until Ctrl-C")
    boolean keepRunning;

    @CommandLine.Option(names = "--market-speed", defaultValue = "60", description = "with --keep-running: the "
            + "recorded market's speed, times real time (default ${DEFAULT-VALUE})")
    double marketSpeed;

    @CommandLine.Mixin
    io.gridbot.runner.web.DashboardOptions dashboard;

    /** The demo grid: the spec's short grid scaled to the recording's range. */
    public static GridConfig demoGrid() {
        return GridConfig.builder("demo_short_grid", io.gridbot.runner.venue.SimulatedVenue.BTCUSDT)
                .exchange("simulated")
                .mode(GridMode.SHORT)
                .band(new BigDecimal("25600"), new BigDecimal("27400"))
                .levels(37)
                .orderQty(new BigDecimal("0.010"))
                .maxPosition(new BigDecimal("0.150"))
                .stopLossBufferPct(new BigDecimal("3"))
                .build();
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        GridConfig grid = demoGrid();
        out.printf("gridbot demo: %s %s grid, %s to %s in %d lines, %s per order, max position %s, stop-loss %s %%%n",
                grid.mode().name().toLowerCase(), grid.symbol(), grid.lowerPrice(), grid.upperPrice(), grid.levels(),
                grid.orderQty(), grid.maxPosition(), grid.stopLossBufferPct());
        out.println("venue: simulated exchange (0.02 % maker, 0.05 % taker, 10,000 USDT); prices: 50,000 recorded "
                + "BTCUSDT 1-minute candles, 2023-08-26 to 2023-09-29");
        out.flush();
        InputStream data = io.gridbot.runner.venue.SimulatedVenue.series();
        if (data == null) {
            spec.commandLine().getErr().println("the recorded price series is missing from the jar: "
                    + io.gridbot.runner.venue.SimulatedVenue.SERIES);
            return 1;
        }
        long total = 200_000; // four trades per candle
        try (Database db = store.open(OpenMode.CREATE)) {
            long id = register(db, grid);
            db.runtime().claim(id, "demo", System.currentTimeMillis(), 1, null); // the replay's statuses are the demo's
            ReplaySession.Result result;
            MinuteCandles candles = new MinuteCandles(Integer.MAX_VALUE);
            try (PersistentJournal journal = new PersistentJournal(db, id, "demo", System::currentTimeMillis)) {
                result = new ReplaySession(grid, SimSettings.defaults()).pricesTo(candles::add).run(
                        BinanceDataFile.open(data, BinanceDataFile.Kind.KLINES, "BTCUSDT 1m"), total / 20,
                        (trades, atMs) -> {
                            int pct = (int) (trades * 100 / total);
                            out.printf("  [%-20s] %3d %%  %s%n", "#".repeat(pct / 5), pct, Instant.ofEpochMilli(atMs));
                            out.flush();
                        }, journal);
            }
            // The marks its statistics came from, so that `grid stats` and the dashboard compute the same figures.
            db.accountHistory().replaceEquity(id, result.marks().stream().map(k -> new AccountHistoryRepository.EquityPoint(
                    k.mark().atMs(), k.equity(), k.position(), k.mark().price())).toList());
            db.candles().replace(id, candles.drain()); // the price chart of the replayed grid
            // The replay is over: nothing runs any more, so the stored grid is stopped and may be edited.
            db.runtime().saveStatus(id, GridStatus.STOPPED, "demo", System.currentTimeMillis());
            db.configs().venueGone(id); // its position stayed on the replay's venue, which ended with this process
            db.runtime().release(id, "demo");
            printSummary(out, result);
            out.printf("  stored in          %s (see 'grid logs --config %s')%n", db.dataSource() instanceof
                    com.zaxxer.hikari.HikariDataSource h ? h.getJdbcUrl().replaceAll(";.*", "") : "the database",
                    grid.name());
        }
        return keepRunning ? keepRunning(out) : 0;
    }

    /** {@code --keep-running}: a live copy of the demo grid with the dashboard, until the process is stopped. */
    private int keepRunning(PrintWriter out) throws Exception {
        Database db = store.open(OpenMode.CREATE);
        LiveDemo live;
        try {
            live = LiveDemo.start(db, store.dataDirectory(), dashboard, marketSpeed, out);
        } catch (Exception | Error e) {
            db.close();
            throw e;
        }
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        io.gridbot.runner.lifecycle.GracefulStop.install(() -> {
            live.close();
            db.close();
            stopped.countDown();
        });
        out.println();
        out.printf("live: grid %s trades on the simulated market at %s× real time; open %s%n", LiveDemo.NAME,
                marketSpeed, live.uri());
        if (db.dashboardUsers().list().isEmpty()) {
            out.printf("      first add a user from another terminal:  grid user add admin --data-dir %s%n",
                    store.dataDirectory().toAbsolutePath());
        }
        out.println("      Ctrl-C stops it (the grid is paused, its orders kept on the simulated venue).");
        out.flush();
        stopped.await();
        return 0;
    }

    /** Stores the demo grid (replacing an older copy) and returns its id. */
    private static long register(Database db, GridConfig grid) {
        var existing = db.configs().find(grid.name());
        if (existing.isEmpty()) {
            return db.configs().create(grid, System.currentTimeMillis());
        }
        long id = existing.get().id();
        // An earlier demo's: its simulated venue is gone, so nothing of it can still be trading.
        db.runtime().forceStopped(id, System.currentTimeMillis());
        db.configs().update(grid, System.currentTimeMillis());
        return id;
    }

    private static void printSummary(PrintWriter out, ReplaySession.Result r) {
        GridStatistics s = r.statistics();
        Rounding round = Rounding.of(demoGrid().rules());
        long days = Math.max(1, (r.lastMs() - r.firstMs()) / 86_400_000L);
        out.println();
        out.printf("summary after %,d market trades over %d days (%s to %s)%n", r.trades(), days,
                Instant.ofEpochMilli(r.firstMs()), Instant.ofEpochMilli(r.lastMs()));
        out.printf("  grid status        %s%n", r.view().status());
        out.printf("  fills              %,d (%,d entries, %,d exits)%n", s.totalTrades(), s.filledEntries(), s.filledExits());
        out.printf("  realized PnL       %s USDT%n", round.money(s.realizedPnl()));
        out.printf("  fees               %s USDT%n", round.money(s.fees()));
        out.printf("  unrealized PnL     %s USDT on a position of %s BTC%n", round.money(s.unrealizedPnl()),
                round.quantity(s.currentPosition()));
        out.printf("  total PnL          %s USDT (%s %% of 10,000 USDT per day)%n", round.money(s.totalPnl()),
                Rounding.percent(s.yieldPctPerDay()));
        out.printf("  max drawdown       %s USDT (%s %%)%n", round.money(s.maxDrawdown()),
                Rounding.percent(s.maxDrawdownPct()));
        out.printf("  max position       %s BTC (limit %s)%n", round.quantity(s.maxPosition()),
                round.quantity(demoGrid().maxPosition()));
        out.printf("  entries held back  %,d by the position limit%n", r.view().skippedEntries());
        out.printf("  log entries        %s%n", r.journal().logCounts());
        for (StopLossReport report : r.journal().stopLosses()) {
            out.printf("  stop-loss          %s%n", ReplaySummary.stopLoss(report, round));
        }
        if (r.journal().logCounts().getOrDefault(LogType.ERROR, 0) > 0) {
            out.printf("  first error        %s%n", r.journal().errors().get(0).detail().lines().findFirst().orElse(""));
        }
        out.flush();
    }
}
