package io.gridbot.runner.engine;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.event.GridEvent;
import io.gridbot.core.machine.GridMachine;
import io.gridbot.core.machine.GridView;
import io.gridbot.core.machine.OrderDrift;
import io.gridbot.core.order.OrderOwnership;
import io.gridbot.core.risk.PositionLegs;
import io.gridbot.exchange.ExchangeAdapter;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shell around one grid's core: feeds the {@link GridMachine} its events one at a time and routes each of
 * its commands to where it is carried out: venue commands to the adapter (on the command executor, so they
 * may run concurrently), facts to the {@link GridJournal}, which stores them and decides nothing, alerts to the
 * log and to {@link #alertsTo whoever notifies}. What the venue says reaches the inbox through
 * {@link VenueStreams} and the answers of {@link VenueCalls}; missed fills through {@link ExecutionRecovery}.
 *
 * <p>Every event of the grid goes through one queue and is handled by one thread at a time, whichever calls
 * {@link #pump()}: the daemon's driver thread live, or the replay loop in replays and the demo. Adapter
 * results come back as events on the same queue, so the core never sees two things at once.
 */
public final class GridEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GridEngine.class);

    private final GridMachine machine;
    private final LongSupplier clock;
    private final GridJournal journal;
    private final String grid;
    private final EventInbox inbox = new EventInbox();
    private final VenueStreams streams;
    private final VenueCalls venue;
    private final ExecutionRecovery recovery;
    private final Object pumpLock = new Object();
    private volatile Supplier<PositionLegs> otherGrids = () -> PositionLegs.FLAT;
    private volatile Consumer<GridCommand.Alert> alerts = alert -> { };
    private volatile PriceListener prices = PriceListener.NONE;

    /**
     * @param commands runs adapter calls: a virtual-thread executor live, {@code Runnable::run} in replays
     * @param clock    the time timer ticks and local failures are stamped with
     */
    public GridEngine(GridMachine machine, ExchangeAdapter adapter, Executor commands, LongSupplier clock,
            GridJournal journal) {
        this(machine, adapter, commands, clock, journal, VenueCallWatch.NONE);
    }

    /** @param watch hears how long creates take to be answered, every refusal and the streams' health */
    public GridEngine(GridMachine machine, ExchangeAdapter adapter, Executor commands, LongSupplier clock,
            GridJournal journal, VenueCallWatch watch) {
        this.machine = machine;
        this.clock = clock;
        this.journal = journal;
        this.grid = machine.config().name();
        VenueLink link = new VenueLink(adapter, commands, clock, grid, machine.config().symbol(),
                new OrderOwnership(machine.tag()), inbox::addAll);
        this.streams = new VenueStreams(link, watch);
        this.recovery = new ExecutionRecovery(link, watch);
        this.venue = new VenueCalls(link, () -> otherGrids.get(), watch).recoveringWith(recovery);
    }

    /** Subscribes to the adapter's streams; call once before starting the grid. */
    public GridEngine attach() {
        streams.attach();
        return this;
    }

    /**
     * Turns on missed-fill recovery: with every snapshot, the grid's executions in the venue's trade history
     * since {@code sinceMs} go to the core as {@code ExecutionsRecovered}, and the core books those it did not
     * see live with their kind, line, fee and realized PnL (the journal ignores the ones it has). Fills that
     * happen while no process listens, or while a reconnect is under way, are folded into the position the
     * grid adopts; this is how they reach the ledger. Needs a journal that deduplicates, as the database does.
     */
    public GridEngine recoverFillsSince(long sinceMs) {
        recovery.since(sinceMs);
        return this;
    }

    /**
     * Other grids on the same venue account and symbol: what their ledgers hold, leg by leg (one signed net in
     * one-way mode), read at every snapshot, so this grid adopts and closes only what no other grid's ledger
     * explains.
     */
    public GridEngine otherGridsPosition(Supplier<PositionLegs> otherGrids) {
        this.otherGrids = otherGrids;
        return this;
    }

    /** Where the core's alerts go besides the log (the daemon's notifiers); it must return at once. */
    public GridEngine alertsTo(Consumer<GridCommand.Alert> alerts) {
        this.alerts = alerts;
        return this;
    }

    /** Who hears every market price the grid is given (the price chart's recorder); it must return at once. */
    public GridEngine pricesTo(PriceListener listener) {
        this.prices = listener;
        return this;
    }

    /** Queues an event for the grid; thread-safe. */
    public void submit(GridEvent event) {
        inbox.add(event);
    }

    /**
     * Waits until an event is queued or the time is up, so a driver handles an event as it arrives instead of
     * on its next round. Returns whether something is queued.
     */
    public boolean awaitEvent(long timeoutMs) throws InterruptedException {
        return inbox.await(timeoutMs);
    }

    /** Queues a user control (start, pause, resume, stop). */
    public void control(GridEvent.Control control) {
        submit(new GridEvent.ControlRequested(clock.getAsLong(), control));
    }

    /** Queues a timer tick at the clock's time. */
    public void tick() {
        submit(new GridEvent.TimerTick(clock.getAsLong()));
    }

    /**
     * Handles every queued event, and the events their commands cause, on the calling thread. Returns how
     * many events were handled.
     */
    public int pump() {
        synchronized (pumpLock) {
            int handled = 0;
            GridEvent event;
            while ((event = inbox.next()) != null) {
                if (event instanceof GridEvent.PriceTick tick) {
                    prices.seen(tick.atMs(), tick.price());
                }
                List<GridCommand> out = machine.on(event);
                handled++;
                out.forEach(this::carryOut);
            }
            return handled;
        }
    }

    /** The grid now; call it from the thread that pumps, or between pumps. */
    public GridView view() {
        synchronized (pumpLock) {
            return machine.view();
        }
    }

    /** How far what rests differs from the grid's ideal set now; safe from any thread, as {@link #view()}. */
    public OrderDrift drift() {
        synchronized (pumpLock) {
            return machine.drift();
        }
    }

    public GridMachine machine() {
        return machine;
    }

    @Override
    public void close() {
        streams.close();
    }

    private void carryOut(GridCommand command) {
        switch (command) {
            case GridCommand.PlaceOrder p -> {
                // Stamped with the shell's clock as the create goes out, not the core's event time: in a live
                // run the two differ, and the order's placed time is when it was sent.
                journal.orderPlaced(grid, p, clock.getAsLong());
                venue.place(p.request());
            }
            case GridCommand.CancelOrder c -> venue.cancel(c.clientOrderId());
            // By client id, all at once: never a symbol-wide cancel that would reach other grids' orders.
            case GridCommand.CancelAll c -> c.clientOrderIds().forEach(venue::cancel);
            case GridCommand.CancelProtectiveStop c -> venue.cancelStop(c.clientOrderId());
            case GridCommand.QueryOrder q -> venue.query(q.clientOrderId());
            case GridCommand.RequestSnapshot s -> venue.snapshot();
            case GridCommand.LadderBuilt l -> journal.ladderBuilt(grid, l.ladder());
            case GridCommand.LevelChanged l -> journal.levelChanged(grid, l.level());
            case GridCommand.RecordFill f -> journal.fill(grid, f.fill());
            case GridCommand.RecordOrderChange c -> journal.orderChanged(grid, c);
            case GridCommand.RecordLog l -> journal.log(grid, l.entry());
            case GridCommand.ReportStopLoss r -> journal.stopLoss(grid, r.report());
            case GridCommand.StatusChanged s -> {
                LOG.info("grid {}: {} -> {} ({})", grid, s.from(), s.to(), s.reason());
                journal.status(grid, s.from(), s.to(), s.reason());
            }
            case GridCommand.Alert a -> {
                LOG.warn("ALERT grid {} [{}]: {}", grid, a.kind(), a.message());
                alerts.accept(a);
            }
        }
    }
}
