package io.gridbot.core.machine;

import static io.gridbot.core.machine.FillBook.nz;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.event.GridEvent.OrderUpdate;
import io.gridbot.core.log.LogType;
import io.gridbot.core.status.GridStatus;
import java.math.BigDecimal;

/**
 * The venue's order updates: each goes to the order it is about (a close, the protective stop, a line's
 * order), and an update for an order of this grid that nothing tracks sets off a resync.
 */
final class OrderStream {

    private final Grid g;
    /** A time, not a difference from one: subtracting from an initial Long.MIN_VALUE overflows. */
    private long nextUntrackedResyncAtMs = Long.MIN_VALUE;

    OrderStream(Grid g) {
        this.g = g;
    }

    /**
     * The update as a fact for the order's record, before anything else the update causes (the record is
     * written before any command is carried out). Only for this grid's orders, and only when the update says
     * both the status and the filled quantity: one without either changes no record.
     */
    void record(OrderUpdate u) {
        if (u.status() != null && u.cumFilledQty() != null && g.owner.ours(u.clientOrderId())) {
            g.out.add(new GridCommand.RecordOrderChange(u.clientOrderId(), u.exchangeOrderId(), u.status(),
                    u.cumFilledQty(), u.atMs()));
        }
    }

    void onOrderUpdate(OrderUpdate u) {
        g.venue.journal(u);
        String id = u.clientOrderId();
        if (g.flattening.isCloseOrder(id)) {
            g.flattening.onCloseUpdate(u);
            return;
        }
        if (g.stop.is(id)) {
            g.stop.onUpdate(u);
            return;
        }
        Slot slot = g.orders.slotOf(id);
        if (slot == null) {
            onUntracked(u);
            return;
        }
        TrackedOrder order = WorkingOrders.orderOf(slot, id);
        if (u.status().isFinal() || nz(u.lastFillQty()).signum() > 0) {
            g.venue.heard();
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
            g.market.noteFill(price, u.atMs());
            order.filled = order.filled.add(delta);
            g.book.bookLine(slot, order, delta, price, fee, u);
        }
        if (!u.status().isFinal()) {
            order.acknowledged(g.venue.resyncing());
            g.lines.changed(slot.line);
            afterOrderChange(delta.signum() > 0);
            return;
        }
        g.orders.finish(slot, order, u);
        afterOrderChange(true);
    }

    private void afterOrderChange(boolean changed) {
        if (g.flattening.active()) {
            g.flattening.progress();
        } else if (changed && g.lifecycle.is(GridStatus.RUNNING)) {
            g.sync.sync();
        } else if (changed && g.lifecycle.is(GridStatus.PAUSED)) {
            guardWhilePaused();
        }
    }

    /**
     * A paused grid places nothing new, but fills of its resting entries still move the position:
     * the venue-side protective stop follows it, since it protects money rather than trading.
     */
    void guardWhilePaused() {
        if (g.lines.ladder() != null && g.streams.up() && !g.venue.resyncing()) {
            g.stop.maintain();
        }
    }

    private void onUntracked(OrderUpdate u) {
        if (u.status() != null && u.status().isFinal()) {
            g.orphans.finished(u.clientOrderId());
        }
        if (g.orders.recentlyFinished(u.clientOrderId())) {
            return; // a late or repeated update of an order already settled
        }
        if (!g.owner.ours(u.clientOrderId())) {
            return; // another grid's or a person's order on the same symbol
        }
        g.out.record(LogType.WARN, "update for an order of this grid that is not tracked (" + u.status() + ", filled "
                + nz(u.cumFilledQty()).toPlainString() + "): resynchronising with the venue", u.clientOrderId(), null);
        if (g.status().isActive() && !g.venue.resyncing() && g.nowMs() >= nextUntrackedResyncAtMs) {
            nextUntrackedResyncAtMs = g.nowMs() + g.config.cooldownMs();
            g.venue.requestSnapshot();
        }
    }
}
