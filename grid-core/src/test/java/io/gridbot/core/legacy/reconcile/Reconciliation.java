package io.gridbot.core.legacy.reconcile;

import io.gridbot.core.config.GridMode;
import io.gridbot.core.level.Level;
import io.gridbot.core.level.LevelState;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Intent;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.legacy.order.OrderOwnership;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.Side;
import io.gridbot.core.spacing.GridLadder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Restart reconciliation (FR-6, AC6.4–6.7; clarification A): rebuilds the levels from the venue's open
 * orders and net position, keeping the original lines. Persisted levels tell which line each position
 * belongs to; the venue's net position is the truth for how much there is. A position no level explains
 * is adopted by idle lines nearest the price whose exits can rest on the passive side.
 */
public final class Reconciliation {

    private final OrderOwnership owner;
    private final GridLadder ladder;
    private final GridMode mode;
    private final BigDecimal orderQty;

    public Reconciliation(String tag, GridLadder ladder, GridMode mode, BigDecimal orderQty) {
        this.owner = new OrderOwnership(tag);
        this.ladder = ladder;
        this.mode = mode;
        this.orderQty = orderQty;
    }

    /**
     * Plans the rebuild.
     *
     * @param persisted   the levels saved before the restart (empty when none were)
     * @param openOrders  the venue's open orders on the symbol
     * @param venueNet    the venue's signed net position less what other grids' ledgers hold on it: only
     *                    what no other grid explains is this grid's to keep or adopt
     * @param price       the current market price, or {@code null} if none is known yet
     */
    public ReconciliationPlan plan(List<Level> persisted, List<OpenOrder> openOrders, BigDecimal venueNet,
            BigDecimal price) {
        int n = ladder.size();
        Work[] work = new Work[n];
        for (int i = 0; i < n; i++) {
            work[i] = new Work(i);
        }
        for (Level level : persisted) {
            if (level.line() >= 0 && level.line() < n && ladder.price(level.line()).compareTo(level.price()) == 0) {
                work[level.line()].restore(level);
            }
        }
        List<ReconciliationPlan.Attachment> attachments = new ArrayList<>();
        List<OpenOrder> orphans = new ArrayList<>();
        List<OpenOrder> foreign = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        OpenOrder stop = null;
        for (OpenOrder order : openOrders) {
            var parsed = owner.parseOurs(order.clientOrderId());
            if (parsed.isEmpty()) {
                foreign.add(order);
                continue;
            }
            ClientOrderId.Parsed id = parsed.get();
            switch (id.kind()) {
                case STOP -> {
                    if (stop == null && order.type() == OrderType.STOP_MARKET) {
                        stop = order;
                    } else {
                        orphans.add(order);
                    }
                }
                case CLOSE -> orphans.add(order);
                case ENTRY, EXIT -> {
                    Intent intent = id.kind() == ClientOrderId.Kind.ENTRY ? Intent.ENTRY : Intent.EXIT;
                    if (attach(work, id, intent, order)) {
                        attachments.add(new ReconciliationPlan.Attachment(id.line(), intent, order));
                    } else {
                        orphans.add(order);
                    }
                }
            }
        }
        settlePosition(work, venueNet, price, attachments, orphans, notes);
        if (!orphans.isEmpty()) {
            notes.add(orphans.size() + " orphan order(s) of this grid fit no level and will be cancelled");
        }
        if (!foreign.isEmpty()) {
            notes.add(foreign.size() + " open order(s) on the symbol were not placed by this grid and are left alone");
        }
        List<Level> levels = new ArrayList<>(n);
        for (Work w : work) {
            levels.add(w.toLevel());
        }
        return new ReconciliationPlan(levels, List.copyOf(attachments), List.copyOf(orphans), stop,
                List.copyOf(foreign), List.copyOf(notes));
    }

