package io.gridbot.core.machine;

import io.gridbot.core.log.LogType;
import io.gridbot.core.order.OrderDiff;
import io.gridbot.core.order.OrderKey;
import io.gridbot.core.ratelimit.RateLimitGovernor;
import io.gridbot.core.spacing.GridLadder;
import io.gridbot.core.status.GridStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The sync: the ideal order set for the price, the position limit and the partial-fill rule, the
 * difference to what rests, and when the next pass is due. It runs on every event that changes the book;
 * the periodic pass is a safety net that skips when nothing changed and no timed condition fell due.
 */
final class Sync {

    private final Grid g;
    private final RateLimitGovernor rateLimits = new RateLimitGovernor();
    private final LimitSkips limitSkips = new LimitSkips();
    private final QuietBrackets quiet = new QuietBrackets();
    private int bracket = -1;
    /** The last bracket worked out, and on which lines: where the next price most likely sits. */
    private int probed = -1;
    private Slot[] probedSlots;
    private long nextSyncAtMs;
    /** Counts state changes that can alter the ideal orders; the periodic sync skips when none happened. */
    private long changes;
    private long changesAtSync = -1;
    private long nextWakeMs;
    private long entriesSuspendedUntilMs;

    Sync(Grid g) {
        this.g = g;
    }

    void noteChange() {
        changes++;
    }

    /** A new ladder: the price's place on it is not known yet. */
    void ladderInstalled() {
        bracket = -1;
        quiet.forget();
    }

    RateLimitGovernor rateLimits() {
        return rateLimits;
    }

    long limitSkipped() {
        return limitSkips.skipped();
    }

    long entriesSuspendedUntilMs() {
        return entriesSuspendedUntilMs;
    }

    /** Suspends new entries after an insufficient balance; true when they were not suspended already. */
    boolean suspendEntries(long untilMs) {
        boolean first = g.nowMs() >= entriesSuspendedUntilMs;
        entriesSuspendedUntilMs = untilMs;
        return first;
    }

    /** A running grid syncs when the price moves into another bracket of lines. */
    void priceMoved(BigDecimal price) {
        if (bracket(price) != bracket) {
            sync();
        }
    }

    /** Where the price sits: twice the lines below it, plus one when it is on a line. */
    private int bracket(BigDecimal price) {
        Slot[] slots = g.lines.slots();
        if (probed >= 0 && (probed & 1) == 0 && probedSlots == slots) {
            // Nearly every tick stays between the lines it was between: two comparisons instead of a search.
            int below = probed >> 1;
            if ((below == 0 || slots[below - 1].price.compareTo(price) < 0)
                    && (below == slots.length || price.compareTo(slots[below].price) < 0)) {
                return probed;
            }
        }
        int below = g.lines.ladder().countBelow(price);
        boolean onLine = below < slots.length && slots[below].price.compareTo(price) == 0;
        probed = below * 2 + (onLine ? 1 : 0);
        probedSlots = slots;
        return probed;
    }

    /** The periodic pass of a running grid, or the guard of a paused one. */
    void onTimer() {
        long nowMs = g.nowMs();
        // The periodic sync is a safety net: events that change the book sync at once. It runs when
        // something changed since the last sync or a timed condition (cool-down, pause, partial-fill limit)
        // fell due; otherwise it would only find what the last one found, at the cost of a full pass.
        if (g.lifecycle.is(GridStatus.RUNNING) && nowMs >= nextSyncAtMs && (changes != changesAtSync || nowMs >= nextWakeMs)) {
            sync();
        } else if (g.lifecycle.is(GridStatus.PAUSED)) {
            g.orderStream.guardWhilePaused();
        }
    }

