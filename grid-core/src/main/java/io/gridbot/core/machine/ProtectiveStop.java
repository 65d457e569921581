package io.gridbot.core.machine;

import static io.gridbot.core.machine.FillBook.nz;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.event.GridEvent.CancelRejected;
import io.gridbot.core.event.GridEvent.OrderRejected;
import io.gridbot.core.event.GridEvent.OrderUpdate;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.log.LogType;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.risk.PositionLegs;
import io.gridbot.core.status.GridStatus;
import java.math.BigDecimal;
import java.util.Set;

/**
 * The venue-side protective stop of one position leg: kept at the stop-loss line while the leg is open, so that
 * it holds if the grid dies. At most one rests per leg: a stop on the wrong side is cancelled, and its successor
 * goes only after the venue confirms. When it fills, the grid's stop-loss takes over from there.
 */
final class ProtectiveStop {

    private final Grid g;
    /** The leg this stop closes: the one-way net, or one hedge-mode leg. */
    private final PositionSide leg;
    private TrackedOrder order;
    private Side side;
    private long retryAtMs;
    private long seq;

    ProtectiveStop(Grid g, PositionSide leg) {
        this.g = g;
        this.leg = leg;
    }

    PositionSide leg() {
        return leg;
    }

    boolean exists() {
        return order != null;
    }

    /** True when the id is the protective stop's. */
    boolean is(String clientOrderId) {
        return order != null && clientOrderId.equals(order.clientOrderId);
    }

    /** The stop, or {@code null} when none is tracked. */
    TrackedOrder order() {
        return order;
    }

    long retryAtMs() {
        return retryAtMs;
    }

    /** Places, replaces or keeps the stop for the position now. */
    void maintain() {
        if (!g.config.protectiveStop() || g.nowMs() < retryAtMs) {
            return;
        }
        BigDecimal position = g.book.legs().get(leg);
        Side wanted = position.signum() > 0 ? Side.SELL : position.signum() < 0 ? Side.BUY : null;
        if (order != null) {
            if (order.is(TrackedOrder.Phase.CANCELING) || order.is(TrackedOrder.Phase.UNKNOWN) || wanted == side) {
                return;
            }
            order.cancelSent();
            g.out.add(new GridCommand.CancelProtectiveStop(g.config.symbol(), order.clientOrderId));
            g.out.record(LogType.ORDER, "cancel protective stop", order.clientOrderId, null);
            return; // the new one goes after the venue confirms, so two stops never rest together
        }
        if (wanted == null) {
            return;
        }
        seq = g.ids.next(seq);
        String id = g.ids.id(ClientOrderId.Kind.STOP, wanted, 0, seq);
        BigDecimal trigger = g.lines.stopRule().protectiveTrigger(wanted);
        order = TrackedOrder.sent(id, null, BigDecimal.ZERO);
        side = wanted;
        g.out.add(new GridCommand.PlaceOrder(OrderRequest.protectiveStop(id, g.config.symbol(), wanted, trigger,
                leg, g.config.protectiveStopTrigger()), new GridCommand.Purpose.ProtectiveStop()));
        g.out.record(LogType.ORDER, "place protective stop " + wanted.name().toLowerCase() + " at "
                + trigger.toPlainString() + (leg == PositionSide.BOTH ? " closing the whole position"
                        : " closing the whole " + leg.name().toLowerCase() + " leg"), id, null);
    }

    void onUpdate(OrderUpdate u) {
        g.sync.noteChange();
        TrackedOrder stop = order;
        if (u.exchangeOrderId() != null) {
            stop.exchangeOrderId = u.exchangeOrderId();
        }
        BigDecimal delta = nz(u.cumFilledQty()).subtract(stop.filled);
        PositionLegs before = g.book.legs();
        BigDecimal fillPrice = u.lastFillPrice() != null ? u.lastFillPrice() : g.market.lastPrice();
        if (delta.signum() > 0) {
            stop.filled = stop.filled.add(delta);
            g.book.bookOffGrid(ClientOrderId.Kind.STOP, stop.clientOrderId, stop.exchangeOrderId, leg, side,
                    fillPrice, delta, u);
            g.out.record(LogType.FILL, "protective stop filled " + delta.toPlainString() + " @ " + fillPrice,
                    stop.clientOrderId, null);
            if (g.flattening.active()) { // the grid's own stop-loss fired first: the stop's fill closes for it
                g.flattening.closedByStop(leg, side, delta, fillPrice, g.lines.stopRule().protectiveTrigger(side));
            }
        }
        if (u.status().isFinal()) {
            g.orders.remember(stop.clientOrderId);
            order = null;
            if (stop.filled.signum() > 0 && !g.flattening.active()) {
                // The venue's stop did the closing: the report shows its trigger and its fill.
                BigDecimal trigger = g.lines.stopRule().protectiveTrigger(side);
                g.flattening.begin(true, trigger, trigger, "the venue-side protective stop fired at "
                        + trigger.toPlainString(), before.plus(leg, signed(side, stop.filled.subtract(delta))),
                        new Closing.StopFill(leg, side, stop.filled, fillPrice));
            } else if (g.lifecycle.is(GridStatus.RUNNING)) {
                g.sync.sync();
            }
        } else {
            stop.acknowledged(g.venue.resyncing());
        }
        if (g.flattening.active()) {
            g.flattening.progress();
        }
    }