    private boolean attach(Work[] work, ClientOrderId.Parsed id, Intent intent, OpenOrder order) {
        int line = id.line();
        if (line < 0 || line >= work.length || order.type() != OrderType.LIMIT || order.price() == null) {
            return false;
        }
        Work w = work[line];
        Side entrySide = intent == Intent.ENTRY ? id.side() : id.side().opposite();
        int orderLine = intent == Intent.ENTRY ? line : line + (entrySide == Side.BUY ? 1 : -1);
        if (orderLine < 0 || orderLine >= work.length || ladder.price(orderLine).compareTo(order.price()) != 0
                || !modeAllows(entrySide) || order.reduceOnly() != (intent == Intent.EXIT)) {
            return false;
        }
        boolean sameEntry = order.clientOrderId().equals(w.lastEntryClientId);
        if (intent == Intent.ENTRY) {
            // A level holding a position can only be working the entry that opened it.
            if (w.hasEntry || w.hasExit || (w.openQty().signum() > 0 && !sameEntry)) {
                return false;
            }
            if (!sameEntry || w.entrySide != entrySide) {
                w.entryFilled = BigDecimal.ZERO;
                w.exitFilled = BigDecimal.ZERO;
                w.entryAvg = null;
            }
            w.lastEntryClientId = order.clientOrderId();
            w.lastEntryOrderId = order.exchangeOrderId();
            w.entrySide = entrySide;
            w.entryFilled = w.entryFilled.max(order.filledQty());
            w.hasEntry = true;
        } else {
            if (w.hasEntry || w.hasExit) {
                return false;
            }
            if (w.entrySide != entrySide) {
                w.entryAvg = null;
            }
            // An exit is placed for the whole open quantity; what it has filled is closed already.
            w.entrySide = entrySide;
            w.entryFilled = order.origQty();
            w.exitFilled = order.filledQty();
            w.hasExit = true;
        }
        w.orderSeq = Math.max(w.orderSeq, id.seq());
        return true;
    }

    private boolean modeAllows(Side entrySide) {
        return switch (mode) {
            case SHORT -> entrySide == Side.SELL;
            case LONG -> entrySide == Side.BUY;
            case NEUTRAL -> true;
        };
    }

    /** Makes the levels' positions add up to the venue's net position. */
    private void settlePosition(Work[] work, BigDecimal venueNet, BigDecimal price,
            List<ReconciliationPlan.Attachment> attachments, List<OpenOrder> orphans, List<String> notes) {
        BigDecimal explained = BigDecimal.ZERO;
        for (Work w : work) {
            explained = explained.add(w.signedPosition());
        }
        BigDecimal residual = venueNet.subtract(explained);
        if (residual.signum() == 0) {
            return;
        }
        // Levels claim exposure the venue does not show: exits filled while we were away, or (one-way
        // neutral) legs the venue netted. Release the claims without a live order first, then those with
        // an exit, then partly filled entries; farthest from the price first within each.
        Side excessSide = residual.signum() < 0 ? Side.BUY : Side.SELL;
        BigDecimal excess = residual.abs();
        List<Work> claims = new ArrayList<>();
        for (Work w : work) {
            if (w.entrySide == excessSide && w.openQty().signum() > 0) {
                claims.add(w);
            }
        }
        claims.sort(Comparator.comparing((Work w) -> w.hasEntry ? 2 : w.hasExit ? 1 : 0).thenComparing(
                (Work w) -> price == null ? BigDecimal.ZERO : ladder.price(w.line).subtract(price).abs(),
                Comparator.reverseOrder()));
        for (Work w : claims) {
            if (excess.signum() == 0) {
                break;
            }
            BigDecimal cut = excess.min(w.openQty());
            w.exitFilled = w.exitFilled.add(cut);
            excess = excess.subtract(cut);
            notes.add("level " + ladder.levelIndex(w.line) + ": " + cut.toPlainString()
                    + " of its position is no longer on the venue (exit filled while the grid was down)");
            if (w.hasExit) {
                // Its exit is now larger than the position: cancel it so the sync places the right size.
                attachments.removeIf(a -> {
                    boolean match = a.line() == w.line && a.intent() == Intent.EXIT;
                    if (match) {
                        orphans.add(a.order());
                    }
                    return match;
                });
                w.hasExit = false;
            }
            if (w.openQty().signum() == 0 && !w.hasEntry) {
                w.clearPosition();
            }
        }
        if (excess.signum() == 0) {
            return;
        }
        Side adoptSide = residual.signum() < 0 ? Side.SELL : Side.BUY;
        if (excessSide == adoptSide) {
            return;
        }
        adopt(work, adoptSide, excess, price, notes);
    }

