package io.gridbot.runner.engine;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.event.GridEvent;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.machine.GridMachine;
import io.gridbot.core.machine.GridView;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderOwnership;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderType;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.OrderAck;
import io.gridbot.exchange.OrderState;
import io.gridbot.exchange.Subscription;
import io.gridbot.exchange.TradeRecord;
import io.gridbot.exchange.stream.AccountEvent;
import io.gridbot.exchange.stream.OrderEvent;
import io.gridbot.exchange.stream.StreamHealthEvent;
import io.gridbot.exchange.stream.TickerEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shell around one grid's core: turns adapter stream events into {@link GridEvent}s, feeds them to the
 * {@link GridMachine} one at a time, and carries out its commands: order commands through the adapter (on
 * the command executor, so they may run concurrently), the rest through the {@link GridJournal}.
 *
 * <p>Every event of the grid goes through one queue and is handled by one thread at a time, whichever calls
 * {@link #pump()}: the daemon's driver thread live, or the replay loop in replays and the demo. Adapter
 * results come back as events on the same queue, so the core never sees two things at once.
 */
public final class GridEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GridEngine.class);

    private final GridMachine machine;
    private final ExchangeAdapter adapter;
    private final Executor commands;
    private final LongSupplier clock;
    private final GridJournal journal;
    private final String symbol;
    private final OrderOwnership owner;
    private final ConcurrentLinkedQueue<GridEvent> inbox = new ConcurrentLinkedQueue<>();
    private final Semaphore queued = new Semaphore(0);
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final Object pumpLock = new Object();
    private volatile long recoverSinceMs = -1;
    private volatile Supplier<BigDecimal> otherGridsNet = () -> BigDecimal.ZERO;

    /**
     * @param commands runs adapter calls: a virtual-thread executor live, {@code Runnable::run} in replays
     * @param clock    the time timer ticks and local failures are stamped with
     */
    public GridEngine(GridMachine machine, ExchangeAdapter adapter, Executor commands, LongSupplier clock,
            GridJournal journal) {
        this.machine = machine;
        this.adapter = adapter;
        this.commands = commands;
        this.clock = clock;
        this.journal = journal;
        this.symbol = machine.config().symbol();
        this.owner = new OrderOwnership(machine.tag());
    }

    /** Subscribes to the adapter's streams; call once before starting the grid. */
    public GridEngine attach() {
        subscriptions.add(adapter.watchTicker(symbol, this::onTicker));
        subscriptions.add(adapter.watchOrders(this::onOrder));
        subscriptions.add(adapter.watchAccount(this::onAccount));
        subscriptions.add(adapter.watchHealth(this::onHealth));
        return this;
    }

    /**
     * Turns on missed-fill recovery: after every snapshot, the grid's executions in the venue's trade history
     * since {@code sinceMs} go to the core as {@code ExecutionsRecovered}, and the core books those it did not
     * see live with their kind, line, fee and realized PnL (the journal ignores the ones it has). Fills that
     * happen while no process listens, or while a reconnect is under way, are folded into the position the
     * grid adopts; this is how they reach the ledger. Needs a journal that deduplicates, as the database does.
     */
    public GridEngine recoverFillsSince(long sinceMs) {
        this.recoverSinceMs = sinceMs;
        return this;
    }

    /**
     * Other grids on the same venue account and symbol: the signed sum of their ledgers' positions, read at
     * every snapshot, so this grid adopts and closes only what no other grid's ledger explains.
     */
    public GridEngine otherGridsPosition(Supplier<BigDecimal> otherGridsNet) {
        this.otherGridsNet = otherGridsNet;
        return this;
    }

    private void recoverFills() {
        long since = recoverSinceMs;
        try {
            List<GridEvent.Execution> ours = new ArrayList<>();
            for (TradeRecord t : adapter.trades(symbol, since)) {
                if (owner.ours(t.clientOrderId())) { // not another grid's execution, nor a person's
                    ours.add(new GridEvent.Execution(t.clientOrderId(), t.exchangeOrderId(), t.tradeId(), t.side(),
                            t.price(), t.qty(), t.fee(), t.feeAsset(), t.atMs()));
                }
            }
            // The core books them as it books live fills, with kind, line, fee and realized PnL.
            if (!ours.isEmpty()) {
                submit(new GridEvent.ExecutionsRecovered(clock.getAsLong(), ours));
            }
            // Later recoveries need not look further back than a while before this one.
            recoverSinceMs = Math.max(since, clock.getAsLong() - 600_000);
            LOG.debug("grid {}: {} executions checked against the ledger", machine.config().name(), ours.size());
        } catch (ExchangeException | RuntimeException e) {
            LOG.warn("grid {}: the venue's trade history could not be read ({}); missed fills are not recovered",
                    machine.config().name(), e.toString());
        }
    }

    /** Queues an event for the grid; thread-safe. */
    public void submit(GridEvent event) {
        inbox.add(event);
        queued.release();
    }

    /**
     * Waits until an event is queued or the time is up, so a driver handles an event as it arrives instead of
     * on its next round. Returns whether something is queued.
     */
    public boolean awaitEvent(long timeoutMs) throws InterruptedException {
        boolean any = queued.tryAcquire(timeoutMs, TimeUnit.MILLISECONDS);
        queued.drainPermits();
        return any || !inbox.isEmpty();
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
            while ((event = inbox.poll()) != null) {
                List<GridCommand> out = machine.on(event);
                handled++;
                if (event instanceof GridEvent.OrderUpdate update) {
                    journal.orderChanged(machine.config().name(), update);
                } else if (event instanceof GridEvent.ExchangeSnapshot && recoverSinceMs >= 0) {
                    commands.execute(this::recoverFills);
                }
                for (GridCommand command : out) {
                    carryOut(command);
                }
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

    public GridMachine machine() {
        return machine;
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
    }

    // ------------------------------------------------------------------ streams in

    private void onTicker(TickerEvent e) {
        BigDecimal price = e.price();
        if (price != null) {
            submit(new GridEvent.PriceTick(e.atMs(), price));
        }
    }

    private void onOrder(OrderEvent e) {
        if (!symbol.equals(e.symbol()) || !owner.ours(e.clientOrderId())) {
            return; // another grid's order, or a person's
        }
        submit(new GridEvent.OrderUpdate(e.atMs(), e.clientOrderId(), e.exchangeOrderId(), e.status(), e.cumFilledQty(),
                e.lastFillQty(), e.lastFillPrice(), e.fee(), e.feeAsset(), e.tradeId()));
    }

    private void onAccount(AccountEvent e) {
        e.positions().stream().filter(p -> symbol.equals(p.symbol()))
                .forEach(p -> submit(new GridEvent.PositionUpdate(e.atMs(), p.netQty())));
    }

    private void onHealth(StreamHealthEvent e) {
        submit(new GridEvent.StreamHealth(e.atMs(), e.state(), e.attempt()));
    }

    // ------------------------------------------------------------------ commands out

    private void carryOut(GridCommand command) {
        switch (command) {
            case GridCommand.PlaceOrder p -> {
                // The journal's order record keeps no intent and no line for a protective stop or a close.
                GridCommand.Purpose.Line on = p.purpose() instanceof GridCommand.Purpose.Line l ? l : null;
                journal.orderPlaced(machine.config().name(), p.request(), on == null ? null : on.intent(),
                        on == null ? -1 : on.line(), clock.getAsLong());
                commands.execute(() -> place(p.request()));
            }
            case GridCommand.CancelOrder c -> commands.execute(() -> cancel(c.clientOrderId()));
            // By client id, all at once: never a symbol-wide cancel that would reach other grids' orders.
            case GridCommand.CancelAll c -> c.clientOrderIds().forEach(id -> commands.execute(() -> cancel(id)));
            case GridCommand.CancelProtectiveStop c -> commands.execute(() -> cancelStop(c.clientOrderId()));
            case GridCommand.QueryOrder q -> commands.execute(() -> query(q.clientOrderId()));
            case GridCommand.RequestSnapshot s -> commands.execute(this::snapshot);
            case GridCommand.LadderBuilt l -> journal.ladderBuilt(machine.config().name(), l.ladder());
            case GridCommand.LevelChanged l -> journal.levelChanged(machine.config().name(), l.level());
            case GridCommand.RecordFill f -> journal.fill(machine.config().name(), f.fill());
            case GridCommand.RecordLog l -> journal.log(machine.config().name(), l.entry());
            case GridCommand.ReportStopLoss r -> journal.stopLoss(machine.config().name(), r.report());
            case GridCommand.StatusChanged s -> {
                LOG.info("grid {}: {} -> {} ({})", machine.config().name(), s.from(), s.to(), s.reason());
                journal.status(machine.config().name(), s.from(), s.to(), s.reason());
            }
            case GridCommand.Alert a -> LOG.warn("ALERT grid {} [{}]: {}", machine.config().name(), a.kind(), a.message());
        }
    }

    private void place(OrderRequest request) {
        try {
            OrderAck ack = request.type() == OrderType.STOP_MARKET ? adapter.placeProtectiveStop(request)
                    : adapter.createOrder(request);
            // The ack says the order exists and gives its id; its fills are booked from the order stream (or,
            // if the stream missed them, from the trade history after the next reconciliation), each with
            // the venue's trade id, so the ledger never holds one execution under two names.
            submit(new GridEvent.OrderUpdate(clock.getAsLong(), ack.clientOrderId(), ack.exchangeOrderId(),
                    io.gridbot.core.order.OrderStatus.NEW, BigDecimal.ZERO, BigDecimal.ZERO, null, BigDecimal.ZERO, null,
                    null));
        } catch (ExchangeException e) {
            submit(new GridEvent.OrderRejected(clock.getAsLong(), request.clientOrderId(), e.kind(), e.retryAfterMs(),
                    e.venueCode(), e.venueMessage()));
        } catch (RuntimeException e) {
            LOG.error("grid {}: create failed unexpectedly", machine.config().name(), e);
            submit(new GridEvent.OrderRejected(clock.getAsLong(), request.clientOrderId(),
                    ExchangeErrorKind.TIMEOUT_UNKNOWN, 0, null, e.toString()));
        }
    }

    private void cancel(String clientOrderId) {
        try {
            adapter.cancelOrder(symbol, clientOrderId);
        } catch (ExchangeException e) {
            submit(new GridEvent.CancelRejected(clock.getAsLong(), clientOrderId, e.kind(), e.venueMessage()));
        } catch (RuntimeException e) {
            LOG.error("grid {}: cancel failed unexpectedly", machine.config().name(), e);
            submit(new GridEvent.CancelRejected(clock.getAsLong(), clientOrderId, ExchangeErrorKind.NETWORK, e.toString()));
        }
    }

    private void cancelStop(String clientOrderId) {
        try {
            adapter.cancelProtectiveStop(symbol, clientOrderId);
        } catch (ExchangeException e) {
            submit(new GridEvent.CancelRejected(clock.getAsLong(), clientOrderId, e.kind(), e.venueMessage()));
        } catch (RuntimeException e) {
            LOG.error("grid {}: stop cancel failed unexpectedly", machine.config().name(), e);
        }
    }

    private void query(String clientOrderId) {
        try {
            OrderState s = adapter.queryOrder(symbol, clientOrderId);
            submit(new GridEvent.OrderUpdate(s.updateTimeMs(), s.clientOrderId(), s.exchangeOrderId(), s.status(),
                    s.cumFilledQty(), BigDecimal.ZERO, s.avgPrice(), BigDecimal.ZERO, null, null));
        } catch (ExchangeException e) {
            submit(new GridEvent.OrderRejected(clock.getAsLong(), clientOrderId, e.kind(), e.retryAfterMs(), e.venueCode(),
                    e.venueMessage()));
        } catch (RuntimeException e) {
            LOG.error("grid {}: query failed unexpectedly", machine.config().name(), e);
            // Still unanswered: the core keeps the order's line reserved and asks again.
            submit(new GridEvent.OrderRejected(clock.getAsLong(), clientOrderId, ExchangeErrorKind.NETWORK, 0, null,
                    e.toString()));
        }
    }

    private void snapshot() {
        try {
            // Other grids' orders on the same symbol are theirs to reconcile; a person's orders stay visible.
            List<OpenOrder> open = adapter.openOrders(symbol).stream()
                    .filter(o -> !owner.anotherGrids(o.clientOrderId())).toList();
            BigDecimal net = adapter.position(symbol).netQty();
            submit(new GridEvent.ExchangeSnapshot(clock.getAsLong(), open, net, otherGridsNet.get()));
        } catch (ExchangeException | RuntimeException e) {
            LOG.warn("grid {}: snapshot failed: {}", machine.config().name(), e.toString());
            submit(new GridEvent.Fault(clock.getAsLong(), "could not read the venue's orders and position: " + e));
        }
    }
}
