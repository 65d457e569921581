package io.gridbot.core.reconcile;

import io.gridbot.core.config.GridMode;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.level.Level;
import io.gridbot.core.level.LinePosition;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Intent;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderOwnership;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.risk.PositionLegs;
import io.gridbot.core.spacing.GridLadder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Restart reconciliation: rebuilds the levels from the venue's open
 * orders and net position, keeping the original lines. Persisted levels tell which line each position
 * belongs to; the venue's net position is the truth for how much there is. A line whose working exit vanished
 * from the venue holds nothing any more (the exit filled), even when the total alone would not show it. A
 * position no level explains is then adopted by the lines whose working entry vanished from the venue, then by
 * idle lines nearest the price whose exits can rest on the passive side; a claim the venue does not show is
 * released from the lines without a live order first.
 */
public final class Reconciliation {

    private final OrderOwnership owner;
    private final GridLadder ladder;
    private final GridMode mode;
    private final PositionMode positionMode;
    private final BigDecimal orderQty;

    public Reconciliation(String tag, GridLadder ladder, GridMode mode, PositionMode positionMode, BigDecimal orderQty) {
        this.owner = new OrderOwnership(tag);
        this.ladder = ladder;
        this.mode = mode;
        this.positionMode = positionMode;
        this.orderQty = orderQty;
    }

    /**
     * Plans the rebuild.
     *
     * @param persisted   the levels saved before the restart (empty when none were)
     * @param openOrders  the venue's open orders on the symbol
     * @param venueShare  the venue's position less what other grids' ledgers hold on it, per leg in hedge
     *                    mode: only what no other grid explains is this grid's to keep or adopt
     * @param price       the current market price, or {@code null} if none is known yet
     * @param vanished    the lines whose working order filled while no one listened, as far as the grid can tell
     */
    public ReconciliationPlan plan(List<Level> persisted, List<OpenOrder> openOrders, PositionLegs venueShare,
            BigDecimal price, VanishedOrders vanished) {
        int n = ladder.size();
        PlannedLine[] work = new PlannedLine[n];
        for (int i = 0; i < n; i++) {
            work[i] = new PlannedLine(i);
        }
        for (Level level : persisted) {
            if (fits(level)) {
                work[level.line()].restore(level);
            }
        }
        List<ReconciliationPlan.Attachment> attachments = new ArrayList<>();
        List<OpenOrder> orphans = new ArrayList<>();
        List<OpenOrder> foreign = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<OpenOrder> stops = new ArrayList<>();
        for (OpenOrder order : openOrders) {
            var parsed = owner.parseOurs(order.clientOrderId());
            if (parsed.isEmpty()) {
                foreign.add(order);
                continue;
            }
            ClientOrderId.Parsed id = parsed.get();
            switch (id.kind()) {
                case STOP -> {
                    if (order.type() == OrderType.STOP_MARKET
                            && stops.stream().noneMatch(s -> s.positionSide() == order.positionSide())) {
                        stops.add(order); // one per leg: a second on the same leg is an orphan
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
        vanished.exitLines().forEach(line -> work[line].exitVanished = !work[line].hasExit);
        vanished.entryLines().forEach((line, side) -> work[line].vanishedEntrySide = work[line].hasEntry ? null : side);
        PositionSettlement settlement = new PositionSettlement(ladder, mode, positionMode, orderQty, attachments, orphans,
                notes);
        if (positionMode == PositionMode.HEDGE) {
            settlement.settle(work, PositionSide.LONG, venueShare.longLeg(), price);
            settlement.settle(work, PositionSide.SHORT, venueShare.shortLeg(), price);
        } else {
            settlement.settle(work, PositionSide.BOTH, venueShare.both(), price);
        }
        if (!orphans.isEmpty()) {
            notes.add(orphans.size() + " orphan order(s) of this grid fit no level and will be cancelled");
        }
        if (!foreign.isEmpty()) {
            notes.add(foreign.size() + " open order(s) on the symbol were not placed by this grid and are left alone");
        }
        List<Level> levels = new ArrayList<>(n);
        for (PlannedLine w : work) {
            levels.add(w.toLevel(ladder));
        }
        return new ReconciliationPlan(levels, List.copyOf(attachments), List.copyOf(orphans), List.copyOf(stops),
                List.copyOf(foreign), List.copyOf(notes));
    }

    private boolean fits(Level level) {
        return level.line() >= 0 && level.line() < ladder.size()
                && ladder.price(level.line()).compareTo(level.price()) == 0;
    }

    private boolean attach(PlannedLine[] work, ClientOrderId.Parsed id, Intent intent, OpenOrder order) {
        int line = id.line();
        if (line < 0 || line >= work.length || order.type() != OrderType.LIMIT || order.price() == null) {
            return false;
        }
        PlannedLine w = work[line];
        Side entrySide = intent == Intent.ENTRY ? id.side() : id.side().opposite();
        int orderLine = intent == Intent.ENTRY ? line : line + (entrySide == Side.BUY ? 1 : -1);
        if (orderLine < 0 || orderLine >= work.length || ladder.price(orderLine).compareTo(order.price()) != 0
                || !PositionSettlement.modeAllows(mode, entrySide)
                || order.reduceOnly() != (intent == Intent.EXIT && positionMode.exitsReduceOnly())
                || order.positionSide() != positionMode.leg(entrySide)) {
            return false;
        }
        boolean sameEntry = order.clientOrderId().equals(w.lastEntryClientId);
        if (intent == Intent.ENTRY) {
            // A level holding a position can only be working the entry that opened it.
            if (w.hasEntry || w.hasExit || (w.openQty().signum() > 0 && !sameEntry)) {
                return false;
            }
            LinePosition kept = w.position;
            if (!sameEntry || w.entrySide() != entrySide) {
                kept = LinePosition.NONE;
                w.entryAvg = null;
            }
            w.lastEntryClientId = order.clientOrderId();
            w.lastEntryOrderId = order.exchangeOrderId();
            w.position = new LinePosition(entrySide, kept.entryFilled().max(order.filledQty()), kept.exitFilled());
            w.hasEntry = true;
        } else {
            if (w.hasEntry || w.hasExit) {
                return false;
            }
            if (w.entrySide() != entrySide) {
                w.entryAvg = null;
            }
            // An exit is placed for the whole open quantity; what it has filled is closed already.
            w.position = new LinePosition(entrySide, order.origQty(), order.filledQty());
            w.hasExit = true;
        }
        w.orderSeq = Math.max(w.orderSeq, id.seq());
        return true;
    }
}