    void onRejected(OrderRejected r) {
        if (g.rejections.queryFailed(order, r)) {
            return;
        }
        switch (Rejections.reactionTo(r.kind())) {
            case ASK_THE_VENUE, LIVE_ON_VENUE -> {
                order.outcomeUnknown(); // it may rest: ask before placing another
                g.out.add(new GridCommand.QueryOrder(g.config.symbol(), r.clientOrderId()));
                return;
            }
            default -> {
            }
        }
        g.out.record(LogType.WARN, "protective stop rejected: " + r.kind() + " " + r.message(), r.clientOrderId(), null);
        order = null;
        retryAtMs = g.nowMs() + Math.max(g.config.cooldownMs(), GridMachine.CLOSE_RETRY_MS);
        if (r.kind() == ExchangeErrorKind.RATE_LIMITED) {
            g.sync.rateLimits().hit(g.nowMs(), r.retryAfterMs());
        }
    }

    void onCancelRejected(CancelRejected r) {
        if (r.kind() == ExchangeErrorKind.UNKNOWN_ORDER) {
            g.orders.remember(r.clientOrderId());
            order = null;
        } else {
            order.liveOnVenue();
            retryAtMs = g.nowMs() + GridMachine.CLOSE_RETRY_MS;
            g.out.record(LogType.WARN, "cancel of the protective stop refused (" + r.kind() + "): sent again",
                    r.clientOrderId(), null);
        }
        if (g.flattening.active()) {
            g.flattening.progress();
        }
    }

    /**
     * A stop the snapshot may not show yet (its create unanswered, or answered while the snapshot was on its
     * way): carried over a reconciliation; {@code null} if none.
     */
    TrackedOrder inFlightAbsentFrom(Set<String> onVenue) {
        return order != null && order.mayBeMissingFromSnapshot() && !onVenue.contains(order.clientOrderId)
                ? order : null;
    }

    /** After a reconciliation: the stop in flight, replaced by the one the venue shows if there is one. */
    void reconciled(TrackedOrder inFlight, OpenOrder resting) {
        order = inFlight;
        if (resting != null) {
            if (inFlight != null) {
                g.out.add(new GridCommand.CancelProtectiveStop(g.config.symbol(), inFlight.clientOrderId));
            }
            order = TrackedOrder.resting(resting.clientOrderId(), null, BigDecimal.ZERO);
            side = resting.side();
            ClientOrderId.parse(resting.clientOrderId()).ifPresent(p -> seq = Math.max(seq, p.seq()));
        }
    }

    /** A stop of this grid found resting during a flattening: kept till the position is closed, or cancelled. */
    void foundWhileFlattening(OpenOrder stop) {
        if (order == null) {
            // Kept till the position is closed, then cancelled like the grid's own stop.
            order = TrackedOrder.resting(stop.clientOrderId(), null, BigDecimal.ZERO);
            side = stop.side();
        } else if (!order.clientOrderId.equals(stop.clientOrderId())) {
            g.out.add(new GridCommand.CancelProtectiveStop(g.config.symbol(), stop.clientOrderId()));
        }
    }

    /**
     * The flattening closed the position: the stop has nothing left to protect. Its cancel goes once the venue
     * has answered its create, and again a while after a refusal.
     */
    void cancelWhenFlat() {
        if (order == null || !order.is(TrackedOrder.Phase.WORKING) || g.nowMs() < retryAtMs) {
            return;
        }
        order.cancelSent();
        g.out.add(new GridCommand.CancelProtectiveStop(g.config.symbol(), order.clientOrderId));
        g.out.record(LogType.ORDER, "cancel protective stop: the position is closed", order.clientOrderId, null);
    }

    /** A snapshot of a flattening shows no stop: the one tracked, unless it may be missing from it, is gone. */
    void forgetIfAbsent(Set<String> onVenue) {
        if (order != null && !order.mayBeMissingFromSnapshot() && !onVenue.contains(order.clientOrderId)) {
            g.orders.remember(order.clientOrderId);
            order = null;
        }
    }

    /** What a fill of {@code qty} taking {@code side} closed: a sell closes a long, a buy a short. */
    private static BigDecimal signed(Side side, BigDecimal qty) {
        return side == Side.SELL ? qty : qty.negate();
    }

    static boolean isStopOrder(OpenOrder order) {
        return order.type() == OrderType.STOP_MARKET;
    }
}
