package io.gridbot.core.machine;

import static io.gridbot.core.machine.FillBook.nz;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.command.GridCommand.AlertKind;
import io.gridbot.core.event.GridEvent.ExchangeSnapshot;
import io.gridbot.core.event.GridEvent.OrderRejected;
import io.gridbot.core.event.GridEvent.OrderUpdate;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.log.LogType;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.risk.OwnPosition;
import io.gridbot.core.status.GridStatus;
import io.gridbot.core.stoploss.StopLossReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The stop-loss and the user's stop: cancel everything, close the position at market, have
 * the venue confirm it flat, then stop. Once it began nothing but flattening happens until the grid stops.
 */
final class Flattening {

    private final Grid g;
    private Closing closing;
    private long closeSeq;
    private int stopLossCount;
    private StopLossReport lastStopLoss;

    Flattening(Grid g) {
        this.g = g;
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

    void begin(boolean stopLoss, BigDecimal triggerPrice, BigDecimal stopLine, String reason) {
        begin(stopLoss, triggerPrice, stopLine, reason, g.book.position(), BigDecimal.ZERO, null);
    }

    void begin(boolean stopLoss, BigDecimal triggerPrice, BigDecimal stopLine, String reason,
            BigDecimal positionAtTrigger, BigDecimal closedByStop, BigDecimal stopFillPrice) {
        long nowMs = g.nowMs();
        closing = new Closing(stopLoss, nowMs, triggerPrice, stopLine, reason, positionAtTrigger);
        if (closedByStop.signum() > 0) {
            closing.closed(positionAtTrigger.signum() > 0 ? Side.SELL : Side.BUY, closedByStop, stopFillPrice, stopLine);
        }
        if (stopLoss) {
            stopLossCount++;
            g.out.warn("STOP-LOSS: " + reason + "; position " + positionAtTrigger.toPlainString());
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
        BigDecimal venuePosition = g.venue.position();
        boolean venueDisagrees = venuePosition != null && venuePosition.compareTo(g.venue.othersNet()) != 0;
        switch (c.phase(g.book.position(), venueDisagrees, !g.orders.isEmpty(), g.stop.exists())) {
            case CLOSING -> {
                if (c.close != null) {
                    return; // the close order is in flight
                }
                BigDecimal closable = OwnPosition.closable(g.book.position(), venuePosition);
                if (closable.signum() == 0) {
                    // The venue holds none of it in the grid's direction: only a fresh snapshot decides what is left.
                    askOnce(c);
                } else if (g.nowMs() >= c.retryCloseAtMs) {
                    sendClose(closable);
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

    private void sendClose(BigDecimal net) {
        Side side = net.signum() > 0 ? Side.SELL : Side.BUY;
        BigDecimal qty = g.config.rules().floorQty(net.abs());
        if (qty.signum() == 0) {
            g.out.warn("position " + net.toPlainString() + " is below the quantity step and cannot be closed");
            g.book.settle(BigDecimal.ZERO);
            progress();
            return;
        }
        closeSeq = g.ids.next(closeSeq);
        String id = g.ids.id(ClientOrderId.Kind.CLOSE, side, 0, closeSeq);
        closing.close = TrackedOrder.sent(id, null, qty);
        // MARKET + reduceOnly for the exact net position; closePosition is not accepted on MARKET orders.
        g.out.add(new GridCommand.PlaceOrder(OrderRequest.marketClose(id, g.config.symbol(), side, qty, PositionSide.BOTH),
                new GridCommand.Purpose.Close()));
        g.out.record(LogType.ORDER, "close position: market " + side.name().toLowerCase() + " " + qty.toPlainString()
                + " reduce-only", id, null);
    }

    void onCloseUpdate(OrderUpdate u) {
        TrackedOrder close = closing.close;
        BigDecimal delta = nz(u.cumFilledQty()).min(close.qty).subtract(close.filled);
        if (delta.signum() > 0) {
            BigDecimal price = u.lastFillPrice() != null ? u.lastFillPrice() : g.market.lastPrice();
            Side side = g.book.position().signum() > 0 ? Side.SELL : Side.BUY;
            close.filled = close.filled.add(delta);
            closing.closed(side, delta, price, closing.triggerPrice);
            g.book.bookOffGrid(ClientOrderId.Kind.CLOSE, close.clientOrderId, u.exchangeOrderId(), side, price, delta, u);
            g.out.record(LogType.FILL, "close filled " + delta.toPlainString() + " @ " + price.toPlainString(),
                    close.clientOrderId, null);
        }
        if (u.status().isFinal()) {
            g.orders.remember(close.clientOrderId);
            closing.close = null;
            if (u.status() != OrderStatus.FILLED) {
                closing.retryCloseAtMs = g.nowMs() + GridMachine.CLOSE_RETRY_MS;
            }
            progress();
        }
    }

    /** The protective stop filled while the position was being closed: its fill closed that much of it. */
    void closedByStop(Side side, BigDecimal qty, BigDecimal price, BigDecimal stopLine) {
        closing.closed(side, qty, price, stopLine);
    }

    void closeRejected(OrderRejected r) {
        String id = r.clientOrderId();
        // Reduce-only refused: the venue holds nothing to reduce, most often as the protective stop closed it first.
        boolean nothingToReduce = r.kind() == ExchangeErrorKind.REDUCE_ONLY_REJECTED;
        g.out.record(!nothingToReduce ? LogType.ERROR : g.book.position().signum() == 0 ? LogType.INFO : LogType.WARN,
                (nothingToReduce ? "close order not needed, the venue has nothing to reduce: " : "close order rejected: ")
                        + r.kind() + " " + r.venueCode() + " " + r.message() + "; asking the venue for the position", id, null);
        g.orders.remember(id);
        closing.close = null;
        closing.retryCloseAtMs = g.nowMs() + GridMachine.CLOSE_RETRY_MS;
        g.venue.requestSnapshot();
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
        closing.venueSeen = true;
        if (closing.close == null) {
            // The grid's share of the account, never more than the venue holds that way: never another grid's.
            BigDecimal position = OwnPosition.closable(snapshot.unexplainedByOthers(), snapshot.netPosition());
            g.book.settle(position);
            closing.venueConfirmedFlat = position.signum() == 0;
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
