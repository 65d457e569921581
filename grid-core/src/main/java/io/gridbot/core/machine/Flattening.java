package io.gridbot.core.machine;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.command.GridCommand.AlertKind;
import io.gridbot.core.event.GridEvent.ExchangeSnapshot;
import io.gridbot.core.event.GridEvent.OrderRejected;
import io.gridbot.core.event.GridEvent.OrderUpdate;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.risk.PositionLegs;
import io.gridbot.core.status.GridStatus;
import io.gridbot.core.stoploss.StopLossReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The stop-loss and the user's stop: cancel everything, close the position at market, have
 * the venue confirm it flat, then stop. Once it began nothing but flattening happens until the grid stops.
 */
final class Flattening {

    private final Grid g;
    private final CloseOrders closes;
    private Closing closing;
    private int stopLossCount;
    private StopLossReport lastStopLoss;

    Flattening(Grid g) {
        this.g = g;
        this.closes = new CloseOrders(g);
    }

    boolean active() {
        return closing != null;
    }

    int stopLossCount() {
        return stopLossCount;
    }

    StopLossReport lastStopLoss() {
        return lastStopLoss;
    }

    boolean isCloseOrder(String clientOrderId) {
        return closing != null && closing.close != null && clientOrderId.equals(closing.close.clientOrderId);
    }

    void onCloseUpdate(OrderUpdate u) {
        if (closes.onUpdate(closing, u)) {
            progress();
        }
    }

    void closeRejected(OrderRejected r) {
        closes.rejected(closing, r);
    }

    void begin(boolean stopLoss, BigDecimal triggerPrice, BigDecimal stopLine, String reason) {
        begin(stopLoss, triggerPrice, stopLine, reason, g.book.legs(), null);
    }

    /** Begins a flattening; {@code stopFill} is what the venue-side stop closed when it set this one off, or null. */
    void begin(boolean stopLoss, BigDecimal triggerPrice, BigDecimal stopLine, String reason,
            PositionLegs positionAtTrigger, Closing.StopFill stopFill) {
        long nowMs = g.nowMs();
        closing = new Closing(stopLoss, nowMs, triggerPrice, stopLine, reason, positionAtTrigger);
        if (stopFill != null) {
            closing.closed(stopFill.leg(), stopFill.side(), stopFill.qty(), stopFill.price(), stopLine);
        }
        if (stopLoss) {
            stopLossCount++;
            g.out.warn("STOP-LOSS: " + reason + "; position " + positionAtTrigger.describe());
            g.lifecycle.setStatus(GridStatus.STOP_LOSS, reason);
        } else {
            g.lifecycle.setStatus(GridStatus.STOPPING, reason);
        }
        g.orders.cancelEverything();
        closing.resyncAtMs = nowMs + GridMachine.CLOSE_RESYNC_MS;
        // Only orders it tracks are cancelled by id: a grid that has not reconciled yet must see the venue first.
        closing.venueSeen = g.adoption.reconciled();
        ExchangeSnapshot held = g.venue.takeHeld();
        if (held != null) {
            settleWith(held);
            return;
        }
        progress();
    }

