package io.gridbot.core.machine;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.event.GridEvent.ExchangeSnapshot;
import io.gridbot.core.level.Level;
import io.gridbot.core.log.LogType;
import io.gridbot.core.order.Intent;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.reconcile.Reconciliation;
import io.gridbot.core.reconcile.ReconciliationPlan;
import io.gridbot.core.reconcile.VanishedOrders;
import io.gridbot.core.risk.PositionLegs;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes the venue's snapshot the grid's truth: the lines are rebuilt from the reconciliation plan,
 * the venue's resting orders attached to them, creates still in flight carried over, orphans cancelled.
 */
final class SnapshotAdoption {

    private final Grid g;
    /** Whether the grid has seen the venue's orders since it was created: until then it may not know them all. */
    private boolean reconciled;

    SnapshotAdoption(Grid g) {
        this.g = g;
    }

    boolean reconciled() {
        return reconciled;
    }

    void reconcile(ExchangeSnapshot snapshot) {
        long nowMs = g.nowMs();
        List<Level> current = g.lines.levels();
        g.book.baseline(current);
        PositionLegs own = snapshot.own();
        Set<String> onVenue = new HashSet<>();
        snapshot.openOrders().forEach(o -> onVenue.add(o.clientOrderId()));
        // Creates sent before the snapshot was read may not be in it yet, even those answered since: they are
        // carried over.
        List<TrackedOrder> inFlight = new ArrayList<>();
        Set<String> unsettled = new HashSet<>();
        g.orders.forEach((id, order) -> {
            if (order.mayBeMissingFromSnapshot() && !onVenue.contains(id)) {
                inFlight.add(order);
            }
            if (order.mayBeMissingFromSnapshot() || order.is(TrackedOrder.Phase.CANCELING)) {
                unsettled.add(id);
            }
        });
        ReconciliationPlan plan = new Reconciliation(g.tag, g.lines.ladder(), g.config.mode(), g.config.positionMode(),
                g.config.orderQty())
                .plan(current, snapshot.openOrders(), own, g.market.lastPrice(), vanished(onVenue, unsettled));
        Map<String, Long> firstFills = new HashMap<>();
        g.orders.forEach((id, order) -> firstFills.put(id, order.firstFillAtMs));
        Map<PositionSide, TrackedOrder> stopsInFlight = g.stop.inFlightAbsentFrom(onVenue);
        g.orders.clear();
        g.lines.rebuildFrom(plan.levels());
        for (ReconciliationPlan.Attachment a : plan.attachments()) {
            Slot slot = g.lines.slot(a.line());
            OpenOrder order = a.order();
            if (a.intent() == Intent.ENTRY) {
                // A tracked order keeps its partial-fill clock; for one unknown till now it starts here.
                long first = firstFills.getOrDefault(order.clientOrderId(), -1L);
                slot.attachEntry(order, first >= 0 ? first : nowMs);
            } else {
                slot.attachExit(order);
            }
            g.orders.track(order.clientOrderId(), slot);
        }
        for (TrackedOrder order : inFlight) {
            g.orders.carryOver(order);
        }
        g.stop.reconciled(stopsInFlight, plan.protectiveStops());
        for (OpenOrder orphan : plan.orphans()) {
            g.out.add(new GridCommand.CancelOrder(g.config.symbol(), orphan.clientOrderId()));
            g.out.record(LogType.ORDER, "cancel orphan order at " + orphan.price(), orphan.clientOrderId(), null);
        }
        for (String note : plan.notes()) {
            g.out.warn("reconciliation: " + note);
        }
        PositionLegs others = g.venue.others();
        g.out.info("reconciled with the venue: " + plan.attachments().size() + " order(s) mapped to levels, "
                + "venue position " + snapshot.position().describe() + (others.isFlat() ? ""
                        : ", of which other grids' ledgers hold " + others.describe()));
        g.book.settle(own);
        if (!g.venue.resyncing()) {
            // No snapshot is on its way any more: the next one is asked for after these orders were answered.
            g.orders.forEach((id, order) -> order.answeredMidSnapshot = false);
            g.stop.forEachOrder(stop -> stop.answeredMidSnapshot = false);
        }
        reconciled = true;
        g.lines.allChanged();
    }

    /**
     * The lines whose working order is absent from the snapshot, neither cancelled by the grid nor a create
     * still unanswered (it may not have reached the venue): it filled.
     */
    private VanishedOrders vanished(Set<String> onVenue, Set<String> unsettled) {
        Set<Integer> exits = new HashSet<>();
        Map<Integer, Side> entries = new HashMap<>();
        for (Slot slot : g.lines.slots()) {
            // The orders working now, or, before the first reconciliation of a restored grid, those saved as working.
            String exit = slot.exit != null ? slot.exit.clientOrderId : slot.savedExitId;
            if (exit != null && !onVenue.contains(exit) && !unsettled.contains(exit)) {
                exits.add(slot.line);
            }
            String entry = slot.entry != null ? slot.entry.clientOrderId
                    : slot.savedEntrySide != null ? slot.lastEntryClientId : null;
            if (entry != null && !onVenue.contains(entry) && !unsettled.contains(entry)) {
                entries.put(slot.line, slot.entry != null ? slot.entry.key.side() : slot.savedEntrySide);
            }
        }
        return new VanishedOrders(exits, entries);
    }
}
