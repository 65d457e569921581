package io.gridbot.core.legacy.machine;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.command.GridCommand.AlertKind;
import io.gridbot.core.config.GridConfig;
import io.gridbot.core.event.GridEvent;
import io.gridbot.core.event.GridEvent.CancelRejected;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.event.GridEvent.ExchangeSnapshot;
import io.gridbot.core.event.GridEvent.OrderRejected;
import io.gridbot.core.event.GridEvent.OrderUpdate;
import io.gridbot.core.event.GridEvent.StreamHealth;
import io.gridbot.core.level.Level;
import io.gridbot.core.log.EventLog;
import io.gridbot.core.log.LogEntry;
import io.gridbot.core.log.LogType;
import io.gridbot.core.machine.GridStatus;
import io.gridbot.core.machine.GridView;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.Intent;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.legacy.order.OrderDiff;
import io.gridbot.core.order.OrderKey;
import io.gridbot.core.legacy.order.OrderOwnership;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.legacy.ratelimit.RateLimitGovernor;
import io.gridbot.core.legacy.reconcile.DriftCheck;
import io.gridbot.core.legacy.reconcile.FillRecovery;
import io.gridbot.core.legacy.reconcile.Reconciliation;
import io.gridbot.core.legacy.risk.OwnPosition;
import io.gridbot.core.legacy.reconcile.ReconciliationPlan;
import io.gridbot.core.spacing.GridLadder;
import io.gridbot.core.stoploss.StopLossReport;
import io.gridbot.core.legacy.stoploss.StopLossRule;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One grid's decision core: a deterministic state machine. Feed it {@link GridEvent}s one at a time with
 * {@link #on(GridEvent)}; it returns the {@link GridCommand}s to carry out. It reads no clock, does no I/O
 * and starts no thread, so the same events always give the same commands: live, in replay and in tests.
 *
 * <p>Not thread-safe: exactly one thread at a time may call {@link #on}; the shell queues a grid's events.
 *
 * <p>What it guarantees, whatever the events: the worst-case position (held plus every resting entry in the
 * same direction) never exceeds {@code maxPosition} through new entries (FR-9); every exit is reduce-only and
 * one line back toward the price from its entry; every price is a ladder line and every quantity a whole
 * number of steps; two live orders never share an identity; once a stop-loss fires nothing but flattening
 * happens until the grid is stopped (FR-8).
 */
public final class GridMachine {

    /** How long new entries wait after an insufficient-balance rejection before one is tried again (AC12.4). */
    public static final long BALANCE_RETRY_MS = 60_000;
    /** How long a stop-loss or stop waits for the venue before it asks for a fresh snapshot. */
    public static final long CLOSE_RESYNC_MS = 10_000;
    /** Pause before a rejected close order is sent again. */
    public static final long CLOSE_RETRY_MS = 1_000;
    /** Pause before the venue is asked again about an order of unknown outcome whose query failed. */
    public static final long QUERY_RETRY_MS = 5_000;
    private static final int RECENT_IDS = 4_096;
    private static final int JOURNAL_LIMIT = 10_000;

    private final GridConfig config;
    private final String tag;
    private final OrderOwnership owner;
    private final FillRecovery recovery;
    private final DriftCheck drift = new DriftCheck();
    private final EventLog log;
    private final RateLimitGovernor rateLimits = new RateLimitGovernor();
    private final Map<String, Slot> liveBySlot = new HashMap<>();
    private final LinkedHashSet<String> recentlyFinished = new LinkedHashSet<>();

    private GridLadder ladder;
    private Slot[] slots = new Slot[0];
    private StopLossRule stopRule;
    private GridStatus status = GridStatus.STOPPED;
    private BigDecimal lastPrice;
    private long lastPriceAtMs = Long.MIN_VALUE;
    private int bracket = -1;
    private BigDecimal position = BigDecimal.ZERO;
    private BigDecimal venuePosition;
    /** What other grids' ledgers hold of the account's position on the symbol, as of the last snapshot. */
    private BigDecimal othersNet = BigDecimal.ZERO;
    /** A restored grid numbers its orders from its start time up, so no client id repeats across restarts. */
    private boolean restored;
    /** Whether the grid has seen the venue's orders since it was created: until then it may not know them all. */
    private boolean reconciled;
    private long seqFloor;
    private boolean streamUp = true;
    private long lastUntrackedResyncMs = Long.MIN_VALUE;
    private ExchangeSnapshot heldSnapshot;
    private long nowMs = Long.MIN_VALUE;
    private int snapshotsOutstanding;
    private List<OrderUpdate> journal = new ArrayList<>();
    private long nextSyncAtMs;
    /** Counts state changes that can alter the ideal orders; the periodic sync skips when none happened. */
    private long changes;
    private long changesAtSync = -1;
    private long nextWakeMs;
    private long entriesSuspendedUntilMs;
    private TrackedOrder protectiveStop;
    private Side protectiveStopSide;
    private long protectiveRetryAtMs;
    private long stopSeq;
    private long closeSeq;
    private Closing closing;
    private final LimitSkips limitSkips = new LimitSkips();
    private int stopLossCount;
    private StopLossReport lastStopLoss;

    private List<GridCommand> out = new ArrayList<>();
    private final BitSet dirty = new BitSet();

    private GridMachine(GridConfig config) {
        this.config = config.requireValid();
        this.tag = ClientOrderId.tagOf(config.name());
        this.owner = new OrderOwnership(tag);
        this.recovery = new FillRecovery(owner);
        this.log = new EventLog(config.logCapacity());
    }

    /** A new grid that has never run: its lines are built at the first start. */
    public static GridMachine create(GridConfig config) {
        return new GridMachine(config);
    }

    /**
     * A grid restored after a restart, stopped until started again. The saved ladder is kept when it still
     * fits the configuration (clarification A); a changed band, count, spacing or tick builds a new one at
     * start, and the positions of lines that no longer exist are adopted from the venue.
     *
     * @param ladder the ladder saved at first start, or {@code null}
     * @param levels the levels saved before the restart
     */
    public static GridMachine restore(GridConfig config, GridLadder ladder, List<Level> levels) {
        GridMachine machine = new GridMachine(config);
        machine.restored = true;
        if (ladder != null && machine.fits(ladder)) {
            machine.install(ladder);
            for (Level level : levels) {
                if (level.line() >= 0 && level.line() < ladder.size()
                        && ladder.price(level.line()).compareTo(level.price()) == 0) {
                    machine.slots[level.line()].restoreFrom(level);
                }
            }
            machine.position = machine.slotNet();
        }
        return machine;
    }

    /**
     * Handles one event and returns the commands it calls for, in the order they should be issued.
     * Never throws: an internal failure pauses the grid (AC12.7) and is reported as an error log and an alert.
     */
    public List<GridCommand> on(GridEvent event) {
        Objects.requireNonNull(event, "event");
        out = new ArrayList<>();
        nowMs = Math.max(nowMs, event.atMs());
        try {
            switch (event) {
                case GridEvent.ControlRequested c -> onControl(c.control());
                case GridEvent.PriceTick t -> onPrice(t.price());
                case OrderUpdate u -> onOrderUpdate(u);
                case OrderRejected r -> onRejected(r);
                case CancelRejected r -> onCancelRejected(r);
                case GridEvent.PositionUpdate p -> onVenuePosition(p.netQty());
                case ExchangeSnapshot s -> onSnapshot(s);
                case StreamHealth h -> onStream(h);
                case GridEvent.TimerTick t -> onTimer();
                case GridEvent.ExecutionsRecovered r -> onRecovered(r);
                case GridEvent.Fault f -> {
                    // A failed snapshot arrives as a fault: the grid must not wait for it forever.
                    snapshotsOutstanding = 0;
                    drift.doubt(nowMs);
                    fail("fault while serving the grid: " + f.description(), null);
                }
            }
        } catch (RuntimeException e) {
            fail("unexpected error in the grid core: " + e, e);
        }
        flushDirtyLevels();
        return out;
    }

    /** A picture of the grid now. */
    public GridView view() {
        List<Level> levels = new ArrayList<>(slots.length);
        for (Slot slot : slots) {
            levels.add(slot.toLevel());
        }
        int open = liveBySlot.size() + (protectiveStop != null ? 1 : 0);
        return new GridView(config.name(), status, lastPrice, position, venuePosition, ladder, levels, open,
                limitSkips.skipped(), stopLossCount, lastStopLoss, streamUp && !drift.streamSilent(), rateLimits.pausedUntilMs(),
                entriesSuspendedUntilMs, drift.driftsFound(), log.entries());
    }

    public GridStatus status() {
        return status;
    }

    public GridConfig config() {
        return config;
    }

    /** The grid's tag: the part of every client order id that names this grid. */
    public String tag() {
        return tag;
    }

    /** The in-memory event log (AC10.3). */
    public EventLog eventLog() {
        return log;
    }

    // ---------------------------------------------------------------- lifecycle (FR-13)

    private void onControl(Control control) {
        switch (control) {
            case START -> {
                if (status != GridStatus.STOPPED) {
                    warn("start ignored: the grid is " + status);
                    return;
                }
                if (restored) {
                    seqFloor = Math.max(seqFloor, nowMs);
                }
                if (ladder == null && !config.spacing().needsMarketPrice()) {
                    buildLadder(null);
                }
                setStatus(GridStatus.INITIALIZING, "start requested");
                requestSnapshot();
            }
            case PAUSE -> {
                if (status == GridStatus.RUNNING || status == GridStatus.INITIALIZING) {
                    setStatus(GridStatus.PAUSED, "pause requested: orders and position kept");
                } else {
                    warn("pause ignored: the grid is " + status);
                }
            }
            case RESUME -> {
                if (status == GridStatus.PAUSED) {
                    if (resyncing() || ladder == null) {
                        setStatus(GridStatus.INITIALIZING, "resume requested before initialisation finished");
                        finishInitialisation();
                    } else {
                        setStatus(GridStatus.RUNNING, "resume requested");
                        sync();
                    }
                } else if (status == GridStatus.SAFE_MODE) {
                    setStatus(GridStatus.INITIALIZING, "resume from safe mode: resynchronising with the venue");
                    requestSnapshot();
                } else {
                    warn("resume ignored: the grid is " + status);
                }
            }
            case STOP -> {
                if (status == GridStatus.STOPPED || status == GridStatus.STOPPING || status == GridStatus.STOP_LOSS) {
                    warn("stop ignored: the grid is " + status);
                    return;
                }
                beginClosing(false, lastPrice, null, "stop requested by the user");
            }
        }
    }

    private void setStatus(GridStatus to, String reason) {
        changes++;
        GridStatus from = status;
        status = to;
        out.add(new GridCommand.StatusChanged(from, to, reason));
        record(LogType.INFO, "status " + from + " -> " + to + ": " + reason, null, null);
    }

    private void fail(String message, Throwable error) {
        String detail = message;
        if (error != null) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            detail = message + "\n" + trace;
        }
        record(LogType.ERROR, detail, null, null);
        out.add(new GridCommand.Alert(AlertKind.UNEXPECTED_ERROR, message));
        // A stop-loss or stop keeps flattening: pausing it would leave the position open.
        if (status == GridStatus.RUNNING || status == GridStatus.INITIALIZING) {
            setStatus(GridStatus.PAUSED, "paused after an unexpected error (AC12.7)");
        }
    }

    // ---------------------------------------------------------------- ladder

    private boolean fits(GridLadder saved) {
        if (saved.size() != config.levels()) {
            return false;
        }
        if (config.spacing().needsMarketPrice()) {
            return saved.prices().stream().allMatch(config.rules()::onTick);
        }
        try {
            return GridLadder.build(config.spacing(), config.lowerPrice(), config.upperPrice(), config.levels(),
                    config.rules().tickSize(), null).sameLines(saved);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void buildLadder(BigDecimal marketPrice) {
        install(GridLadder.build(config.spacing(), config.lowerPrice(), config.upperPrice(), config.levels(),
                config.rules().tickSize(), marketPrice));
        out.add(new GridCommand.LadderBuilt(ladder));
        record(LogType.INFO, "grid built: " + ladder.size() + " lines from " + ladder.lowest().toPlainString()
                + " to " + ladder.highest().toPlainString() + ", stop-loss below "
                + stopRule.lowerStop().stripTrailingZeros().toPlainString() + " or above "
                + stopRule.upperStop().stripTrailingZeros().toPlainString(), null, null);
        dirty.set(0, slots.length);
    }

    private void install(GridLadder built) {
        // Every price leaves at the tick's scale: keys compare equal and venues see no stray digits.
        int scale = Math.max(config.rules().tickSize().stripTrailingZeros().scale(), 0);
        built = new GridLadder(built.prices().stream()
                .map(p -> p.setScale(scale, java.math.RoundingMode.UNNECESSARY)).toList());
        ladder = built;
        stopRule = new StopLossRule(built, config.stopLossBufferPct(), config.rules());
        int n = built.size();
        slots = new Slot[n];
        for (int i = 0; i < n; i++) {
            slots[i] = new Slot(i, built.levelIndex(i), built.price(i), i > 0 ? built.price(i - 1) : null,
                    i < n - 1 ? built.price(i + 1) : null);
        }
        bracket = -1;
    }

    // ---------------------------------------------------------------- initialisation and reconciliation (FR-6)

    private void onSnapshot(ExchangeSnapshot snapshot) {
        if (snapshotsOutstanding == 0) {
            record(LogType.INFO, "snapshot ignored: none was asked for (a repeat or a stale answer)", null, null);
            return;
        }
        snapshotsOutstanding--;
        venuePosition = snapshot.netPosition();
        othersNet = snapshot.otherGridsNet();
        if (!checkDrift(snapshot)) {
            applySnapshot(snapshot);
        }
        replayJournal();
    }

    private void applySnapshot(ExchangeSnapshot snapshot) {
        if (closing != null) {
            settleClosingWith(snapshot);
            return;
        }
        if (!status.isActive()) {
            return;
        }
        if (ladder == null || (status == GridStatus.INITIALIZING && lastPrice == null)) {
            // Percentage lines wait for the first price, and so does adopting positions near it.
            heldSnapshot = snapshot;
            finishInitialisation();
            return;
        }
        reconcile(snapshot);
        if (status == GridStatus.INITIALIZING) {
            finishInitialisation();
        } else if (status == GridStatus.RUNNING) {
            sync();
        }
    }

    private void finishInitialisation() {
        if (status != GridStatus.INITIALIZING || snapshotsOutstanding > 0 || lastPrice == null) {
            return;
        }
        if (ladder == null) {
            buildLadder(lastPrice);
        }
        if (heldSnapshot != null) {
            ExchangeSnapshot held = heldSnapshot;
            heldSnapshot = null;
            reconcile(held);
            replayJournal();
        }
        Optional<String> refusal = position.signum() == 0 && liveBySlot.isEmpty() && protectiveStop == null
                ? stopRule.startRefusal(lastPrice) : Optional.empty();
        if (refusal.isPresent()) { // it would stop at once: refused while nothing is held
            record(LogType.ERROR, refusal.get(), null, null);
            setStatus(GridStatus.STOPPED, refusal.get());
            return;
        }
        setStatus(GridStatus.RUNNING, "initialised at price " + lastPrice.toPlainString());
        drift.start(nowMs);
        if (!checkStopLoss()) {
            sync();
        }
    }

    /** The periodic comparison with the venue ({@link DriftCheck}); true when the snapshot needs no reconciling. */
    private boolean checkDrift(ExchangeSnapshot snapshot) {
        if (closing != null || (status != GridStatus.RUNNING && status != GridStatus.PAUSED) || ladder == null
                || resyncing() || !journal.isEmpty()) {
            return false; // updates overtook the snapshot, or it is not a running grid's: reconcile as always
        }
        DriftCheck.Belief belief = new DriftCheck.Belief(position);
        liveBySlot.forEach((id, slot) -> belief.track(id, orderOf(slot, id).phase == TrackedOrder.Phase.WORKING,
                orderOf(slot, id).filled));
        if (protectiveStop != null) {
            belief.track(protectiveStop.clientOrderId, protectiveStop.phase == TrackedOrder.Phase.WORKING, BigDecimal.ZERO);
        }
        DriftCheck.Finding finding = drift.check(owner, belief, snapshot.openOrders(), snapshot.unexplainedByOthers(),
                nowMs, streamUp);
        finding.notes().forEach(this::warn);
        if (finding.streamSilent()) {
            out.add(new GridCommand.Alert(AlertKind.STREAM_SILENT, config.name() + ": the venue's order stream is silent"));
        }
        return finding.nothingToResolve();
    }

    private void reconcile(ExchangeSnapshot snapshot) {
        List<Level> current = new ArrayList<>(slots.length);
        for (Slot slot : slots) {
            current.add(slot.toLevel());
        }
        recovery.baseline(ladder, current);
        BigDecimal own = snapshot.unexplainedByOthers();
        ReconciliationPlan plan = new Reconciliation(tag, ladder, config.mode(), config.orderQty())
                .plan(current, snapshot.openOrders(), own, lastPrice);
        Map<String, Long> firstFills = new HashMap<>();
        liveBySlot.forEach((id, slot) -> firstFills.put(id, orderOf(slot, id).firstFillAtMs));
        java.util.Set<String> onVenue = new java.util.HashSet<>();
        snapshot.openOrders().forEach(o -> onVenue.add(o.clientOrderId()));
        // Creates sent before the snapshot was taken may not be in it yet: they are carried over.
        List<TrackedOrder> inFlight = new ArrayList<>();
        for (Map.Entry<String, Slot> e : liveBySlot.entrySet()) {
            TrackedOrder order = orderOf(e.getValue(), e.getKey());
            boolean unanswered = order.phase == TrackedOrder.Phase.PENDING || order.phase == TrackedOrder.Phase.UNKNOWN;
            if (unanswered && !onVenue.contains(e.getKey())) {
                inFlight.add(order);
            }
        }
        TrackedOrder stopInFlight = protectiveStop != null && protectiveStop.phase == TrackedOrder.Phase.PENDING
                && !onVenue.contains(protectiveStop.clientOrderId) ? protectiveStop : null;
        liveBySlot.clear();
        for (int i = 0; i < slots.length; i++) {
            Slot fresh = new Slot(i, slots[i].levelIndex, slots[i].price, i > 0 ? slots[i - 1].price : null,
                    i < slots.length - 1 ? slots[i + 1].price : null);
            fresh.restoreFrom(plan.levels().get(i));
            slots[i] = fresh;
        }
        for (ReconciliationPlan.Attachment a : plan.attachments()) {
            Slot slot = slots[a.line()];
            OpenOrder order = a.order();
            if (a.intent() == Intent.ENTRY) {
                // A tracked order keeps its partial-fill clock; for one unknown till now it starts here.
                long first = firstFills.getOrDefault(order.clientOrderId(), -1L);
                slot.attachEntry(order, first >= 0 ? first : nowMs);
            } else {
                slot.attachExit(order);
            }
            liveBySlot.put(order.clientOrderId(), slot);
        }
        for (TrackedOrder order : inFlight) {
            carryOver(order);
        }
        protectiveStop = stopInFlight;
        if (plan.protectiveStop() != null) {
            if (stopInFlight != null) {
                out.add(new GridCommand.CancelProtectiveStop(config.symbol(), stopInFlight.clientOrderId));
            }
            OpenOrder stop = plan.protectiveStop();
            protectiveStop = new TrackedOrder(stop.clientOrderId(), null, BigDecimal.ZERO, TrackedOrder.Phase.WORKING);
            protectiveStopSide = stop.side();
            ClientOrderId.parse(stop.clientOrderId()).ifPresent(p -> stopSeq = Math.max(stopSeq, p.seq()));
        }
        for (OpenOrder orphan : plan.orphans()) {
            out.add(new GridCommand.CancelOrder(config.symbol(), orphan.clientOrderId()));
            record(LogType.ORDER, "cancel orphan order at " + orphan.price(), orphan.clientOrderId(), null);
        }
        for (String note : plan.notes()) {
            record(LogType.WARN, "reconciliation: " + note, null, null);
        }
        record(LogType.INFO, "reconciled with the venue: " + plan.attachments().size() + " order(s) mapped to levels, "
                + "venue position " + snapshot.netPosition().toPlainString() + (othersNet.signum() == 0 ? ""
                        : ", of which other grids' ledgers hold " + othersNet.toPlainString()), null, null);
        position = own;
        reconciled = true;
        dirty.set(0, slots.length);
    }

    /**
     * Asks the venue for its open orders and position. A snapshot is older than the stream events that
     * overtake it, so order updates seen while it is on its way are kept and replayed onto it: cumulative
     * quantities make the replay book only what the snapshot does not already contain.
     */
    private void requestSnapshot() {
        drift.otherSnapshot();
        snapshotsOutstanding++;
        out.add(new GridCommand.RequestSnapshot(config.symbol()));
    }

    /** True while a snapshot is on its way or held: nothing new is placed until the venue's truth is in. */
    private boolean resyncing() {
        return snapshotsOutstanding > 0 || heldSnapshot != null;
    }

    private void replayJournal() {
        if (snapshotsOutstanding > 0 || heldSnapshot != null) {
            return;
        }
        List<OrderUpdate> pending = journal;
        journal = new ArrayList<>();
        for (OrderUpdate update : pending) {
            onOrderUpdate(update);
        }
        journal.clear();
    }

    /** Re-attaches a create still in flight after a reconciliation, or cancels it if its level moved on. */
    private void carryOver(TrackedOrder order) {
        Slot slot = slots[order.key.line()];
        if (!slot.carryOver(order)) {
            out.add(new GridCommand.CancelOrder(config.symbol(), order.clientOrderId));
            remember(order.clientOrderId);
            record(LogType.ORDER, "cancel " + order.describe() + ": its level changed while it was in flight",
                    order.clientOrderId, slot.levelIndex);
            return;
        }
        liveBySlot.put(order.clientOrderId, slot);
    }

    // ---------------------------------------------------------------- market data

    /**
     * A fill is a trade: the market was at its price. The order and market streams are not ordered with
     * each other, so a fill newer than the last tick moves the price the grid reasons with.
     */
    private void notePrice(BigDecimal price, long atMs) {
        if (atMs >= lastPriceAtMs) {
            lastPrice = price;
            lastPriceAtMs = atMs;
        }
    }

    private void onPrice(BigDecimal price) {
        lastPrice = price;
        lastPriceAtMs = nowMs;
        if (status == GridStatus.INITIALIZING) {
            finishInitialisation();
            return;
        }
        if (ladder == null || checkStopLoss()) {
            return;
        }
        if (status == GridStatus.RUNNING) {
            int below = ladder.countBelow(price);
            boolean onLine = below < slots.length && slots[below].price.compareTo(price) == 0;
            int now = below * 2 + (onLine ? 1 : 0);
            if (now != bracket) {
                sync();
            }
        }
    }

    /** Fires the stop-loss if the price has left the band (AC8.1); true when it did. */
    private boolean checkStopLoss() {
        if (lastPrice == null || stopRule == null || closing != null) {
            return false;
        }
        boolean guarded = status == GridStatus.RUNNING || status == GridStatus.PAUSED || status == GridStatus.SAFE_MODE;
        if (!guarded) {
            return false;
        }
        Optional<StopLossRule.Breach> breach = stopRule.breach(lastPrice);
        if (breach.isEmpty()) {
            return false;
        }
        BigDecimal line = stopRule.line(breach.get());
        beginClosing(true, lastPrice, line, "price " + lastPrice.toPlainString() + " crossed the stop-loss line "
                + line.stripTrailingZeros().toPlainString() + (breach.get() == StopLossRule.Breach.BELOW ? " below" : " above")
                + " the band");
        return true;
    }

    // ---------------------------------------------------------------- the sync (FR-7)

    private void sync() {
        if (status != GridStatus.RUNNING || ladder == null || lastPrice == null || !streamUp || resyncing()) {
            return;
        }
        cancelStalePartials();
        int below = ladder.countBelow(lastPrice);
        boolean onLine = below < slots.length && slots[below].price.compareTo(lastPrice) == 0;
        bracket = below * 2 + (onLine ? 1 : 0);
        IdealOrders.Result ideal = IdealOrders.compute(slots, config, below, onLine, nowMs,
                nowMs >= entriesSuspendedUntilMs, position, venuePosition == null ? null : venuePosition.subtract(othersNet));
        limitSkips.note(ideal.limitBlocked(), position, config.maxPosition())
                .ifPresent(note -> record(LogType.INFO, note, null, null));
        List<OrderDiff.Live> actual = new ArrayList<>(liveBySlot.size());
        for (Slot slot : slots) {
            if (slot.entry != null && slot.entry.countsAsLive()) {
                actual.add(new OrderDiff.Live(slot.entry.key, slot.entry.clientOrderId));
            }
            if (slot.exit != null && slot.exit.countsAsLive()) {
                actual.add(new OrderDiff.Live(slot.exit.key, slot.exit.clientOrderId));
            }
        }
        OrderDiff diff = OrderDiff.between(ideal.keys(), actual);
        for (String clientOrderId : diff.cancels()) {
            requestCancel(clientOrderId);
        }
        if (!rateLimits.paused(nowMs)) {
            for (OrderKey key : diff.creates()) {
                place(key);
            }
        }
        maintainProtectiveStop(); // protects money rather than trading: a rate-limit pause does not hold it

        nextSyncAtMs = nowMs + rateLimits.refreshIntervalMs(nowMs, config.refreshIntervalMs());
        nextWakeMs = Slot.earliestWake(slots, nowMs, config.partialFillTimeoutMs(), rateLimits.pausedUntilMs(),
                entriesSuspendedUntilMs, protectiveRetryAtMs);
        changesAtSync = changes;
    }

    private void requestCancel(String clientOrderId) {
        Slot slot = liveBySlot.get(clientOrderId);
        if (slot == null) {
            return;
        }
        TrackedOrder order = orderOf(slot, clientOrderId);
        if (order.phase == TrackedOrder.Phase.UNKNOWN) {
            return; // nothing to cancel until we know it exists; the query answers first
        }
        order.phase = TrackedOrder.Phase.CANCELING;
        out.add(new GridCommand.CancelOrder(config.symbol(), clientOrderId));
        record(LogType.ORDER, "cancel " + order.describe(), clientOrderId, slot.levelIndex);
        dirty.set(slot.line);
    }

    private void place(OrderKey key) {
        Slot slot = slots[key.line()];
        BigDecimal qty;
        String id;
        slot.orderSeq = Math.max(slot.orderSeq, seqFloor) + 1;
        if (key.intent() == Intent.ENTRY) {
            slot.entrySide = key.side();
            qty = config.orderQty();
            id = ClientOrderId.of(tag, ClientOrderId.Kind.ENTRY, key.side(), key.line(), slot.orderSeq);
            slot.entry = new TrackedOrder(id, key, qty, TrackedOrder.Phase.PENDING);
            slot.lastEntryClientId = id;
            slot.lastEntryOrderId = null;
        } else {
            qty = slot.openQty();
            id = ClientOrderId.of(tag, ClientOrderId.Kind.EXIT, key.side(), key.line(), slot.orderSeq);
            slot.exit = new TrackedOrder(id, key, qty, TrackedOrder.Phase.PENDING);
        }
        liveBySlot.put(id, slot);
        boolean reduceOnly = key.intent() == Intent.EXIT;
        OrderRequest request = OrderRequest.limit(id, config.symbol(), key.side(), key.price(), qty,
                config.timeInForce(), reduceOnly, PositionSide.BOTH);
        out.add(new GridCommand.PlaceOrder(request, key.intent(), key.line()));
        record(LogType.ORDER, "place " + key.intent().name().toLowerCase() + " " + key.side().name().toLowerCase() + " "
                + qty.toPlainString() + " @ " + key.price().toPlainString() + (reduceOnly ? " reduce-only" : ""), id,
                slot.levelIndex);
        dirty.set(slot.line);
    }

    /** Keeps a venue-side stop at the stop-loss line while a position is open, so it holds if we die. */
    private void maintainProtectiveStop() {
        if (!config.protectiveStop() || nowMs < protectiveRetryAtMs) {
            return;
        }
        Side wanted = position.signum() > 0 ? Side.SELL : position.signum() < 0 ? Side.BUY : null;
        if (protectiveStop != null) {
            if (protectiveStop.phase == TrackedOrder.Phase.CANCELING || protectiveStop.phase == TrackedOrder.Phase.UNKNOWN
                    || wanted == protectiveStopSide) {
                return;
            }
            protectiveStop.phase = TrackedOrder.Phase.CANCELING;
            out.add(new GridCommand.CancelProtectiveStop(config.symbol(), protectiveStop.clientOrderId));
            record(LogType.ORDER, "cancel protective stop", protectiveStop.clientOrderId, null);
            return; // the new one goes after the venue confirms, so two stops never rest together
        }
        if (wanted == null) {
            return;
        }
        stopSeq = Math.max(stopSeq, seqFloor) + 1;
        String id = ClientOrderId.of(tag, ClientOrderId.Kind.STOP, wanted, 0, stopSeq);
        BigDecimal trigger = stopRule.protectiveTrigger(wanted);
        protectiveStop = new TrackedOrder(id, null, BigDecimal.ZERO, TrackedOrder.Phase.PENDING);
        protectiveStopSide = wanted;
        out.add(new GridCommand.PlaceOrder(OrderRequest.protectiveStop(id, config.symbol(), wanted, trigger,
                PositionSide.BOTH, config.protectiveStopTrigger()), null, -1));
        record(LogType.ORDER, "place protective stop " + wanted.name().toLowerCase() + " at "
                + trigger.toPlainString() + " closing the whole position", id, null);
    }

    private void cancelStalePartials() {
        for (Slot slot : slots) {
            TrackedOrder entry = slot.entry;
            if (entry != null && entry.phase == TrackedOrder.Phase.WORKING && entry.firstFillAtMs >= 0
                    && nowMs - entry.firstFillAtMs >= config.partialFillTimeoutMs()) {
                record(LogType.INFO, "entry filled " + entry.filled.toPlainString() + " of " + entry.qty.toPlainString()
                        + " and waited " + config.partialFillTimeoutMs() / 1000 + " s: cancelling the rest (edge case 4)",
                        entry.clientOrderId, slot.levelIndex);
                requestCancel(entry.clientOrderId);
            }
        }
    }

    // ---------------------------------------------------------------- order stream

    private void onOrderUpdate(OrderUpdate u) {
        if ((snapshotsOutstanding > 0 || heldSnapshot != null) && journal.size() < JOURNAL_LIMIT) {
            journal.add(u);
        }
        String id = u.clientOrderId();
        if (closing != null && closing.close != null && id.equals(closing.close.clientOrderId)) {
            onCloseUpdate(u);
            return;
        }
        if (protectiveStop != null && id.equals(protectiveStop.clientOrderId)) {
            onProtectiveStopUpdate(u);
            return;
        }
        Slot slot = liveBySlot.get(id);
        if (slot == null) {
            onUntracked(u);
            return;
        }
        TrackedOrder order = orderOf(slot, id);
        if (u.status().isFinal() || nz(u.lastFillQty()).signum() > 0) {
            drift.heard(nowMs);
        }
        if (u.exchangeOrderId() != null) {
            order.exchangeOrderId = u.exchangeOrderId();
            if (order == slot.entry) {
                slot.lastEntryOrderId = u.exchangeOrderId();
            }
        }
        // Cumulative quantities make duplicated and reordered updates harmless: only growth is booked.
        BigDecimal cum = u.cumFilledQty() == null ? BigDecimal.ZERO : u.cumFilledQty();
        BigDecimal delta = cum.min(order.qty).subtract(order.filled);
        if (delta.signum() > 0) {
            BigDecimal price = u.lastFillPrice() != null ? u.lastFillPrice() : order.key.price();
            BigDecimal fee = delta.compareTo(nz(u.lastFillQty())) == 0 ? nz(u.fee()) : BigDecimal.ZERO;
            notePrice(price, u.atMs());
            order.filled = order.filled.add(delta);
            bookFill(slot, order, delta, price, fee, u);
        }
        if (!u.status().isFinal()) {
            if (order.phase == TrackedOrder.Phase.PENDING || order.phase == TrackedOrder.Phase.UNKNOWN) {
                order.phase = TrackedOrder.Phase.WORKING;
            }
            dirty.set(slot.line);
            afterOrderChange(delta.signum() > 0);
            return;
        }
        finish(slot, order, u);
        afterOrderChange(true);
    }

    private void bookFill(Slot slot, TrackedOrder order, BigDecimal qty, BigDecimal price, BigDecimal fee, OrderUpdate u) {
        boolean entry = order == slot.entry;
        Side side = order.key.side();
        BigDecimal realized = BigDecimal.ZERO;
        if (entry) {
            slot.entryPriceKnown = slot.entryFilled.signum() == 0 || slot.entryPriceKnown;
            slot.entryFilled = slot.entryFilled.add(qty);
            slot.entryNotional = slot.entryNotional.add(price.multiply(qty));
            if (order.firstFillAtMs < 0) {
                order.firstFillAtMs = nowMs;
            }
        } else {
            BigDecimal avg = slot.entryAvgPrice() != null ? slot.entryAvgPrice() : slot.price;
            realized = price.subtract(avg).multiply(qty);
            if (slot.entrySide == Side.SELL) {
                realized = realized.negate();
            }
            slot.exitFilled = slot.exitFilled.add(qty);
        }
        position = position.add(side == Side.BUY ? qty : qty.negate());
        if (slot.openQty().signum() < 0) {
            record(LogType.WARN, "exit filled more than its level held; the surplus is left to reconciliation",
                    order.clientOrderId, slot.levelIndex);
            slot.exitFilled = slot.entryFilled;
        }
        ClientOrderId.Kind kind = entry ? ClientOrderId.Kind.ENTRY : ClientOrderId.Kind.EXIT;
        recovery.bookedLive(u.tradeId());
        out.add(new GridCommand.RecordFill(new Fill(u.atMs(), order.clientOrderId, order.exchangeOrderId, u.tradeId(),
                kind, side, slot.line, price, qty, fee, u.feeAsset(), realized)));
        record(LogType.FILL, kind.name().toLowerCase() + " " + side.name().toLowerCase() + " filled "
                + qty.toPlainString() + " @ " + price.toPlainString() + " (" + order.filled.toPlainString() + " of "
                + order.qty.toPlainString() + ")" + (entry ? "" : ", realized " + realized.stripTrailingZeros().toPlainString()),
                order.clientOrderId, slot.levelIndex);
        dirty.set(slot.line);
    }

    /**
     * In one-way mode the venue nets a neutral grid's long and short legs into one position. When the
     * venue refuses or ends a reduce-only exit for lack of position and both legs exist in the grid's
     * books, they are netted here too, pairwise, so that no exit waits to reduce a leg the venue no longer
     * holds (the spec README's honest handling of assumption 5). Only the venue's word triggers it: the
     * grid's own view may lag behind fills still on their way.
     */
    private void netOppositeLegs() {
        if (config.mode() != io.gridbot.core.config.GridMode.NEUTRAL) {
            return;
        }
        Optional<OneWayNetting> netting = OneWayNetting.next(slots);
        if (netting.isEmpty()) {
            return;
        }
        Slot longLeg = netting.get().longLeg();
        Slot shortLeg = netting.get().shortLeg();
        record(LogType.INFO, netting.get().apply(), null, null);
        for (Slot leg : List.of(longLeg, shortLeg)) {
            dirty.set(leg.line);
            if (leg.openQty().signum() == 0 && leg.entry == null) {
                if (leg.exit != null) {
                    requestCancel(leg.exit.clientOrderId);
                } else {
                    leg.reset();
                }
            }
        }
        netOppositeLegs();
    }

    private void finish(Slot slot, TrackedOrder order, OrderUpdate u) {
        boolean ours = order.phase == TrackedOrder.Phase.CANCELING;
        detach(slot, order);
        switch (u.status()) {
            case FILLED -> {
                if (slot.entry == null && slot.exit == null && slot.openQty().signum() == 0) {
                    record(LogType.INFO, "round trip complete", order.clientOrderId, slot.levelIndex);
                }
            }
            case CANCELED, EXPIRED, REJECTED -> {
                if (!ours) {
                    // The venue ended it on its own (post-only expiry, a reduce-only with nothing to reduce,
                    // a cancel by hand): give the line its cool-down before it is tried again.
                    slot.blockedUntilMs = nowMs + config.cooldownMs();
                    record(LogType.WARN, order.describe() + " ended by the venue: " + u.status(), order.clientOrderId,
                            slot.levelIndex);
                    if (order.key.intent() == Intent.EXIT) {
                        netOppositeLegs();
                    }
                }
            }
            default -> {
            }
        }
        resetIfIdle(slot);
        dirty.set(slot.line);
    }

    private void afterOrderChange(boolean changed) {
        if (closing != null) {
            progressClosing();
        } else if (changed && status == GridStatus.RUNNING) {
            sync();
        } else if (changed && status == GridStatus.PAUSED) {
            guardWhilePaused();
        }
    }

    /**
     * A paused grid places nothing new (AC13.4), but fills of its resting entries still move the position:
     * the venue-side protective stop follows it, since it protects money rather than trading.
     */
    private void guardWhilePaused() {
        if (ladder != null && streamUp && !resyncing()) {
            maintainProtectiveStop();
        }
    }

    private void onUntracked(OrderUpdate u) {
        if (recentlyFinished.contains(u.clientOrderId())) {
            return; // a late or repeated update of an order already settled
        }
        if (!owner.ours(u.clientOrderId())) {
            return; // another grid's or a person's order on the same symbol
        }
        record(LogType.WARN, "update for an order of this grid that is not tracked (" + u.status() + ", filled "
                + nz(u.cumFilledQty()).toPlainString() + "): resynchronising with the venue", u.clientOrderId(), null);
        if (status.isActive() && !resyncing() && nowMs - lastUntrackedResyncMs >= config.cooldownMs()) {
            lastUntrackedResyncMs = nowMs;
            requestSnapshot();
        }
    }

    private void onProtectiveStopUpdate(OrderUpdate u) {
        changes++;
        TrackedOrder stop = protectiveStop;
        if (u.exchangeOrderId() != null) {
            stop.exchangeOrderId = u.exchangeOrderId();
        }
        BigDecimal delta = nz(u.cumFilledQty()).subtract(stop.filled);
        BigDecimal before = position;
        BigDecimal fillPrice = u.lastFillPrice() != null ? u.lastFillPrice() : lastPrice;
        if (delta.signum() > 0) {
            stop.filled = stop.filled.add(delta);
            BigDecimal price = fillPrice;
            position = position.add(protectiveStopSide == Side.BUY ? delta : delta.negate());
            recovery.bookedLive(u.tradeId());
            out.add(new GridCommand.RecordFill(new Fill(u.atMs(), stop.clientOrderId, stop.exchangeOrderId, u.tradeId(),
                    ClientOrderId.Kind.STOP, protectiveStopSide, -1, price, delta, nz(u.fee()), u.feeAsset(),
                    BigDecimal.ZERO)));
            record(LogType.FILL, "protective stop filled " + delta.toPlainString() + " @ " + price, stop.clientOrderId, null);
        }
        if (u.status().isFinal()) {
            remember(stop.clientOrderId);
            protectiveStop = null;
            if (stop.filled.signum() > 0 && closing == null) {
                // The venue's stop did the closing: the report shows its trigger and its fill.
                BigDecimal trigger = stopRule.protectiveTrigger(protectiveStopSide);
                beginClosing(true, trigger, trigger, "the venue-side protective stop fired at "
                        + trigger.toPlainString(), before, stop.filled, fillPrice);
            } else if (status == GridStatus.RUNNING) {
                sync();
            }
        } else if (stop.phase == TrackedOrder.Phase.PENDING || stop.phase == TrackedOrder.Phase.UNKNOWN) {
            stop.phase = TrackedOrder.Phase.WORKING;
        }
        if (closing != null) {
            progressClosing();
        }
    }

    private void onRejected(OrderRejected r) {
        changes++;
        String id = r.clientOrderId();
        if (closing != null && closing.close != null && id.equals(closing.close.clientOrderId)) {
            record(LogType.ERROR, "close order rejected: " + r.kind() + " " + r.venueCode() + " " + r.message()
                    + "; asking the venue for the position", id, null);
            remember(id);
            closing.close = null;
            closing.retryCloseAtMs = nowMs + CLOSE_RETRY_MS;
            requestSnapshot();
            return;
        }
        if (protectiveStop != null && id.equals(protectiveStop.clientOrderId)) {
            if (queryFailed(protectiveStop, r)) {
                return;
            }
            if (r.kind() == io.gridbot.core.fault.ExchangeErrorKind.TIMEOUT_UNKNOWN
                    || r.kind() == io.gridbot.core.fault.ExchangeErrorKind.DUPLICATE_CLIENT_ID) {
                protectiveStop.phase = TrackedOrder.Phase.UNKNOWN; // it may rest: ask before placing another
                out.add(new GridCommand.QueryOrder(config.symbol(), id));
                return;
            }
            record(LogType.WARN, "protective stop rejected: " + r.kind() + " " + r.message(), id, null);
            protectiveStop = null;
            protectiveRetryAtMs = nowMs + Math.max(config.cooldownMs(), CLOSE_RETRY_MS);
            if (r.kind() == io.gridbot.core.fault.ExchangeErrorKind.RATE_LIMITED) {
                rateLimits.hit(nowMs, r.retryAfterMs());
            }
            return;
        }
        Slot slot = liveBySlot.get(id);
        if (slot == null) {
            return;
        }
        TrackedOrder order = orderOf(slot, id);
        if (queryFailed(order, r)) {
            return;
        }
        if (closing != null && r.kind() != io.gridbot.core.fault.ExchangeErrorKind.TIMEOUT_UNKNOWN) {
            release(slot, order); // a grid order refused while flattening: nothing to retry
            dirty.set(slot.line);
            progressClosing();
            return;
        }
        switch (r.kind()) {
            case TIMEOUT_UNKNOWN -> {
                // It may exist: keep the level reserved and ask (architecture: unknown outcomes).
                order.phase = TrackedOrder.Phase.UNKNOWN;
                out.add(new GridCommand.QueryOrder(config.symbol(), id));
                record(LogType.WARN, "create timed out, outcome unknown: querying the venue", id, slot.levelIndex);
                return;
            }
            case DUPLICATE_CLIENT_ID -> {
                order.phase = TrackedOrder.Phase.WORKING; // the id is live on the venue: it is this order
                out.add(new GridCommand.QueryOrder(config.symbol(), id));
                return;
            }
            default -> {
            }
        }
        boolean wasCanceling = order.phase == TrackedOrder.Phase.CANCELING;
        release(slot, order);
        switch (r.kind()) {
            case UNKNOWN_ORDER -> {
                if (wasCanceling) {
                    record(LogType.INFO, "order already gone from the venue; its fills so far are kept", id,
                            slot.levelIndex);
                } else {
                    slot.blockedUntilMs = nowMs + config.cooldownMs();
                    record(LogType.WARN, "order not found on the venue: the create did not happen", id, slot.levelIndex);
                }
            }
            case RATE_LIMITED -> {
                long until = rateLimits.hit(nowMs, r.retryAfterMs());
                record(LogType.WARN, "rate limited (" + r.venueCode() + " " + r.message() + "): no new orders until "
                        + until + " (edge case 3)", id, slot.levelIndex);
                out.add(new GridCommand.Alert(AlertKind.RATE_LIMITED, "rate limited by the venue: pausing new orders"));
            }
            case INSUFFICIENT_BALANCE -> {
                boolean first = nowMs >= entriesSuspendedUntilMs;
                entriesSuspendedUntilMs = nowMs + BALANCE_RETRY_MS;
                if (order.key.intent() == Intent.EXIT) {
                    slot.blockedUntilMs = nowMs + config.cooldownMs();
                }
                record(LogType.WARN, "insufficient balance: no new entries for " + BALANCE_RETRY_MS / 1000
                        + " s, exits kept (AC12.4)", id, slot.levelIndex);
                if (first) {
                    out.add(new GridCommand.Alert(AlertKind.INSUFFICIENT_BALANCE, "insufficient balance for "
                            + config.name() + ": new entries suspended"));
                }
            }
            case AUTHENTICATION -> {
                record(LogType.ERROR, "the venue refused the credentials: " + r.message(), id, slot.levelIndex);
                if (status == GridStatus.RUNNING) {
                    setStatus(GridStatus.PAUSED, "credentials refused by the venue");
                }
                out.add(new GridCommand.Alert(AlertKind.UNEXPECTED_ERROR, "credentials refused for " + config.name()));
            }
            case REDUCE_ONLY_REJECTED -> {
                slot.blockedUntilMs = nowMs + config.cooldownMs();
                netOppositeLegs();
                record(LogType.ERROR, "exit refused as reduce-only: the venue's position disagrees with the grid's; "
                        + "resynchronising", id, slot.levelIndex);
                requestSnapshot();
            }
            default -> {
                slot.blockedUntilMs = nowMs + config.cooldownMs();
                record(LogType.ERROR, "order rejected: " + r.kind() + " " + nullToEmpty(r.venueCode()) + " "
                        + nullToEmpty(r.message()) + "; level cools down " + config.cooldownMs() / 1000 + " s (AC7.6)",
                        id, slot.levelIndex);
            }
        }
        dirty.set(slot.line);
    }

    /** The order is certainly gone: the slot forgets it and, holding nothing, goes idle. */
    private void release(Slot slot, TrackedOrder order) {
        detach(slot, order);
        resetIfIdle(slot);
    }

    private void detach(Slot slot, TrackedOrder order) {
        liveBySlot.remove(order.clientOrderId);
        remember(order.clientOrderId);
        if (order == slot.entry) {
            slot.entry = null;
        } else {
            slot.exit = null;
        }
    }

    private static void resetIfIdle(Slot slot) {
        if (slot.entry == null && slot.exit == null && slot.openQty().signum() == 0) {
            slot.reset();
        }
    }

    private void onCancelRejected(CancelRejected r) {
        changes++;
        String id = r.clientOrderId();
        if (protectiveStop != null && id.equals(protectiveStop.clientOrderId)) {
            if (r.kind() == io.gridbot.core.fault.ExchangeErrorKind.UNKNOWN_ORDER) {
                remember(id);
                protectiveStop = null;
            } else {
                protectiveStop.phase = TrackedOrder.Phase.WORKING;
            }
            return;
        }
        Slot slot = liveBySlot.get(id);
        if (slot == null) {
            return;
        }
        TrackedOrder order = orderOf(slot, id);
        if (r.kind() == io.gridbot.core.fault.ExchangeErrorKind.UNKNOWN_ORDER) {
            // Gone already: filled or cancelled. Ask, so that a fill is not missed.
            out.add(new GridCommand.QueryOrder(config.symbol(), id));
            return;
        }
        order.phase = TrackedOrder.Phase.WORKING;
        record(LogType.WARN, "cancel failed (" + r.kind() + " " + nullToEmpty(r.message()) + "); retried at the next sync",
                id, slot.levelIndex);
    }

    private void onVenuePosition(BigDecimal net) {
        if (venuePosition == null || venuePosition.compareTo(net) != 0) {
            changes++;
        }
        venuePosition = net;
        if (closing != null) {
            progressClosing();
        }
    }

    // ---------------------------------------------------------------- streams (AC5.4, AC12.1)

    private void onStream(StreamHealth h) {
        changes++;
        switch (h.state()) {
            case DISCONNECTED, RECONNECTING -> {
                if (streamUp) {
                    record(LogType.WARN, "venue stream lost: no new orders until it is back", null, null);
                }
                streamUp = false;
                if (h.state() == GridEvent.StreamState.RECONNECTING) {
                    record(LogType.INFO, "reconnecting, attempt " + h.attempt(), null, null);
                }
            }
            case CONNECTED -> {
                if (!streamUp) {
                    streamUp = true;
                    record(LogType.INFO, "venue stream connected: resynchronising orders and position", null, null);
                    if (status.isActive()) {
                        requestSnapshot();
                    }
                }
            }
            case GAVE_UP -> {
                streamUp = false;
                if (status == GridStatus.RUNNING || status == GridStatus.PAUSED || status == GridStatus.INITIALIZING) {
                    cancelEverything();
                    record(LogType.ERROR, "venue stream gave up after " + h.attempt()
                            + " attempts: safe mode, all grid orders cancelled", null, null);
                    setStatus(GridStatus.SAFE_MODE, "stream reconnects exhausted (AC12.1)");
                    out.add(new GridCommand.Alert(AlertKind.SAFE_MODE, config.name()
                            + " entered safe mode: the venue stream could not be restored"));
                }
            }
        }
    }

    /** Executions the grid missed, read from the venue's history: booked as the live path would have. */
    private void onRecovered(GridEvent.ExecutionsRecovered r) {
        List<Fill> fills = recovery.book(r.executions());
        fills.forEach(fill -> out.add(new GridCommand.RecordFill(fill)));
        // A position whose entry fills were not seen was priced at its line; its executions tell the truth.
        FillRecovery.entryPrices(fills).forEach((line, entry) -> {
            if (line < slots.length && slots[line].repriceEntry(entry.side(), entry.avgPrice())) {
                dirty.set(line);
            }
        });
        if (!fills.isEmpty()) {
            record(LogType.INFO, FillRecovery.describe(fills.size()), null, null);
        }
    }

    // ---------------------------------------------------------------- timer

    /**
     * Whether {@code r} is the failure of a query about an order whose create's outcome is unknown. Only the
     * venue's "no such order" settles that; any other failure leaves the order possibly resting, so its line
     * stays reserved and the venue is asked again after {@link #QUERY_RETRY_MS}, never answered by a second order.
     */
    private boolean queryFailed(TrackedOrder order, OrderRejected r) {
        if (order.phase != TrackedOrder.Phase.UNKNOWN || r.kind() == io.gridbot.core.fault.ExchangeErrorKind.UNKNOWN_ORDER) {
            return false;
        }
        order.queryAgainAtMs = nowMs + QUERY_RETRY_MS;
        record(LogType.WARN, "the venue could not say whether the order exists (" + r.kind() + " " + r.message()
                + "): asking again in " + QUERY_RETRY_MS / 1000 + " s", order.clientOrderId, null);
        return true;
    }

    /** Asks again about the orders of unknown outcome whose last query failed, once their wait is over. */
    private void queryAgainDue() {
        List<TrackedOrder> unknown = new ArrayList<>();
        liveBySlot.forEach((id, slot) -> unknown.add(orderOf(slot, id)));
        if (protectiveStop != null) {
            unknown.add(protectiveStop);
        }
        for (TrackedOrder order : unknown) {
            if (order.phase == TrackedOrder.Phase.UNKNOWN && order.queryAgainAtMs >= 0 && nowMs >= order.queryAgainAtMs) {
                order.queryAgainAtMs = -1;
                out.add(new GridCommand.QueryOrder(config.symbol(), order.clientOrderId));
            }
        }
    }

    private void onTimer() {
        queryAgainDue();
        if (closing != null) {
            progressClosing();
            return;
        }
        // The periodic sync (AC7.1) is a safety net: events that change the book sync at once. It runs when
        // something changed since the last sync or a timed condition (cool-down, pause, partial-fill limit)
        // fell due; otherwise it would only find what the last one found, at the cost of a full pass.
        if (status == GridStatus.RUNNING && nowMs >= nextSyncAtMs && (changes != changesAtSync || nowMs >= nextWakeMs)) {
            sync();
        } else if (status == GridStatus.PAUSED) {
            guardWhilePaused();
        }
        if ((status == GridStatus.RUNNING || status == GridStatus.PAUSED) && drift.due(nowMs) && !resyncing()) {
            requestSnapshot();
            drift.asked(nowMs, snapshotsOutstanding == 1);
        }
    }

    // ---------------------------------------------------------------- stop-loss and stop (FR-8, AC13.8)

    private void beginClosing(boolean stopLoss, BigDecimal triggerPrice, BigDecimal stopLine, String reason) {
        beginClosing(stopLoss, triggerPrice, stopLine, reason, position, BigDecimal.ZERO, null);
    }

    private void beginClosing(boolean stopLoss, BigDecimal triggerPrice, BigDecimal stopLine, String reason,
            BigDecimal positionAtTrigger, BigDecimal closedByStop, BigDecimal stopFillPrice) {
        closing = new Closing(stopLoss, nowMs, triggerPrice, stopLine, reason, positionAtTrigger);
        if (closedByStop.signum() > 0) {
            closing.closedQty = closedByStop;
            closing.closedNotional = stopFillPrice.multiply(closedByStop);
        }
        if (stopLoss) {
            stopLossCount++;
            record(LogType.WARN, "STOP-LOSS: " + reason + "; position " + positionAtTrigger.toPlainString(), null, null);
            setStatus(GridStatus.STOP_LOSS, reason);
        } else {
            setStatus(GridStatus.STOPPING, reason);
        }
        cancelEverything();
        closing.resyncAtMs = nowMs + CLOSE_RESYNC_MS;
        // Only orders it tracks are cancelled by id: a grid that has not reconciled yet must see the venue first.
        closing.venueSeen = reconciled;
        if (heldSnapshot != null) {
            ExchangeSnapshot held = heldSnapshot;
            heldSnapshot = null;
            settleClosingWith(held);
            return;
        }
        progressClosing();
    }

    /** Cancel-all without waiting (AC8.3); every grid order is now on its way out. */
    private void cancelEverything() {
        List<String> ids = new ArrayList<>();
        for (Slot slot : slots) {
            for (TrackedOrder order : new TrackedOrder[] {slot.entry, slot.exit}) {
                if (order != null) {
                    order.phase = TrackedOrder.Phase.CANCELING;
                    ids.add(order.clientOrderId);
                }
            }
        }
        if (!ids.isEmpty()) {
            out.add(new GridCommand.CancelAll(config.symbol(), ids));
        }
    }

    private void progressClosing() {
        Closing c = closing;
        if (c.close != null) {
            return; // the close order is in flight
        }
        BigDecimal net = position;
        if (net.signum() != 0) {
            BigDecimal closable = OwnPosition.closable(net, venuePosition);
            if (closable.signum() == 0) {
                // The venue holds none of it in the grid's direction: only a fresh snapshot decides what is left.
                if (!c.snapshotRequested) {
                    c.snapshotRequested = true;
                    requestSnapshot();
                }
                return;
            }
            if (nowMs >= c.retryCloseAtMs) {
                sendClose(closable);
            }
            return;
        }
        if (venuePosition != null && venuePosition.compareTo(othersNet) != 0 && !c.venueConfirmedFlat) {
            // Our fills say flat, the venue's last word does not; that word may predate our last fill.
            // Only a fresh snapshot decides, so a stale account update never sends a second close.
            if (!c.snapshotRequested) {
                c.snapshotRequested = true;
                requestSnapshot();
            }
            return;
        }
        if (!liveBySlot.isEmpty() || !c.venueSeen) {
            if (!c.venueSeen && snapshotsOutstanding == 0 && !c.snapshotRequested) {
                c.snapshotRequested = true;
                requestSnapshot();
            } else if (nowMs >= c.resyncAtMs) {
                c.resyncAtMs = nowMs + CLOSE_RESYNC_MS;
                requestSnapshot();
            }
            return; // wait for the cancels, so that no late fill reopens a position behind our back
        }
        completeClosing();
    }

    private void sendClose(BigDecimal net) {
        Side side = net.signum() > 0 ? Side.SELL : Side.BUY;
        BigDecimal qty = config.rules().floorQty(net.abs());
        if (qty.signum() == 0) {
            record(LogType.WARN, "position " + net.toPlainString() + " is below the quantity step and cannot be closed",
                    null, null);
            position = BigDecimal.ZERO;
            progressClosing();
            return;
        }
        closeSeq = Math.max(closeSeq, seqFloor) + 1;
        String id = ClientOrderId.of(tag, ClientOrderId.Kind.CLOSE, side, 0, closeSeq);
        closing.close = new TrackedOrder(id, null, qty, TrackedOrder.Phase.PENDING);
        // MARKET + reduceOnly for the exact net position; closePosition is not accepted on MARKET orders.
        out.add(new GridCommand.PlaceOrder(OrderRequest.marketClose(id, config.symbol(), side, qty, PositionSide.BOTH),
                null, -1));
        record(LogType.ORDER, "close position: market " + side.name().toLowerCase() + " " + qty.toPlainString()
                + " reduce-only", id, null);
    }

    private void onCloseUpdate(OrderUpdate u) {
        TrackedOrder close = closing.close;
        BigDecimal delta = nz(u.cumFilledQty()).min(close.qty).subtract(close.filled);
        if (delta.signum() > 0) {
            BigDecimal price = u.lastFillPrice() != null ? u.lastFillPrice() : lastPrice;
            Side side = position.signum() > 0 ? Side.SELL : Side.BUY;
            close.filled = close.filled.add(delta);
            closing.closedQty = closing.closedQty.add(delta);
            closing.closedNotional = closing.closedNotional.add(price.multiply(delta));
            position = position.add(side == Side.BUY ? delta : delta.negate());
            recovery.bookedLive(u.tradeId());
            out.add(new GridCommand.RecordFill(new Fill(u.atMs(), close.clientOrderId, u.exchangeOrderId(), u.tradeId(),
                    ClientOrderId.Kind.CLOSE, side, -1, price, delta, nz(u.fee()), u.feeAsset(), BigDecimal.ZERO)));
            record(LogType.FILL, "close filled " + delta.toPlainString() + " @ " + price.toPlainString(),
                    close.clientOrderId, null);
        }
        if (u.status().isFinal()) {
            remember(close.clientOrderId);
            closing.close = null;
            if (u.status() != io.gridbot.core.order.OrderStatus.FILLED) {
                closing.retryCloseAtMs = nowMs + CLOSE_RETRY_MS;
            }
            progressClosing();
        }
    }

    /** In a stop-loss or stop, a snapshot tells which orders still rest and what position remains. */
    private void settleClosingWith(ExchangeSnapshot snapshot) {
        java.util.Set<String> open = new java.util.HashSet<>();
        List<String> remaining = new ArrayList<>();
        for (OpenOrder order : snapshot.openOrders()) {
            open.add(order.clientOrderId());
            if (!owner.ours(order.clientOrderId())) {
                continue;
            }
            if (order.type() != io.gridbot.core.order.OrderType.STOP_MARKET) {
                remaining.add(order.clientOrderId());
            } else if (protectiveStop == null) {
                // Kept till the position is closed, then cancelled like the grid's own stop.
                protectiveStop = new TrackedOrder(order.clientOrderId(), null, BigDecimal.ZERO, TrackedOrder.Phase.WORKING);
                protectiveStopSide = order.side();
            } else if (!protectiveStop.clientOrderId.equals(order.clientOrderId())) {
                out.add(new GridCommand.CancelProtectiveStop(config.symbol(), order.clientOrderId()));
            }
        }
        liveBySlot.keySet().removeIf(id -> {
            if (open.contains(id)) {
                return false;
            }
            Slot slot = liveBySlot.get(id);
            if (slot.entry != null && slot.entry.clientOrderId.equals(id)) {
                slot.entry = null;
            } else {
                slot.exit = null;
            }
            return true;
        });
        if (!remaining.isEmpty()) {
            out.add(new GridCommand.CancelAll(config.symbol(), remaining));
        }
        closing.snapshotRequested = false;
        closing.venueSeen = true;
        if (closing.close == null) {
            // The grid's share of the account, never more than the venue holds that way: never another grid's.
            position = OwnPosition.closable(snapshot.unexplainedByOthers(), snapshot.netPosition());
            closing.venueConfirmedFlat = position.signum() == 0;
        }
        progressClosing();
    }

    private void completeClosing() {
        Closing c = closing;
        closing = null;
        if (protectiveStop != null) {
            out.add(new GridCommand.CancelProtectiveStop(config.symbol(), protectiveStop.clientOrderId));
            remember(protectiveStop.clientOrderId);
            protectiveStop = null;
        }
        for (Slot slot : slots) {
            slot.reset();
            slot.blockedUntilMs = 0;
        }
        dirty.set(0, slots.length);
        if (c.stopLoss) {
            lastStopLoss = c.report(config.name(), nowMs);
            BigDecimal closePrice = lastStopLoss.closePrice();
            out.add(new GridCommand.ReportStopLoss(lastStopLoss));
            out.add(new GridCommand.Alert(AlertKind.STOP_LOSS, config.name() + ": stop-loss closed the grid ("
                    + c.reason + ")"));
            record(LogType.WARN, "stop-loss complete: closed " + c.closedQty.toPlainString()
                    + (closePrice != null ? " at " + closePrice.toPlainString() : "") + ", grid stopped", null, null);
            setStatus(GridStatus.STOPPED, "stop-loss complete");
        } else {
            setStatus(GridStatus.STOPPED, "stopped: orders cancelled, position closed");
        }
    }

    // ---------------------------------------------------------------- small things

    private TrackedOrder orderOf(Slot slot, String clientOrderId) {
        return slot.entry != null && slot.entry.clientOrderId.equals(clientOrderId) ? slot.entry : slot.exit;
    }

    private BigDecimal slotNet() {
        BigDecimal net = BigDecimal.ZERO;
        for (Slot slot : slots) {
            net = net.add(slot.signedPosition());
        }
        return net;
    }

    private void remember(String clientOrderId) {
        recentlyFinished.add(clientOrderId);
        if (recentlyFinished.size() > RECENT_IDS) {
            var it = recentlyFinished.iterator();
            it.next();
            it.remove();
        }
    }

    private void flushDirtyLevels() {
        if (!dirty.isEmpty()) {
            changes++;
        }
        for (int i = dirty.nextSetBit(0); i >= 0 && i < slots.length; i = dirty.nextSetBit(i + 1)) {
            out.add(new GridCommand.LevelChanged(slots[i].toLevel()));
        }
        dirty.clear();
    }

    private void record(LogType type, String detail, String clientOrderId, Integer levelIndex) {
        LogEntry entry = new LogEntry(nowMs, type, detail, clientOrderId, levelIndex);
        log.add(entry);
        out.add(new GridCommand.RecordLog(entry));
    }

    private void warn(String detail) {
        record(LogType.WARN, detail, null, null);
    }

    private static BigDecimal nz(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
