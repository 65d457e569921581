package io.gridbot.runner.daemon;

import io.gridbot.core.command.GridCommand.AlertKind;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.machine.GridMachine;
import io.gridbot.core.machine.GridView;
import io.gridbot.core.risk.PositionLegs;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.config.StoredGrid;
import io.gridbot.persistence.writebehind.WriteBehind;
import io.gridbot.runner.engine.GridEngine;
import io.gridbot.runner.metrics.HostedGridState;
import io.gridbot.runner.metrics.Monitoring;
import io.gridbot.runner.notify.AlertSink;
import io.gridbot.runner.notify.GridAlerts;
import io.gridbot.runner.store.CandleRecorder;
import io.gridbot.runner.store.PersistentJournal;
import io.gridbot.runner.venue.PositionModeFit;
import io.gridbot.runner.venue.VenueUnavailableException;
import io.gridbot.runner.venue.Venues;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The grids one daemon hosts: hosting a grid (its engine on a fenced view of its venue, its journal, its
 * driver), giving it up with its orders untouched, and releasing its lease. A grid's orders go out only while
 * it is the one hosted here and its lease is fresh ({@link FencedVenue}).
 */
final class GridHosting {

    private static final Logger LOG = LoggerFactory.getLogger(GridHosting.class);

    private final Database db;
    private final Venues venues;
    private final LongSupplier clock;
    private final String owner;
    private final GridLeases leases;
    private final LeaseSettings lease;
    private final StatisticsSnapshots snapshots;
    private final WriteBehind writes;
    private final ExecutorService adapterCalls;
    private final boolean driverThreads;
    private final Monitoring monitoring;
    private final Map<Long, HostedGrid> grids = new ConcurrentHashMap<>();
    private final Map<Long, PositionLegs> othersLastRead = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private volatile AlertSink alerts = AlertSink.NONE;

    /**
     * @param driverThreads whether each grid's driver runs on a thread of its own (else the caller drives it)
     * @param monitoring    watches each grid's venue calls
     */
    GridHosting(Database db, Venues venues, LongSupplier clock, String owner, GridLeases leases, LeaseSettings lease,
            StatisticsSnapshots snapshots, WriteBehind writes, ExecutorService adapterCalls, boolean driverThreads,
            Monitoring monitoring) {
        this.db = db;
        this.venues = venues;
        this.clock = clock;
        this.owner = owner;
        this.leases = leases;
        this.lease = lease;
        this.snapshots = snapshots;
        this.writes = writes;
        this.adapterCalls = adapterCalls;
        this.driverThreads = driverThreads;
        this.monitoring = monitoring;
    }

    /** Where the hosted grids' alerts go, from now on. */
    void alertsTo(AlertSink sink) {
        this.alerts = sink;
    }

    /** The grid hosted here, or {@code null}. */
    HostedGrid get(long gridId) {
        return grids.get(gridId);
    }

    /** The ids of the grids hosted now (a live view). */
    Set<Long> ids() {
        return grids.keySet();
    }

    /** The grids hosted now (a live view). */
    Collection<HostedGrid> all() {
        return grids.values();
    }

    List<GridView> views() {
        return grids.values().stream().map(h -> h.engine().view()).toList();
    }

    /** The grids hosted now as health and metrics read them: picture, drift, lease. Reads no database. */
    List<HostedGridState> states() {
        return grids.values().stream().map(h -> {
            long renewed = leases.renewedAt(h.id());
            HostedGridState.Lease held = new HostedGridState.Lease(renewed, renewed < 0 ? -1 : renewed + lease.leaseMs(),
                    renewed < 0 ? -1 : renewed + lease.fenceAfterMs(), mayTrade(h.id(), h.engine()));
            return new HostedGridState(h.stored(), h.engine().view(), h.engine().drift(), h.hostedAtMs(), held);
        }).toList();
    }

    /** Takes and restarts a grid recorded as running; false when another daemon holds it. */
    boolean resume(StoredGrid grid, GridStatus status) {
        if (!leases.claim(grid.id())) {
            return false;
        }
        LOG.info("grid {} was {} with no daemon hosting it: restarting it here", grid.config().name(), status);
        try {
            GridEngine engine = host(grid).engine();
            engine.control(Control.START);
        } catch (VenueUnavailableException e) {
            LOG.error("grid {} cannot restart: {}", grid.config().name(), e.getMessage());
            alertsOf(grid).raise(AlertKind.UNEXPECTED_ERROR, "cannot restart: " + e.getMessage());
            release(grid.id());
        }
        return true;
    }