    /** Gives an unexplained position to the idle lines that would have opened it, nearest the price first. */
    private void adopt(Work[] work, Side side, BigDecimal qty, BigDecimal price, List<String> notes) {
        if (!modeAllows(side)) {
            notes.add("the venue holds a " + (side == Side.BUY ? "long" : "short") + " position of "
                    + qty.toPlainString() + " that a " + mode.name().toLowerCase()
                    + " grid cannot hold: close it by hand or stop the grid");
            return;
        }
        List<Work> candidates = new ArrayList<>();
        for (Work w : work) {
            boolean exitLineExists = side == Side.SELL ? w.line > 0 : w.line < work.length - 1;
            if (exitLineExists && !w.hasEntry && !w.hasExit && w.openQty().signum() == 0) {
                candidates.add(w);
            }
        }
        BigDecimal ref = price != null ? price : ladder.price(ladder.centreLine());
        // Lines whose exit would rest on the passive side come first, nearest to the price: their exits
        // wait in the book instead of crossing it at once.
        candidates.sort(Comparator.comparing((Work w) -> {
            BigDecimal exit = ladder.price(side == Side.SELL ? w.line - 1 : w.line + 1);
            boolean passive = side == Side.SELL ? exit.compareTo(ref) < 0 : exit.compareTo(ref) > 0;
            return passive ? 0 : 1;
        }).thenComparing(w -> ladder.price(w.line).subtract(ref).abs()));
        BigDecimal left = qty;
        for (Work w : candidates) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal take = left.min(orderQty);
            w.entrySide = side;
            w.entryFilled = take;
            w.exitFilled = BigDecimal.ZERO;
            w.entryAvg = ladder.price(w.line);
            w.orderSeq++;
            left = left.subtract(take);
            notes.add("level " + ladder.levelIndex(w.line) + " adopts " + take.toPlainString()
                    + " of the venue's position, priced at its line");
        }
        if (left.signum() > 0) {
            notes.add(left.toPlainString() + " of the venue's position exceeds what the grid's lines can hold");
        }
    }

    /** One line while planning. */
    private final class Work {
        final int line;
        Side entrySide;
        long orderSeq;
        BigDecimal entryFilled = BigDecimal.ZERO;
        BigDecimal exitFilled = BigDecimal.ZERO;
        BigDecimal entryAvg;
        String lastEntryClientId;
        String lastEntryOrderId;
        long blockedUntilMs;
        boolean hasEntry;
        boolean hasExit;

        Work(int line) {
            this.line = line;
        }

        void restore(Level level) {
            orderSeq = level.orderSeq();
            lastEntryClientId = level.entryClientId();
            lastEntryOrderId = level.entryOrderId();
            blockedUntilMs = level.blockedUntilMs();
            BigDecimal filled = level.entryFilledQty() == null ? BigDecimal.ZERO : level.entryFilledQty();
            BigDecimal closed = level.exitFilledQty() == null ? BigDecimal.ZERO : level.exitFilledQty();
            if (level.entrySide() != null && filled.compareTo(closed) > 0) {
                entrySide = level.entrySide();
                entryFilled = filled;
                exitFilled = closed;
                entryAvg = level.entryAvgPrice();
            }
        }

        BigDecimal openQty() {
            return entryFilled.subtract(exitFilled);
        }

        BigDecimal signedPosition() {
            if (entrySide == null) {
                return BigDecimal.ZERO;
            }
            return entrySide == Side.BUY ? openQty() : openQty().negate();
        }

        void clearPosition() {
            entrySide = null;
            entryFilled = BigDecimal.ZERO;
            exitFilled = BigDecimal.ZERO;
            entryAvg = null;
        }

        Level toLevel() {
            LevelState state = hasEntry ? LevelState.ENTRY_WORKING
                    : hasExit ? LevelState.EXIT_WORKING
                    : openQty().signum() > 0 ? LevelState.POSITION_OPEN : LevelState.IDLE;
            Side side = state == LevelState.IDLE ? null : entrySide;
            return new Level(line, ladder.levelIndex(line), ladder.price(line), state, side, orderSeq, lastEntryClientId,
                    lastEntryOrderId, null, null, side == null ? BigDecimal.ZERO : entryFilled,
                    side == null ? null : entryAvg, side == null ? BigDecimal.ZERO : exitFilled, blockedUntilMs);
        }
    }
}
