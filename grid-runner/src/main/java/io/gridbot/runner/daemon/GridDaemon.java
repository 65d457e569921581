package io.gridbot.runner.daemon;

import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.machine.GridMachine;
import io.gridbot.core.status.GridStatus;
import io.gridbot.core.machine.GridView;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.config.ConfigGuardException;
import io.gridbot.persistence.config.StoredGrid;
import io.gridbot.persistence.runtime.GridRuntimeRepository;
import io.gridbot.persistence.runtime.GridRuntimeRepository.ControlRequest;
import io.gridbot.persistence.runtime.GridRuntimeRepository.Settlement;
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
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One process hosting many grids (FR-13). Control reaches it through the database: {@code grid start | pause
 * | resume | stop} leave a request in {@code grid_control}; the daemon polls every {@code pollMs}, takes each
 * request that has not expired, carries it out on the grid's engine and records the outcome, so a command
 * takes effect within a second from any terminal on any host sharing the database. A start is answered once
 * its grid runs or has ended. Each grid has one driver thread that pumps its engine; adapter calls run on
 * virtual threads, so a cancel-all never waits behind one cancel. Every 60 s each grid's statistics for every
 * period are snapshotted (AC11.7), computed on the write-behind thread.
 *
 * <p>Several daemons may share one database: a grid is hosted by the one daemon holding its lease in
 * {@code grid_runtime} ({@link LeaseSettings}: renewed every 5 s, given up on an orderly stop, taken over 30 s
 * after its last renewal or at once when its holder is a dead process of this host), and only that daemon
 * answers its requests. A daemon that could not renew a grid's lease for 15 s stops sending its orders (it
 * keeps them resting) before anyone else may take it, and gives the grid up, untouched, when it learns that
 * another daemon holds it; a grid recorded as running whose lease ran out is resumed by a live daemon on its
 * own. So no grid ever trades twice, and none stays unhosted for longer than {@link LeaseSettings#resumeWithinMs()}.
 */
public final class GridDaemon implements AutoCloseable {

    private static final long TICK_MS = 100;
    /** How long a start is watched for its grid to run before its answer says it is still initialising. */
    private static final long START_WATCH_MS = 600_000;
    private static final Logger LOG = LoggerFactory.getLogger(GridDaemon.class);

    private final Database db;
    private final Venues venues;
    private final LongSupplier clock;
    private final String owner;
    private final LeaseSettings lease;
    private final GridLeases leases;
    private final Map<Long, Hosted> grids = new ConcurrentHashMap<>();
    private final Map<Long, BigDecimal> othersLastRead = new ConcurrentHashMap<>();
    private final Map<Long, PendingStart> starts = new ConcurrentHashMap<>();
    private final long snapshotEveryMs;
    private final ExecutorService adapterCalls = Executors.newVirtualThreadPerTaskExecutor();
    private final WriteBehind writes;
    private volatile boolean running = true;
    private boolean controlsFailing;
    private Thread poller;

    private record Hosted(StoredGrid stored, GridEngine engine, PersistentJournal journal, Thread driver) {
    }

    /** A start taken and carried out, answered when its grid runs or has ended. */
    private record PendingStart(long gridId, GridEngine engine, long startedAtMs) {
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
        this(db, venues, clock, owner, snapshotEveryMs, LeaseSettings.defaults());
    }

    /** With lease timings of its own (tests shorten them). */
    public GridDaemon(Database db, Venues venues, LongSupplier clock, String owner, long snapshotEveryMs,
            LeaseSettings lease) {
        this.snapshotEveryMs = snapshotEveryMs;
        this.db = db;
        this.venues = venues;
        this.clock = clock;
        this.owner = owner;
        this.lease = lease;
        this.leases = new GridLeases(db, owner, lease, clock);
        this.writes = PersistentJournal.writerFor(db, clock, owner);
    }

    /** Starts polling for control requests, and resumes the grids recorded as running that nobody holds. */
    public GridDaemon start() {
        for (StoredGrid grid : db.configs().list()) {
            GridStatus status = db.runtime().status(grid.id());
            if ((status == GridStatus.RUNNING || status == GridStatus.INITIALIZING) && !resume(grid, status)) {
                LOG.info("grid {} is {} on {}: left to it", grid.config().name(), status,
                        db.runtime().lease(grid.id()).map(GridRuntimeRepository.Lease::owner).orElse("another daemon"));
            }
        }
        poller = Thread.ofPlatform().name("gridbot-control").daemon().start(this::poll);
        return this;
    }

    /** Takes and restarts a grid recorded as running; false when another daemon holds it. */
    private boolean resume(StoredGrid grid, GridStatus status) {
        if (!leases.claim(grid.id())) {
            return false;
        }
        LOG.info("grid {} was {} with no daemon hosting it: restarting it here", grid.config().name(), status);
        try {
            GridEngine engine = host(grid).engine();
            engine.control(Control.START);
        } catch (VenueUnavailableException e) {
            LOG.error("grid {} cannot restart: {}", grid.config().name(), e.getMessage());
            release(grid.id());
        }
        return true;
    }

    /** The grids hosted now. */
    public List<GridView> views() {
        return grids.values().stream().map(h -> h.engine().view()).toList();
    }

    private void poll() {
        long nextRenewal = 0;
        while (running) {
            if (clock.getAsLong() >= nextRenewal) {
                nextRenewal = clock.getAsLong() + lease.renewEveryMs();
                renewLeases();
                resumeOrphans();
            }
            try {
                answerStarts();
                long now = clock.getAsLong();
                db.runtime().expireOverdue(now);
                List<ControlRequest> pending = db.runtime().pendingAll(now);
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
                                db.runtime().acknowledge(request.id(), "no such grid", Settlement.REFUSED, clock.getAsLong());
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
                    controlsFailing = true; // said once, not every poll of an outage
                    LOG.warn("reading control requests failed (retrying every {} ms): {}", lease.pollMs(), e.toString());
                }
            }
            sleep(lease.pollMs());
        }
    }

    /**
     * Carries out a request for a grid this daemon holds or may take; false when another daemon holds it. The
     * request is taken (acknowledged) before anything is done, so one that expired meanwhile is never carried out.
     */
    private boolean handle(StoredGrid grid, ControlRequest request) {
        Hosted hosted = grids.get(grid.id());
        if (hosted == null && leases.heldElsewhere(grid.id())) {
            return false;
        }
        boolean claimedNow = false;
        if (request.action() == Control.START && hosted == null) {
            if (!leases.claim(grid.id())) {
                return false; // another daemon took it a moment ago
            }
            claimedNow = true;
        }
        if (!db.runtime().acknowledge(request.id(), "taken by " + owner, Settlement.TAKEN, clock.getAsLong())) {
            if (claimedNow) {
                release(grid.id()); // expired, or answered elsewhere: nothing is done
            }
            return true;
        }
        ControlAnswer answer = carryOut(grid, hosted, request);
        if (answer != null) {
            db.runtime().settle(request.id(), answer.text(), answer.settlement(), clock.getAsLong());
            LOG.info("grid {}: {} ({} asked)", grid.config().name(), answer.text(), request.requestedBy());
        }
        return true;
    }

    /** The request's answer, or {@code null} for a start whose answer waits for its grid to run or end. */
    private ControlAnswer carryOut(StoredGrid grid, Hosted hosted, ControlRequest request) {
        if (hosted != null && !leases.mayTrade(grid.id())) {
            return ControlAnswer.refused("cannot " + request.action().name().toLowerCase(java.util.Locale.ROOT) + " on "
                    + owner + " now: its lease on the grid is not renewed (is the database reachable?); nothing done");
        }
        if (request.action() != Control.START) {
            if (hosted == null) {
                return ControlAnswer.refused("not running on " + owner);
            }
            GridStatus before = hosted.engine().view().status();
            hosted.engine().control(request.action());
            hosted.engine().pump();
            return ControlAnswer.afterControl(request.action(), before, hosted.engine().view().status(), owner);
        }
        if (hosted != null && hosted.engine().view().status() != GridStatus.STOPPED) {
            return ControlAnswer.startOfLive(hosted.engine().view().status(), owner,
                    !hosted.stored().config().equals(grid.config()));
        }
        Optional<String> holder = db.configs().holderOfSymbol(grid.config().exchange(), grid.config().symbol(), grid.id());
        if (holder.isPresent()) {
            if (hosted == null) {
                release(grid.id());
            }
            return ControlAnswer.refused("cannot start: " + ConfigGuardException.symbolHeld(holder.get(),
                    grid.config().exchange(), grid.config().symbol()).getMessage());
        }
        if (hosted != null) {
            unhost(hosted, false); // stopped: hosted anew below, so the start runs the configuration stored now
        }
        try {
            long at = clock.getAsLong();
            GridEngine engine = host(grid).engine();
            engine.control(Control.START);
            engine.pump();
            Optional<ControlAnswer> now = ControlAnswer.afterStart(engine.view(), owner, at);
            if (now.isPresent()) {
                return now.get();
            }
            starts.put(request.id(), new PendingStart(grid.id(), engine, at));
            return null;
        } catch (VenueUnavailableException e) {
            release(grid.id());
            ControlAnswer refused = ControlAnswer.refused("cannot start on " + owner + ": " + e.getMessage());
            LOG.error("grid {}: {}", grid.config().name(), refused.text());
            return refused;
        }
    }

    /** Answers the starts whose grids now run or have ended. */
    private void answerStarts() {
        long now = clock.getAsLong();
        starts.forEach((requestId, start) -> {
            Hosted hosted = grids.get(start.gridId());
            Optional<ControlAnswer> answer = hosted == null || hosted.engine() != start.engine()
                    ? Optional.of(new ControlAnswer(Settlement.FAILED, "start taken by " + owner
                            + ", but the grid is no longer hosted here"))
                    : ControlAnswer.afterStart(start.engine().view(), owner, start.startedAtMs());
            if (answer.isEmpty() && now - start.startedAtMs() > START_WATCH_MS) {
                answer = Optional.of(new ControlAnswer(Settlement.FAILED, "start taken by " + owner
                        + ", but the grid is still initialising after " + START_WATCH_MS / 1000 + " s"));
            }
            answer.ifPresent(a -> {
                db.runtime().settle(requestId, a.text(), a.settlement(), now);
                starts.remove(requestId);
                LOG.info("grid {}: {}", start.engine().machine().config().name(), a.text());
            });
        });
    }

    /**
     * Renews the leases of the grids hosted here, gives up those another daemon took, and records each one's
     * market price for the processes that do not host it ({@code grid status}, another host's dashboard).
     */
    private void renewLeases() {
        for (long lost : leases.renew(List.copyOf(grids.keySet()))) {
            Hosted hosted = grids.get(lost);
            if (hosted != null) {
                LOG.warn("grid {}: another daemon holds it now ({}); given up here with its orders untouched, for the "
                        + "new holder to reconcile", hosted.stored().config().name(), db.runtime().lease(lost)
                        .map(GridRuntimeRepository.Lease::owner).orElse("nobody"));
                unhost(hosted, true);
            }
        }
        try {
            Map<Long, BigDecimal> marks = new java.util.HashMap<>();
            grids.forEach((id, h) -> {
                BigDecimal price = h.engine().view().lastPrice();
                if (price != null) {
                    marks.put(id, price);
                }
            });
            db.runtime().saveMarks(owner, marks, clock.getAsLong());
        } catch (RuntimeException e) {
            LOG.debug("market prices not recorded: {}", e.toString());
        }
    }

    /** Takes over the grids recorded as running whose holder went silent (killed, or cut off from the database). */
    private void resumeOrphans() {
        try {
            for (var orphan : leases.orphans(grids.keySet())) {
                db.configs().list().stream().filter(g -> g.id() == orphan.configId()).findFirst()
                        .ifPresent(grid -> resume(grid, orphan.status()));
            }
        } catch (RuntimeException e) {
            LOG.debug("looking for grids to resume failed: {}", e.toString());
        }
    }

    private Hosted host(StoredGrid grid) throws VenueUnavailableException {
        var self = new java.util.concurrent.atomic.AtomicReference<GridEngine>();
        ExchangeAdapter venue = new FencedVenue(venues.adapter(grid.config().exchange()),
                () -> mayTrade(grid.id(), self.get()));
        GridMachine machine = GridMachine.restore(grid.config(), db.levels().ladder(grid.id()).orElse(null),
                db.levels().levels(grid.id()));
        PersistentJournal journal = new PersistentJournal(db, grid.id(), owner, clock, writes);
        // Fills newer than the ledger's last one (less a minute) are checked against the venue's history at
        // every reconciliation: those made while no process listened are not lost.
        long since = db.fills().latestTime(grid.id()).map(t -> t - 60_000).orElse(0L);
        GridEngine engine = new GridEngine(machine, venue, adapterCalls, clock, journal).recoverFillsSince(since)
                .otherGridsPosition(() -> otherGridsNet(grid)).attach();
        self.set(engine);
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
            BigDecimal net = db.fills().othersNetPosition(grid.config().exchange(), grid.config().symbol(), grid.id());
            othersLastRead.put(grid.id(), net);
            return net;
        } catch (RuntimeException e) {
            // The database is out: the last reading stands, so an outage never makes another grid's position ours.
            LOG.warn("grid {}: other grids' ledgers unreadable ({}); using the last reading", grid.config().name(), e.toString());
            return othersLastRead.getOrDefault(grid.id(), BigDecimal.ZERO);
        }
    }

    /** Whether {@code engine} may send the grid's orders: it is the one hosted here, and the lease is fresh. */
    private boolean mayTrade(long gridId, GridEngine engine) {
        Hosted hosted = grids.get(gridId);
        return running && hosted != null && hosted.engine() == engine && leases.mayTrade(gridId);
    }

    /**
     * Stops hosting a grid without touching its orders: its driver ends, its engine hears the venue no more.
     * The lease stays (a stopped grid is hosted anew at its start) unless {@code giveUp}.
     */
    private void unhost(Hosted hosted, boolean giveUp) {
        long id = hosted.stored().id();
        if (grids.remove(id, hosted)) {
            if (giveUp) {
                leases.forget(id);
            }
            hosted.driver().interrupt();
            hosted.engine().close();
        }
    }

    private void release(long gridId) {
        leases.forget(gridId);
        db.runtime().release(gridId, owner);
    }

    /**
     * The grid's one driver: its queue, one event at a time, handled as events arrive; a timer tick every
     * {@value #TICK_MS} ms for the timed rules; statistics snapshots.
     */
    private void drive(StoredGrid grid, GridEngine engine, PersistentJournal journal) {
        long nextSnapshot = clock.getAsLong() + snapshotEveryMs;
        long nextTick = 0;
        boolean fenced = false;
        while (running && grids.get(grid.id()) != null && grids.get(grid.id()).engine() == engine) {
            try {
                if (!leases.mayTrade(grid.id())) {
                    // Fenced: the core hears nothing and decides nothing until the lease is renewed; events wait.
                    if (!fenced) {
                        fenced = true;
                        LOG.warn("grid {}: lease not renewed for {} ms; sending no orders (those resting stay) until it is",
                                grid.config().name(), lease.fenceAfterMs());
                    }
                    engine.awaitEvent(TICK_MS);
                    continue;
                }
                if (fenced) {
                    fenced = false;
                    LOG.info("grid {}: lease renewed; trading again", grid.config().name());
                }
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
                LOG.warn("grid #{}: lease not released ({}); it runs out in {} s", id, e.toString(), lease.leaseMs() / 1000);
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