    HostedGrid host(StoredGrid grid) throws VenueUnavailableException {
        var self = new AtomicReference<GridEngine>();
        ExchangeAdapter account = venues.adapter(grid.config().exchange());
        PositionModeFit.require(grid.config(), account);
        ExchangeAdapter venue = new FencedVenue(account, () -> mayTrade(grid.id(), self.get()));
        GridMachine machine = GridMachine.restore(grid.config(), db.levels().ladder(grid.id()).orElse(null),
                db.levels().levels(grid.id()));
        PersistentJournal journal = new PersistentJournal(db, grid.id(), owner, clock, writes);
        // Fills newer than the ledger's last one (less a minute) are checked against the venue's history at
        // every reconciliation: those made while no process listened are not lost.
        long since = db.fills().latestTime(grid.id()).map(t -> t - 60_000).orElse(0L);
        GridAlerts gridAlerts = alertsOf(grid);
        GridEngine engine = new GridEngine(machine, venue, adapterCalls, clock, journal,
                monitoring.venueCalls(grid.config())).recoverFillsSince(since)
                .otherGridsPosition(() -> otherGrids(grid)).alertsTo(a -> gridAlerts.raise(a.kind(), a.message()));
        CandleRecorder candles = new CandleRecorder(grid.config().name(), c -> db.candles().record(grid.id(), c));
        engine.pricesTo(candles::seen);
        attach(grid, engine);
        self.set(engine);
        GridDriver driver = new GridDriver(grid, engine, journal, leases, lease.fenceAfterMs(), snapshots,
                () -> running && isHosted(grid.id(), engine), clock).alertingTo(gridAlerts).recordingCandles(candles);
        HostedGrid hosted = new HostedGrid(grid, engine, journal, driver, clock.getAsLong());
        grids.put(grid.id(), hosted);
        if (driverThreads) {
            driver.start();
        }
        return hosted;
    }

    /**
     * Subscribes the engine to its venue's streams. An adapter that throws there unchecked (a third party's,
     * breaking the SPI's contract) refuses this grid with the reason; the daemon and its other grids go on.
     */
    private static void attach(StoredGrid grid, GridEngine engine) throws VenueUnavailableException {
        try {
            engine.attach();
        } catch (RuntimeException e) {
            try {
                engine.close();
            } catch (RuntimeException alsoClosing) {
                e.addSuppressed(alsoClosing);
            }
            LOG.error("grid {}: venue {} failed when its streams were subscribed", grid.config().name(),
                    grid.config().exchange(), e);
            throw new VenueUnavailableException(grid.config().exchange(), "its streams could not be subscribed: "
                    + VenueUnavailableException.reason(e));
        }
    }

    private GridAlerts alertsOf(StoredGrid grid) {
        return new GridAlerts(grid.config().name(), grid.config().exchange(), grid.config().symbol(), owner, clock,
                () -> alerts);
    }

    /**
     * What the ledgers of the other grids on the grid's venue and symbol hold: not the grid's to adopt or close.
     * A one-way grid reads their signed net; a hedge-mode grid their legs, each fill on the leg it opened or closed.
     */
    private PositionLegs otherGrids(StoredGrid grid) {
        String exchange = grid.config().exchange();
        String symbol = grid.config().symbol();
        try {
            PositionLegs others = grid.config().positionMode() == PositionMode.HEDGE
                    ? db.fills().othersHedgeLegs(exchange, symbol, grid.id())
                    : PositionLegs.oneWay(db.fills().othersNetPosition(exchange, symbol, grid.id()));
            othersLastRead.put(grid.id(), others);
            return others;
        } catch (RuntimeException e) {
            // The database is out: the last reading stands, so an outage never makes another grid's position ours.
            LOG.warn("grid {}: other grids' ledgers unreadable ({}); using the last reading", grid.config().name(), e.toString());
            return othersLastRead.getOrDefault(grid.id(), PositionLegs.FLAT);
        }
    }

    private boolean isHosted(long gridId, GridEngine engine) {
        HostedGrid hosted = grids.get(gridId);
        return hosted != null && hosted.engine() == engine;
    }

    /** Whether {@code engine} may send the grid's orders: it is the one hosted here, and the lease is fresh. */
    boolean mayTrade(long gridId, GridEngine engine) {
        return running && isHosted(gridId, engine) && leases.mayTrade(gridId);
    }

    /**
     * Stops hosting a grid without touching its orders: its driver ends, its engine hears the venue no more.
     * The lease stays (a stopped grid is hosted anew at its start) unless {@code giveUp}.
     */
    void unhost(HostedGrid hosted, boolean giveUp) {
        long id = hosted.id();
        if (grids.remove(id, hosted)) {
            if (giveUp) {
                leases.forget(id);
            }
            hosted.driver().stop();
            hosted.engine().close();
        }
    }

    /** Gives up the grid's lease: the next daemon may take it at once. */
    void release(long gridId) {
        leases.forget(gridId);
        db.runtime().release(gridId, owner);
    }

    /** Whether the daemon still runs: after {@link #stopAll()} no grid sends anything. */
    boolean running() {
        return running;
    }

    /** Ends every driver and engine, leaving the grids' orders and leases as they are. */
    void stopAll() {
        running = false;
        grids.values().forEach(h -> {
            h.driver().stop();
            h.engine().close();
        });
    }
}