    void progress() {
        Closing c = closing;
        PositionLegs venuePosition = g.venue.position();
        boolean venueDisagrees = venuePosition != null && !venuePosition.sameAs(g.venue.others());
        switch (c.phase(!g.book.legs().isFlat(), venueDisagrees, !g.orders.isEmpty(), g.stop.exists())) {
            case CLOSING -> {
                if (c.close != null) {
                    return; // the close order is in flight
                }
                PositionLegs own = g.book.legs();
                PositionLegs closable = venuePosition == null ? own : own.closableOn(venuePosition);
                Optional<PositionSide> leg = CloseOrders.nextLeg(closable);
                if (leg.isEmpty()) {
                    // The venue holds none of it in the grid's direction: only a fresh snapshot decides what is left.
                    askOnce(c);
                } else if (g.nowMs() >= c.retryCloseAtMs) {
                    // One leg at a time: in hedge mode the other leg's close follows when this one is done.
                    if (!closes.send(c, leg.get(), closable.get(leg.get()))) {
                        progress();
                    }
                }
            }
            // Our fills say flat, the venue's last word does not; that word may predate our last fill.
            // Only a fresh snapshot decides, so a stale account update never sends a second close.
            case CONFIRMING_FLAT -> askOnce(c);
            case CANCELLING -> {
                // Wait for the cancels, so that no late fill reopens a position behind our back.
                if (!c.venueSeen && !g.venue.awaiting() && !c.snapshotRequested) {
                    c.snapshotRequested = true;
                    g.venue.requestSnapshot();
                } else {
                    resyncWhenDue(c);
                }
            }
            // Only a stop the venue confirms gone lets the grid report stopped: a refused cancel is sent again,
            // and a restart right after the stop finds nothing of the grid resting.
            case CANCELLING_STOP -> {
                g.stop.cancelWhenFlat();
                resyncWhenDue(c);
            }
            case DONE -> complete();
        }
    }

    private void resyncWhenDue(Closing c) {
        if (g.nowMs() >= c.resyncAtMs) {
            c.resyncAtMs = g.nowMs() + GridMachine.CLOSE_RESYNC_MS;
            g.venue.requestSnapshot();
        }
    }

    private void askOnce(Closing c) {
        if (!c.snapshotRequested) {
            c.snapshotRequested = true;
            g.venue.requestSnapshot();
        }
    }

    /** The protective stop filled while the position was being closed: its fill closed that much of it. */
    void closedByStop(PositionSide leg, Side side, BigDecimal qty, BigDecimal price, BigDecimal stopLine) {
        closing.closed(leg, side, qty, price, stopLine);
    }

    /** In a stop-loss or stop, a snapshot tells which orders still rest and what position remains. */
    void settleWith(ExchangeSnapshot snapshot) {
        Set<String> open = new HashSet<>();
        List<String> remaining = new ArrayList<>();
        for (OpenOrder order : snapshot.openOrders()) {
            open.add(order.clientOrderId());
            if (!g.owner.ours(order.clientOrderId())) {
                continue;
            }
            if (!ProtectiveStop.isStopOrder(order)) {
                remaining.add(order.clientOrderId());
            } else {
                g.stop.foundWhileFlattening(order);
            }
        }
        g.orders.forgetAbsent(open);
        g.stop.forgetIfAbsent(open);
        if (!remaining.isEmpty()) {
            g.out.add(new GridCommand.CancelAll(g.config.symbol(), remaining));
        }
        closing.snapshotRequested = false;
        // Orders of the grid it did not track (a dead holder's, not yet adopted) are cancelled by id above; only a
        // snapshot without them lets the grid report stopped, or a cancel still on its way (or never sent once
        // the grid is let go) would leave one resting behind a grid that says it stopped.
        closing.venueSeen = remaining.isEmpty();
        if (closing.close == null) {
            // The grid's share of the account, never more than the venue holds that way: never another grid's.
            PositionLegs position = snapshot.own().closableOn(snapshot.position());
            g.book.settle(position);
            closing.venueConfirmedFlat = position.isFlat();
        }
        progress();
    }

    private void complete() {
        Closing c = closing;
        closing = null;
        g.lines.resetAll();
        if (c.stopLoss) {
            lastStopLoss = c.report(g.config.name(), g.nowMs());
            BigDecimal closePrice = lastStopLoss.closePrice();
            g.out.add(new GridCommand.ReportStopLoss(lastStopLoss));
            g.out.add(new GridCommand.Alert(AlertKind.STOP_LOSS, g.config.name() + ": stop-loss closed the grid ("
                    + c.reason + ")"));
            g.out.warn("stop-loss complete: closed " + c.closedQty.toPlainString()
                    + (closePrice != null ? " at " + closePrice.toPlainString() : "") + ", grid stopped");
            g.lifecycle.setStatus(GridStatus.STOPPED, "stop-loss complete");
        } else {
            g.lifecycle.setStatus(GridStatus.STOPPED, "stopped: orders cancelled, position closed");
        }
    }
}
