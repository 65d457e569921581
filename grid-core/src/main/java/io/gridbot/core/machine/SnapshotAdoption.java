package io.gridbot.core.machine;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.event.GridEvent.ExchangeSnapshot;
import io.gridbot.core.level.Level;
import io.gridbot.core.log.LogType;
import io.gridbot.core.order.Intent;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.reconcile.Reconciliation;
import io.gridbot.core.reconcile.ReconciliationPlan;
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
        BigDecimal own = snapshot.unexplainedByOthers();
        ReconciliationPlan plan = new Reconciliation(g.tag, g.lines.ladder(), g.config.mode(), g.config.orderQty())
                .plan(current, snapshot.openOrders(), own, g.market.lastPrice());
        Map<String, Long> firstFills = new HashMap<>();
        g.orders.forEach((id, order) -> firstFills.put(id, order.firstFillAtMs));
        Set<String> onVenue = new HashSet<>();
        snapshot.openOrders().forEach(o -> onVenue.add(o.clientOrderId()));
        // Creates sent before the snapshot was taken may not be in it yet: they are carried over.
        List<TrackedOrder> inFlight = new ArrayList<>();
        g.orders.forEach((id, order) -> {
            if (order.unanswered() && !onVenue.contains(id)) {
                inFlight.add(order);
            }
        });
        TrackedOrder stopInFlight = g.stop.inFlightAbsentFrom(onVenue);
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
        g.stop.reconciled(stopInFlight, plan.protectiveStop());
        for (OpenOrder orphan : plan.orphans()) {
            g.out.add(new GridCommand.CancelOrder(g.config.symbol(), orphan.clientOrderId()));
            g.out.record(LogType.ORDER, "cancel orphan order at " + orphan.price(), orphan.clientOrderId(), null);
        }
        for (String note : plan.notes()) {
            g.out.warn("reconciliation: " + note);
        }
        BigDecimal othersNet = g.venue.othersNet();
        g.out.info("reconciled with the venue: " + plan.attachments().size() + " order(s) mapped to levels, "
                + "venue position " + snapshot.netPosition().toPlainString() + (othersNet.signum() == 0 ? ""
                        : ", of which other grids' ledgers hold " + othersNet.toPlainString()));
        g.book.settle(own);
        reconciled = true;
        g.lines.allChanged();
    }
}
