package io.gridbot.runner.daemon;

import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.machine.GridMachine;
import io.gridbot.core.machine.GridStatus;
import io.gridbot.core.machine.GridView;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.config.StoredGrid;
import io.gridbot.persistence.runtime.GridRuntimeRepository;
import io.gridbot.persistence.runtime.GridRuntimeRepository.ControlRequest;
import io.gridbot.runner.engine.GridEngine;
import io.gridbot.persistence.report.ReportRepository;
import io.gridbot.persistence.writebehind.WriteBehind;
import io.gridbot.runner.store.PersistentJournal;
import io.gridbot.runner.store.StatisticsSource;
import io.gridbot.runner.venue.VenueUnavailableException;
import io.gridbot.runner.venue.Venues;
import io.gridbot.stats.ledger.PricePoint;
import io.gridbot.stats.metrics.GridStatistics;
import io.gridbot.stats.metrics.Period;
import io.gridbot.stats.metrics.StatisticsCalculator;
import io.gridbot.stats.metrics.StatisticsInput;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One process hosting many grids (FR-13). Control reaches it through the database: {@code grid start | pause
 * | resume | stop} leave a request in {@code grid_control}; the daemon polls every {@value #POLL_MS} ms,
 * carries each request out on the grid's engine and acknowledges it, so a command takes effect within a
 * second from any terminal on any host sharing the database. Each grid has one driver thread that pumps its
 * engine; adapter calls run on virtual threads, so a cancel-all never waits behind one cancel. Every 60 s
 * each grid's statistics for every period are snapshotted (AC11.7), computed on the write-behind thread.
 *
 * <p>Several daemons may share one database: a grid is hosted by the one daemon holding its lease in
 * {@code grid_runtime} (renewed every 5 s, given up on an orderly stop, taken over after {@value #LEASE_MS} ms
 * of silence or at once when its holder is a dead process of this host), and only that daemon answers its
 * requests, so no grid ever trades twice.
 */
public final class GridDaemon implements AutoCloseable {

    /** How often control requests are read. */
    public static final long POLL_MS = 200;
    private static final long TICK_MS = 100;
    /** How long a grid stays a daemon's without a heartbeat; another daemon may take it afterwards. */
    public static final long LEASE_MS = 30_000;
    private static final long HEARTBEAT_MS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(GridDaemon.class);

    private final Database db;
    private final Venues venues;
    private final LongSupplier clock;
    private final String owner;
    private final Map<Long, Hosted> grids = new ConcurrentHashMap<>();
    private final Map<Long, BigDecimal> othersLastRead = new ConcurrentHashMap<>();
    private final long snapshotEveryMs;
    private final ExecutorService adapterCalls = Executors.newVirtualThreadPerTaskExecutor();
    private final WriteBehind writes;
    private volatile boolean running = true;
    private boolean controlsFailing;
    private Thread poller;

    private record Hosted(StoredGrid stored, GridEngine engine, PersistentJournal journal, Thread driver) {
    }

    public GridDaemon(Database db, ExchangeAdapter venue, LongSupplier clock, String owner) {
        this(db, venue, clock, owner, 60_000);
    }

    /** @param snapshotEveryMs how often each grid's statistics are snapshotted (AC11.7: 60 s) */
    public GridDaemon(Database db, ExchangeAdapter venue, LongSupplier clock, String owner, long snapshotEveryMs) {
        this(db, Venues.only(venue), clock, owner, snapshotEveryMs);
    }

    /** Each grid runs on the venue its configuration names ({@code exchange}), opened on first use. */
    public GridDaemon(Database db, Venues venues, LongSupplier clock, String owner, long snapshotEveryMs) {
        this.snapshotEveryMs = snapshotEveryMs;
        this.db = db;
        this.venues = venues;
        this.clock = clock;
        this.owner = owner;
        this.writes = PersistentJournal.writerFor(db, clock);
    }

    /** Starts polling for control requests, and resumes the grids this daemon ran before it stopped. */
    public GridDaemon start() {
        for (StoredGrid grid : db.configs().list()) {
            GridStatus status = db.runtime().status(grid.id());
            if (status == GridStatus.RUNNING || status == GridStatus.INITIALIZING) {
                if (!claim(grid)) {
                    LOG.info("grid {} is {} on {}: left to it", grid.config().name(), status,
                            db.runtime().lease(grid.id()).map(GridRuntimeRepository.Lease::owner).orElse("another daemon"));
                    continue;
                }
                LOG.info("grid {} was {} when the daemon stopped: restarting it", grid.config().name(), status);
                try {
                    host(grid).engine().control(Control.START);
                } catch (VenueUnavailableException e) {
                    LOG.error("grid {} cannot restart: {}", grid.config().name(), e.getMessage());
                    db.runtime().release(grid.id(), owner);
                }
            }
        }
        poller = Thread.ofPlatform().name("gridbot-control").daemon().start(this::poll);
        return this;
    }

    /** The grids hosted now. */
    public List<GridView> views() {
        return grids.values().stream().map(h -> h.engine().view()).toList();
    }

    private void poll() {
        long nextHeartbeat = 0;
        while (running) {
            if (clock.getAsLong() >= nextHeartbeat) {
                nextHeartbeat = clock.getAsLong() + HEARTBEAT_MS;
                renewLeases();
            }
            try {
                List<ControlRequest> pending = db.runtime().pendingAll();
                if (!pending.isEmpty()) {
                    Map<Long, StoredGrid> stored = new java.util.HashMap<>();
                    db.configs().list().forEach(g -> stored.put(g.id(), g));
                    // Grids are independent: their requests are carried out side by side, each grid's in order.
                    Map<Long, List<ControlRequest>> byGrid = new java.util.LinkedHashMap<>();
                    pending.forEach(r -> byGrid.computeIfAbsent(r.configId(), k -> new java.util.ArrayList<>()).add(r));
                    List<java.util.concurrent.Future<?>> work = new java.util.ArrayList<>();
                    byGrid.forEach((id, requests) -> work.add(adapterCalls.submit(() -> {
                        StoredGrid grid = stored.get(id);
                        for (ControlRequest request : requests) {
                            if (grid == null) {
                                db.runtime().acknowledge(request.id(), "no such grid", clock.getAsLong());
                            } else if (!handle(grid, request)) {
                                break; // another daemon holds the grid: its requests are that daemon's to answer
                            }
                        }
                    })));
                    for (var w : work) {
                        w.get();
                    }
                }
                if (controlsFailing) {
                    controlsFailing = false;
                    LOG.info("control requests readable again");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | java.util.concurrent.ExecutionException e) {
                if (!controlsFailing) {
                    controlsFailing = true; // said once, not every 200 ms of an outage
                    LOG.warn("reading control requests failed (retrying every {} ms): {}", POLL_MS, e.toString());
                }
            }
            sleep(POLL_MS);
        }
    }

    /** Carries out a request for a grid this daemon holds or may take; false when another daemon holds it. */
    private boolean handle(StoredGrid grid, ControlRequest request) {
        Hosted hosted = grids.get(grid.id());
        String outcome;
        if (hosted == null && heldElsewhere(grid)) {
            return false;
        }
        if (request.action() == Control.START) {
            if (hosted == null && !claim(grid)) {
                return false; // another daemon took it a moment ago
            }
            try {
                if (hosted == null) {
                    hosted = host(grid);
                }
                hosted.engine().control(Control.START);
                outcome = "start accepted by " + owner;
            } catch (VenueUnavailableException e) {
                db.runtime().release(grid.id(), owner);
                outcome = "cannot start on " + owner + ": " + e.getMessage();
                LOG.error("grid {}: {}", grid.config().name(), outcome);
            }
        } else if (hosted == null) {
            outcome = "not running on " + owner;
        } else {
            hosted.engine().control(request.action());
            outcome = request.action().name().toLowerCase() + " accepted by " + owner;
        }
        if (db.runtime().acknowledge(request.id(), outcome, clock.getAsLong())) {
            LOG.info("grid {}: {} ({} asked)", grid.config().name(), outcome, request.requestedBy());
        }
        return true;
    }

    /** Whether a live daemon other than this one holds the grid's lease. */
    private boolean heldElsewhere(StoredGrid grid) {
        long now = clock.getAsLong();
        return db.runtime().lease(grid.id()).filter(l -> l.held(now, LEASE_MS) && !owner.equals(l.owner()))
                .filter(l -> !DaemonIdentity.deadOnThisHost(l.owner())).isPresent();
    }

    /** Takes the grid's lease: free, expired, this daemon's own, or held by a dead process on this host. */
    private boolean claim(StoredGrid grid) {
        String holder = db.runtime().lease(grid.id()).map(GridRuntimeRepository.Lease::owner).orElse(null);
        return db.runtime().claim(grid.id(), owner, clock.getAsLong(), LEASE_MS,
                DaemonIdentity.deadOnThisHost(holder) ? holder : null);
    }

    /**
     * Renews the leases of the grids hosted here, so no other daemon takes them, and records each one's
     * market price for the processes that do not host it ({@code grid status}, another host's dashboard).
     */
    private void renewLeases() {
        try {
            long now = clock.getAsLong();
            db.runtime().heartbeat(owner, List.copyOf(grids.keySet()), now);
            Map<Long, BigDecimal> marks = new java.util.HashMap<>();
            grids.forEach((id, h) -> {
                BigDecimal price = h.engine().view().lastPrice();
                if (price != null) {
                    marks.put(id, price);
                }
            });
            db.runtime().saveMarks(owner, marks, now);
        } catch (RuntimeException e) {
            LOG.warn("renewing the grids' leases failed (retrying): {}", e.toString());
        }
    }

    private Hosted host(StoredGrid grid) throws VenueUnavailableException {
        ExchangeAdapter venue = venues.adapter(grid.config().exchange());
        GridMachine machine = GridMachine.restore(grid.config(), db.levels().ladder(grid.id()).orElse(null),
                db.levels().levels(grid.id()));
        PersistentJournal journal = new PersistentJournal(db, grid.id(), owner, clock, writes);
        // Fills newer than the ledger's last one (less a minute) are checked against the venue's history at
        // every reconciliation: those made while no process listened are not lost.
        long since = db.fills().latestTime(grid.id()).map(t -> t - 60_000).orElse(0L);
        GridEngine engine = new GridEngine(machine, venue, adapterCalls, clock, journal).recoverFillsSince(since)
                .otherGridsPosition(() -> otherGridsNet(grid)).attach();
        Thread driver = Thread.ofVirtual().name("grid-" + grid.config().name())
                .unstarted(() -> drive(grid, engine, journal));
        Hosted hosted = new Hosted(grid, engine, journal, driver);
        grids.put(grid.id(), hosted);
        driver.start();
        return hosted;
    }

    /** What the ledgers of the other grids on the grid's venue and symbol hold: not the grid's to adopt or close. */
    private BigDecimal otherGridsNet(StoredGrid grid) {
        try {
            BigDecimal net = BigDecimal.ZERO;
            for (StoredGrid other : db.configs().list()) {
                if (other.id() != grid.id() && other.config().exchange().equals(grid.config().exchange())
                        && other.config().symbol().equals(grid.config().symbol())) {
                    net = net.add(db.fills().netPosition(other.id()));
                }
            }
            othersLastRead.put(grid.id(), net);
            return net;
        } catch (RuntimeException e) {
            // The database is out: the last reading stands, so an outage never makes another grid's position ours.
            LOG.warn("grid {}: other grids' ledgers unreadable ({}); using the last reading", grid.config().name(), e.toString());
            return othersLastRead.getOrDefault(grid.id(), BigDecimal.ZERO);
        }
    }

    /**
     * The grid's one driver: its queue, one event at a time, handled as events arrive; a timer tick every
     * {@value #TICK_MS} ms for the timed rules; statistics snapshots.
     */
    private void drive(StoredGrid grid, GridEngine engine, PersistentJournal journal) {
        long nextSnapshot = clock.getAsLong() + snapshotEveryMs;
        long nextTick = 0;
        while (running) {
            try {
                long now = clock.getAsLong();
                if (now >= nextTick) {
                    nextTick = now + TICK_MS;
                    engine.tick();
                }
                engine.pump();
                if (now >= nextSnapshot) {
                    nextSnapshot = now + snapshotEveryMs;
                    BigDecimal price = engine.view().lastPrice();
                    journal.later(() -> snapshot(grid, now, price));
                }
                engine.awaitEvent(Math.max(1, nextTick - clock.getAsLong()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("grid {}: engine failed", engine.machine().config().name(), e);
                sleep(TICK_MS);
            }
        }
    }

    /** Every period's statistics at {@code now} (AC11.7); runs on the write-behind thread. */
    private void snapshot(StoredGrid grid, long now, BigDecimal price) {
        List<PricePoint> prices = price == null ? List.of() : List.of(new PricePoint(now, price));
        StatisticsInput input = StatisticsSource.read(db, grid, now, BigDecimal.ZERO, prices);
        for (Period period : Period.values()) {
            GridStatistics s = StatisticsCalculator.compute(input, period, now);
            db.reports().saveStatistics(grid.id(), new ReportRepository.StatisticsSnapshot(period.name(), s.fromMs(),
                    s.toMs(), s.totalTrades(), s.filledEntries(), s.filledExits(), s.canceledOrders(), s.realizedPnl(),
                    s.fees(), s.funding(), s.unrealizedPnl(), s.totalPnl(), s.maxDrawdown(), s.maxPosition(),
                    s.avgPosition(), s.currentPosition(), s.stopLossCount()), now);
        }
    }

    /**
     * Stops cleanly (SIGTERM): running grids are paused, so their orders stay on the venue and protect the
     * position, the journals are flushed, and the daemon exits; a restart resumes them.
     */
    @Override
    public void close() {
        for (Hosted h : grids.values()) {
            GridStatus status = h.engine().view().status();
            if (status == GridStatus.RUNNING || status == GridStatus.INITIALIZING) {
                h.engine().control(Control.PAUSE);
                h.engine().pump();
                h.journal().rememberRunning(); // so the next daemon picks it up again
            }
        }
        running = false;
        grids.values().forEach(h -> {
            h.driver().interrupt();
            h.engine().close();
        });
        if (poller != null) {
            poller.interrupt();
        }
        writes.close(); // the last batch: pauses, statuses, fills
        // Stopped in order: the next daemon may take the grids at once instead of waiting out the leases.
        grids.keySet().forEach(id -> {
            try {
                db.runtime().release(id, owner);
            } catch (RuntimeException e) {
                LOG.warn("grid #{}: lease not released ({}); it runs out in {} s", id, e.toString(), LEASE_MS / 1000);
            }
        });
        adapterCalls.shutdown();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
