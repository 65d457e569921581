package io.gridbot.core.machine;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.config.GridConfig;
import io.gridbot.core.event.GridEvent;
import io.gridbot.core.level.Level;
import io.gridbot.core.log.EventLog;
import io.gridbot.core.spacing.GridLadder;
import io.gridbot.core.status.GridStatus;
import java.util.List;
import java.util.Objects;

/**
 * One grid's decision core: a deterministic state machine. Feed it {@link GridEvent}s one at a time with
 * {@link #on(GridEvent)}; it returns the {@link GridCommand}s to carry out. It reads no clock, does no I/O
 * and starts no thread, so the same events always give the same commands: live, in replay and in tests.
 *
 * <p>Not thread-safe: exactly one thread at a time may call {@link #on}; the shell queues a grid's events.
 *
 * <p>What it guarantees, whatever the events: the worst-case position (held plus every resting entry in the
 * same direction) never exceeds {@code maxPosition} through new entries; every exit is reduce-only and
 * one line back toward the price from its entry; every price is a ladder line and every quantity a whole
 * number of steps; two live orders never share an identity; once a stop-loss fires nothing but flattening
 * happens until the grid is stopped.
 *
 * <p>It is a facade: each event family goes to the part that owns its concern (the lifecycle, the market
 * price, the order stream, rejections, the venue sync, the streams' health, the fill book, the sync).
 */
public final class GridMachine {

    /** How long new entries wait after an insufficient-balance rejection before one is tried again. */
    public static final long BALANCE_RETRY_MS = 60_000;
    /** How long a stop-loss or stop waits for the venue before it asks for a fresh snapshot. */
    public static final long CLOSE_RESYNC_MS = 10_000;
    /** Pause before a rejected close order is sent again. */
    public static final long CLOSE_RETRY_MS = 1_000;
    /** Pause before the venue is asked again about an order of unknown outcome whose query failed. */
    public static final long QUERY_RETRY_MS = 5_000;

    private final Grid g;

    private GridMachine(GridConfig config, VenueCheck venueCheck) {
        this.g = new Grid(config, venueCheck);
    }

    /** A new grid that has never run: its lines are built at the first start. */
    public static GridMachine create(GridConfig config) {
        return create(config, VenueCheck.PERIODIC);
    }

    /** A new grid that compares itself with its venue as often as {@code venueCheck} says. */
    public static GridMachine create(GridConfig config, VenueCheck venueCheck) {
        return new GridMachine(config, venueCheck);
    }

    /**
     * A grid restored after a restart, stopped until started again. The saved ladder is kept when it still
     * fits the configuration; a changed band, count, spacing or tick builds a new one at
     * start, and the positions of lines that no longer exist are adopted from the venue.
     *
     * @param ladder the ladder saved at first start, or {@code null}
     * @param levels the levels saved before the restart
     */
    public static GridMachine restore(GridConfig config, GridLadder ladder, List<Level> levels) {
        GridMachine machine = new GridMachine(config, VenueCheck.PERIODIC);
        Grid g = machine.g;
        g.ids.restored();
        if (ladder != null && g.lines.fits(ladder)) {
            g.lines.install(ladder);
            g.lines.restore(levels);
            g.book.settle(g.lines.legs(config.positionMode()));
        }
        return machine;
    }

    /**
     * Handles one event and returns the commands it calls for, in the order they should be issued.
     * Never throws: an internal failure pauses the grid and is reported as an error log and an alert.
     */
    public List<GridCommand> on(GridEvent event) {
        Objects.requireNonNull(event, "event");
        g.out.begin(event.atMs());
        try {
            switch (event) {
                case GridEvent.ShellEvent e -> onShell(e);
                case GridEvent.MarketEvent e -> onMarket(e);
                case GridEvent.VenueEvent e -> onVenue(e);
            }
        } catch (RuntimeException e) {
            g.lifecycle.fail("unexpected error in the grid core: " + e, e);
        }
        g.lines.flushChanged();
        return g.out.commands();
    }

    private void onShell(GridEvent.ShellEvent event) {
        switch (event) {
            case GridEvent.ControlRequested c -> g.lifecycle.onControl(c.control());
            case GridEvent.TimerTick t -> onTimer();
            case GridEvent.Fault f -> {
                g.venue.onFault();
                g.lifecycle.fail("fault while serving the grid: " + f.description(), null);
            }
        }
    }

    private void onMarket(GridEvent.MarketEvent event) {
        switch (event) {
            case GridEvent.PriceTick t -> g.market.onPrice(t.price());
        }
    }

    private void onVenue(GridEvent.VenueEvent event) {
        switch (event) {
            case GridEvent.OrderUpdate u -> {
                g.orderStream.record(u);
                g.orderStream.onOrderUpdate(u);
            }
            case GridEvent.OrderRejected r -> g.rejections.onRejected(r);
            case GridEvent.CancelRejected r -> g.rejections.onCancelRejected(r);
            case GridEvent.PositionUpdate p -> g.venue.onVenuePosition(p.positionSide(), p.qty());
            case GridEvent.ExchangeSnapshot s -> g.venue.onSnapshot(s);
            case GridEvent.SnapshotFailed f -> g.venue.onSnapshotFailed(f);
            case GridEvent.StreamHealth h -> g.streams.onStream(h);
            case GridEvent.ExecutionsRecovered r -> g.book.onRecovered(r);
        }
    }

    private void onTimer() {
        g.rejections.queryAgainDue();
        g.orphans.retryDue();
        g.venue.retryDue();
        if (g.flattening.active()) {
            g.flattening.progress();
            return;
        }
        g.sync.onTimer();
        g.venue.onTimer();
    }

    /** A picture of the grid now. */
    public GridView view() {
        int open = g.orders.size() + (g.stop.exists() ? 1 : 0);
        return new GridView(g.config.name(), g.status(), g.market.lastPrice(), g.book.position(),
                g.venue.position() == null ? null : g.venue.position().net(), g.book.legs(), g.lines.ladder(),
                g.lines.levels(), open, g.sync.limitSkipped(), g.flattening.stopLossCount(),
                g.flattening.lastStopLoss(), g.streams.up() && !g.venue.drift().streamSilent(),
                g.sync.rateLimits().pausedUntilMs(), g.sync.entriesSuspendedUntilMs(), g.venue.drift().driftsFound(),
                g.out.log().entries());
    }

    /**
     * How far what rests on the venue (or is on its way) differs from the ideal set now: what a sync would
     * still create and cancel. In step, and whenever the grid is not running, both are zero.
     */
    public OrderDrift drift() {
        return g.sync.drift();
    }

    public GridStatus status() {
        return g.status();
    }

    public GridConfig config() {
        return g.config;
    }

    /** The grid's tag: the part of every client order id that names this grid. */
    public String tag() {
        return g.tag;
    }

    /** The in-memory event log. */
    public EventLog eventLog() {
        return g.out.log();
    }
}
