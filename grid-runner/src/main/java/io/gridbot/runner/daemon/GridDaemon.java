package io.gridbot.runner.daemon;

import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.machine.GridView;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.config.StoredGrid;
import io.gridbot.persistence.runtime.GridRuntimeRepository;
import io.gridbot.persistence.writebehind.WriteBehind;
import io.gridbot.runner.metrics.HostedGridState;
import io.gridbot.runner.metrics.Monitoring;
import io.gridbot.runner.notify.Notifications;
import io.gridbot.runner.store.PersistentJournal;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.gridbot.runner.venue.Venues;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One process hosting many grids. Control reaches it through the database: {@code grid start | pause
 * | resume | stop} leave a request in {@code grid_control}; the daemon polls every {@code pollMs}, takes each
 * request that has not expired, carries it out on the grid's engine and records the outcome, so a command
 * takes effect within a second from any terminal on any host sharing the database. A start is answered once
 * its grid runs or has ended. Each grid has one driver thread that pumps its engine; adapter calls run on
 * virtual threads, so a cancel-all never waits behind one cancel. Every 60 s each grid's statistics for every
 * period are snapshotted, computed on the write-behind thread.
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

    private static final Logger LOG = LoggerFactory.getLogger(GridDaemon.class);

    private final Database db;
    private final LongSupplier clock;
    private final String owner;
    private final LeaseSettings lease;
    private final ExecutorService adapterCalls = Executors.newVirtualThreadPerTaskExecutor();
    private final WriteBehind writes;
    private final GridHosting hosting;
    private final LeaseRounds leaseRounds;
    private final ControlPolling controls;
    private final Monitoring monitoring;
    private final boolean threads;
    private Thread poller;
    private Notifications notifications;

    public GridDaemon(Database db, ExchangeAdapter venue, LongSupplier clock, String owner) {
        this(db, venue, clock, owner, 60_000);
    }

    /** @param snapshotEveryMs how often each grid's statistics are snapshotted (60 s) */
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
        this(db, venues, clock, owner, snapshotEveryMs, lease, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /** Reporting its health and meters through {@code registry} ({@link #monitoring()}). */
    public GridDaemon(Database db, Venues venues, LongSupplier clock, String owner, long snapshotEveryMs,
            LeaseSettings lease, PrometheusMeterRegistry registry) {
        this(db, venues, clock, owner, snapshotEveryMs, lease, true, registry);
    }

    GridDaemon(Database db, Venues venues, LongSupplier clock, String owner, long snapshotEveryMs,
            LeaseSettings lease, boolean threads) {
        this(db, venues, clock, owner, snapshotEveryMs, lease, threads, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /**
     * @param threads  whether the daemon runs its own loops (a control poller and a driver per grid, on the
     *                 clock's time); without them its caller drives it with {@link #doWork(long)}
     * @param registry where its meters go
     */
    GridDaemon(Database db, Venues venues, LongSupplier clock, String owner, long snapshotEveryMs,
            LeaseSettings lease, boolean threads, PrometheusMeterRegistry registry) {
        this.db = db;
        this.clock = clock;
        this.owner = owner;
        this.lease = lease;
        this.threads = threads;
        GridLeases leases = new GridLeases(db, owner, lease, clock);
        this.writes = PersistentJournal.writerFor(db, clock, owner);
        this.monitoring = new Monitoring(registry, db, writes, clock, owner, this::hostedStates);
        this.hosting = new GridHosting(db, venues, clock, owner, leases, lease, new StatisticsSnapshots(db, snapshotEveryMs),
                writes, adapterCalls, threads, monitoring);
        this.leaseRounds = new LeaseRounds(db, clock, owner, leases, hosting, lease.renewEveryMs());
        this.controls = new ControlPolling(db, clock, owner, leases, hosting, adapterCalls, lease.pollMs());
    }

    /**
     * Sends the hosted grids' alerts to these notifiers, read now and again as the daemon's rounds go by
     * ({@link Notifications#doWork}); closed with the daemon. Call before {@link #start()}.
     */
    public GridDaemon notifying(Notifications notifications) {
        this.notifications = notifications;
        notifications.doWork(clock.getAsLong());
        hosting.alertsTo(notifications);
        monitoring.countNotifiers(notifications);
        return this;
    }

    /** Starts polling for control requests, and resumes the grids recorded as running that nobody holds. */
    public GridDaemon start() {
        for (StoredGrid grid : db.configs().list()) {
            GridStatus status = db.runtime().status(grid.id());
            if ((status == GridStatus.RUNNING || status == GridStatus.INITIALIZING) && !hosting.resume(grid, status)) {
                LOG.info("grid {} is {} on {}: left to it", grid.config().name(), status,
                        db.runtime().lease(grid.id()).map(GridRuntimeRepository.Lease::owner).orElse("another daemon"));
            }
        }
        if (threads) {
            poller = Thread.ofPlatform().name("gridbot-control").daemon().start(this::poll);
        }
        return this;
    }

    /** Its health and meters, for the HTTP server to serve ({@code /health}, {@code /metrics}). */
    public Monitoring monitoring() {
        return monitoring;
    }

    private List<HostedGridState> hostedStates() {
        return hosting.states();
    }

    /** The grids hosted now. */
    public List<GridView> views() {
        return hosting.views();
    }

    /**
     * How many driver rounds the grids hosted now have run, summed. Only for watching the daemon (tests wait
     * for a number of rounds to prove that nothing happens in them); nothing decides on it.
     */
    long driverRounds() {
        return hosting.all().stream().mapToLong(h -> h.driver().rounds()).sum();
    }

    /**
     * One round of the daemon at {@code nowMs}: a lease round when one is due, then the control requests, then
     * a fresh read of the notifiers when one is due. A daemon made without threads also drives each hosted grid
     * here, once.
     */
    void doWork(long nowMs) throws InterruptedException {
        leaseRounds.doWork(nowMs);
        controls.doWork(nowMs);
        if (notifications != null) {
            notifications.doWork(nowMs);
        }
        if (!threads) {
            for (HostedGrid hosted : List.copyOf(hosting.all())) {
                hosted.driver().doWork(nowMs);
            }
        }
    }

    /** The control poller's loop: a round at the clock's time every {@link LeaseSettings#pollMs()}. */
    private void poll() {
        while (hosting.running()) {
            try {
                doWork(clock.getAsLong());
                Thread.sleep(lease.pollMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Stops cleanly (SIGTERM): running grids are paused, so their orders stay on the venue and protect the
     * position, the journals are flushed, and the daemon exits; a restart resumes them.
     */
    @Override
    public void close() {
        for (HostedGrid h : hosting.all()) {
            GridStatus status = h.engine().view().status();
            if (status == GridStatus.RUNNING || status == GridStatus.INITIALIZING) {
                h.engine().control(Control.PAUSE);
                h.engine().pump();
                h.journal().rememberRunning(); // so the next daemon picks it up again
            }
        }
        hosting.stopAll();
        if (poller != null) {
            poller.interrupt();
        }
        writes.close(); // the last batch: pauses, statuses, fills
        // Stopped in order: the next daemon may take the grids at once instead of waiting out the leases.
        hosting.ids().forEach(id -> {
            try {
                db.runtime().release(id, owner);
            } catch (RuntimeException e) {
                LOG.warn("grid #{}: lease not released ({}); it runs out in {} s", id, e.toString(), lease.leaseMs() / 1000);
            }
        });
        adapterCalls.shutdown();
        monitoring.close();
        if (notifications != null) {
            notifications.close();
        }
    }
}
