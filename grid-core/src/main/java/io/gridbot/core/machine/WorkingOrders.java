package io.gridbot.core.machine;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.event.GridEvent.OrderUpdate;
import io.gridbot.core.log.LogType;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Intent;
import io.gridbot.core.order.OrderKey;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.PositionSide;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The lines' entry and exit orders on their way to and on the venue: placing, cancelling, following their
 * updates to the end, and remembering the ones just finished so that late updates of them are ignored.
 */
final class WorkingOrders {

    private static final int RECENT_IDS = 4_096;

    private final Grid g;
    private final Map<String, Slot> liveBySlot = new HashMap<>();
    private final LinkedHashSet<String> recentlyFinished = new LinkedHashSet<>();

    WorkingOrders(Grid g) {
        this.g = g;
    }

    /** The slot whose live order has this id, or {@code null}. */
    Slot slotOf(String clientOrderId) {
        return liveBySlot.get(clientOrderId);
    }

    static TrackedOrder orderOf(Slot slot, String clientOrderId) {
        return slot.entry != null && slot.entry.clientOrderId.equals(clientOrderId) ? slot.entry : slot.exit;
    }

    boolean isEmpty() {
        return liveBySlot.isEmpty();
    }

    int size() {
        return liveBySlot.size();
    }

    void forEach(BiConsumer<String, TrackedOrder> action) {
        liveBySlot.forEach((id, slot) -> action.accept(id, orderOf(slot, id)));
    }

    /** The live orders in tracking order. */
    List<TrackedOrder> all() {
        List<TrackedOrder> all = new ArrayList<>(liveBySlot.size());
        forEach((id, order) -> all.add(order));
        return all;
    }

    void track(String clientOrderId, Slot slot) {
        liveBySlot.put(clientOrderId, slot);
    }

    void clear() {
        liveBySlot.clear();
    }

    boolean recentlyFinished(String clientOrderId) {
        return recentlyFinished.contains(clientOrderId);
    }

    void remember(String clientOrderId) {
        recentlyFinished.add(clientOrderId);
        if (recentlyFinished.size() > RECENT_IDS) {
            var it = recentlyFinished.iterator();
            it.next();
            it.remove();
        }
    }

    void requestCancel(String clientOrderId) {
        Slot slot = liveBySlot.get(clientOrderId);
        if (slot == null) {
            return;
        }
        TrackedOrder order = orderOf(slot, clientOrderId);
        if (order.is(TrackedOrder.Phase.UNKNOWN)) {
            return; // nothing to cancel until we know it exists; the query answers first
        }
        order.cancelSent();
        g.out.add(new GridCommand.CancelOrder(g.config.symbol(), clientOrderId));
        g.out.record(LogType.ORDER, "cancel " + order.describe(), clientOrderId, slot.line);
        g.lines.changed(slot.line);
    }

    void place(OrderKey key) {
        Slot slot = g.lines.slot(key.line());
        BigDecimal qty;
        String id;
        slot.orderSeq = g.ids.next(slot.orderSeq);
        if (key.intent() == Intent.ENTRY) {
            slot.position = slot.position.withSide(key.side());
            qty = g.config.orderQty();
            id = g.ids.id(ClientOrderId.Kind.ENTRY, key.side(), key.line(), slot.orderSeq);
            slot.entry = TrackedOrder.sent(id, key, qty);
            slot.lastEntryClientId = id;
            slot.lastEntryOrderId = null;
        } else {
            qty = slot.openQty();
            id = g.ids.id(ClientOrderId.Kind.EXIT, key.side(), key.line(), slot.orderSeq);
            slot.exit = TrackedOrder.sent(id, key, qty);
        }
        liveBySlot.put(id, slot);
        // In hedge mode an exit closes its own leg by its position side; the venue refuses reduce-only there.
        PositionMode positionMode = g.config.positionMode();
        boolean reduceOnly = key.intent() == Intent.EXIT && positionMode.exitsReduceOnly();
        PositionSide leg = positionMode.leg(key.intent() == Intent.ENTRY ? key.side() : key.side().opposite());
        OrderRequest request = OrderRequest.limit(id, g.config.symbol(), key.side(), key.price(), qty,
                g.config.timeInForce(), reduceOnly, leg);
        g.out.add(new GridCommand.PlaceOrder(request, new GridCommand.Purpose.Line(key.intent(), key.line())));
        g.out.record(LogType.ORDER, "place " + key.intent().name().toLowerCase() + " " + key.side().name().toLowerCase()
                + " " + qty.toPlainString() + " @ " + key.price().toPlainString() + (reduceOnly ? " reduce-only" : "")
                + (leg == PositionSide.BOTH ? "" : " " + leg.name().toLowerCase() + " leg"),
                id, slot.line);
        g.lines.changed(slot.line);
    }

    /** Cancel-all without waiting; every grid order is now on its way out. */
    void cancelEverything() {
        List<String> ids = new ArrayList<>();
        for (Slot slot : g.lines.slots()) {
            for (TrackedOrder order : new TrackedOrder[] {slot.entry, slot.exit}) {
                if (order != null) {
                    order.cancelSent();
                    ids.add(order.clientOrderId);
                }
            }
        }
        if (!ids.isEmpty()) {
            g.out.add(new GridCommand.CancelAll(g.config.symbol(), ids));
        }
    }

    /** Re-attaches a create still in flight after a reconciliation, or cancels it if its level moved on. */
    void carryOver(TrackedOrder order) {
        Slot slot = g.lines.slot(order.key.line());
        if (!slot.carryOver(order)) {
            g.out.add(new GridCommand.CancelOrder(g.config.symbol(), order.clientOrderId));
            remember(order.clientOrderId);
            g.out.record(LogType.ORDER, "cancel " + order.describe() + ": its level changed while it was in flight",
                    order.clientOrderId, slot.line);
            return;
        }
        liveBySlot.put(order.clientOrderId, slot);
    }

    /** In a flattening, the orders a snapshot no longer shows are gone: their slots forget them. */
    void forgetAbsent(Set<String> open) {
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
    }

    /** The order is certainly gone: the slot forgets it and, holding nothing, goes idle. */
    void release(Slot slot, TrackedOrder order) {
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

    /** A final status of a line's order. */
    void finish(Slot slot, TrackedOrder order, OrderUpdate u) {
        boolean ours = order.is(TrackedOrder.Phase.CANCELING);
        detach(slot, order);
        switch (u.status()) {
            case FILLED -> {
                if (slot.entry == null && slot.exit == null && slot.openQty().signum() == 0) {
                    g.out.record(LogType.INFO, "round trip complete", order.clientOrderId, slot.line);
                }
            }
            case CANCELED, EXPIRED, REJECTED -> {
                if (!ours) {
                    // The venue ended it on its own (post-only expiry, a reduce-only with nothing to reduce,
                    // a cancel by hand): give the line its cool-down before it is tried again.
                    slot.blockedUntilMs = g.nowMs() + g.config.cooldownMs();
                    g.out.record(LogType.WARN, order.describe() + " ended by the venue: " + u.status(),
                            order.clientOrderId, slot.line);
                    if (order.key.intent() == Intent.EXIT) {
                        OneWayNetting.netAll(g);
                    }
                }
            }
            default -> {
            }
        }
        resetIfIdle(slot);
        g.lines.changed(slot.line);
    }
}