    void sync() {
        GridLadder ladder = g.lines.ladder();
        BigDecimal lastPrice = g.market.lastPrice();
        if (!g.lifecycle.is(GridStatus.RUNNING) || ladder == null || lastPrice == null || !g.streams.up()
                || g.venue.resyncing()) {
            return;
        }
        long nowMs = g.nowMs();
        Slot[] slots = g.lines.slots();
        bracket = bracket(lastPrice);
        int below = bracket >> 1;
        boolean onLine = (bracket & 1) == 1;
        BitSet quietBlocked = quiet.quiet(bracket, nowMs, slots, changes + g.lines.edits(), g.book.legs(),
                g.venue.position(), g.venue.others());
        if (quietBlocked != null) {
            assert nothingToDo(slots, below, onLine, nowMs) : "a quiet bracket's sync would act";
            limitSkips.note(quietBlocked, g.book.position(), g.config.maxPosition()).ifPresent(g.out::info);
            g.stop.maintain();
            nextSyncAtMs = nowMs + rateLimits.refreshIntervalMs(nowMs, g.config.refreshIntervalMs());
            return;
        }
        boolean timedOut = cancelStalePartials(slots, nowMs);
        IdealOrders.Result ideal = ideal(slots, below, onLine, nowMs);
        limitSkips.note(ideal.limitBlocked(), g.book.position(), g.config.maxPosition()).ifPresent(g.out::info);
        OrderDiff diff = LiveLines.holdExactly(ideal.keys(), slots) ? OrderDiff.NONE
                : OrderDiff.between(ideal.keys(), live(slots));
        assert diff != OrderDiff.NONE || OrderDiff.between(ideal.keys(), live(slots)).isEmpty();
        for (String clientOrderId : diff.cancels()) {
            g.orders.requestCancel(clientOrderId);
        }
        if (!rateLimits.paused(nowMs)) {
            for (OrderKey key : diff.creates()) {
                g.orders.place(key);
            }
        }
        g.stop.maintain(); // protects money rather than trading: a rate-limit pause does not hold it

        nextSyncAtMs = nowMs + rateLimits.refreshIntervalMs(nowMs, g.config.refreshIntervalMs());
        nextWakeMs = Slot.earliestWake(slots, nowMs, g.config.partialFillTimeoutMs(), rateLimits.pausedUntilMs(),
                entriesSuspendedUntilMs, g.stop.retryAtMs(nowMs));
        changesAtSync = changes;
        if (diff.isEmpty() && !timedOut) {
            quiet.remember(bracket, nextWakeMs, slots, changes + g.lines.edits(), g.book.legs(), g.venue.position(),
                    g.venue.others(), ideal.limitBlocked());
        } else {
            quiet.forget();
        }
    }

    /**
     * What a sync run now would create and cancel, without running it: the drift between the ideal set and
     * the orders the grid has resting or on their way. Nothing while the grid is not running or has no lines
     * or price yet.
     */
    OrderDrift drift() {
        GridLadder ladder = g.lines.ladder();
        BigDecimal lastPrice = g.market.lastPrice();
        if (!g.lifecycle.is(GridStatus.RUNNING) || ladder == null || lastPrice == null) {
            return OrderDrift.NONE;
        }
        Slot[] slots = g.lines.slots();
        int below = ladder.countBelow(lastPrice);
        boolean onLine = below < slots.length && slots[below].price.compareTo(lastPrice) == 0;
        OrderDiff diff = OrderDiff.between(ideal(slots, below, onLine, g.nowMs()).keys(), live(slots));
        return new OrderDrift(diff.creates().size(), diff.cancels().size());
    }

    /** Whether a full sync now would place, cancel and time out nothing: what a quiet bracket promises. */
    private boolean nothingToDo(Slot[] slots, int below, boolean onLine, long nowMs) {
        for (Slot slot : slots) {
            if (stale(slot.entry, nowMs)) {
                return false;
            }
        }
        return OrderDiff.between(ideal(slots, below, onLine, nowMs).keys(), live(slots)).isEmpty();
    }

    private IdealOrders.Result ideal(Slot[] slots, int below, boolean onLine, long nowMs) {
        return IdealOrders.compute(slots, g.config, below, onLine, nowMs, nowMs >= entriesSuspendedUntilMs,
                g.book.legs(), g.venue.position() == null ? null : g.venue.position().minus(g.venue.others()));
    }

    /** The lines' orders believed live: resting, or on their way. */
    private List<OrderDiff.Live> live(Slot[] slots) {
        List<OrderDiff.Live> actual = new ArrayList<>(2 * slots.length);
        for (Slot slot : slots) {
            if (slot.entry != null && slot.entry.countsAsLive()) {
                actual.add(slot.entry.asLive());
            }
            if (slot.exit != null && slot.exit.countsAsLive()) {
                actual.add(slot.exit.asLive());
            }
        }
        return actual;
    }

    /** The partial-fill rule: an entry partly filled for too long has its rest cancelled; true when one was. */
    private boolean cancelStalePartials(Slot[] slots, long nowMs) {
        boolean any = false;
        for (Slot slot : slots) {
            TrackedOrder entry = slot.entry;
            if (stale(entry, nowMs)) {
                g.out.record(LogType.INFO, "entry filled " + entry.filled.toPlainString() + " of "
                        + entry.qty.toPlainString() + " and waited " + g.config.partialFillTimeoutMs() / 1000
                        + " s: cancelling the rest", entry.clientOrderId, slot.line);
                g.orders.requestCancel(entry.clientOrderId);
                any = true;
            }
        }
        return any;
    }

    private boolean stale(TrackedOrder entry, long nowMs) {
        return entry != null && entry.is(TrackedOrder.Phase.WORKING) && entry.firstFillAtMs >= 0
                && nowMs - entry.firstFillAtMs >= g.config.partialFillTimeoutMs();
    }
}
