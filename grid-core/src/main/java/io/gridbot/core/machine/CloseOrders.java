package io.gridbot.core.machine;

import static io.gridbot.core.machine.FillBook.nz;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.event.GridEvent.OrderRejected;
import io.gridbot.core.event.GridEvent.OrderUpdate;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.log.LogType;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.risk.PositionLegs;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The market orders a flattening closes the position with: one leg at a time, each for exactly what the grid
 * holds on it (never more than the venue holds that way), booked as it fills.
 */
final class CloseOrders {

    private final Grid g;
    private long closeSeq;

    CloseOrders(Grid g) {
        this.g = g;
    }

    /** The first leg with something to close: the one-way net, then the long leg, then the short leg. */
    static Optional<PositionSide> nextLeg(PositionLegs closable) {
        for (PositionSide leg : PositionSide.values()) {
            if (closable.get(leg).signum() != 0) {
                return Optional.of(leg);
            }
        }
        return Optional.empty();
    }

    /** Sends the close of {@code qty} (signed) on {@code leg}; false when it is below the step and was written off. */
    boolean send(Closing closing, PositionSide leg, BigDecimal qty) {
        Side side = qty.signum() > 0 ? Side.SELL : Side.BUY;
        BigDecimal size = g.config.rules().floorQty(qty.abs());
        if (size.signum() == 0) {
            g.out.warn("position " + qty.toPlainString() + " is below the quantity step and cannot be closed");
            g.book.settle(g.book.legs().with(leg, BigDecimal.ZERO));
            return false;
        }
        closeSeq = g.ids.next(closeSeq);
        String id = g.ids.id(ClientOrderId.Kind.CLOSE, side, 0, closeSeq);
        closing.close = TrackedOrder.sent(id, null, size);
        closing.closeLeg = leg;
        closing.closeSide = side;
        // MARKET for the exact position; closePosition is not accepted on MARKET orders.
        OrderRequest request = OrderRequest.marketClose(id, g.config.symbol(), side, size, leg);
        g.out.add(new GridCommand.PlaceOrder(request, new GridCommand.Purpose.Close()));
        g.out.record(LogType.ORDER, "close position: market " + side.name().toLowerCase() + " " + size.toPlainString()
                + (request.reduceOnly() ? " reduce-only" : " closing the " + leg.name().toLowerCase() + " leg"), id, null);
        return true;
    }

    /** An update of the close order; true when it ended and the flattening should go on. */
    boolean onUpdate(Closing closing, OrderUpdate u) {
        TrackedOrder close = closing.close;
        BigDecimal delta = nz(u.cumFilledQty()).min(close.qty).subtract(close.filled);
        if (delta.signum() > 0) {
            BigDecimal price = u.lastFillPrice() != null ? u.lastFillPrice() : g.market.lastPrice();
            close.filled = close.filled.add(delta);
            closing.closed(closing.closeLeg, closing.closeSide, delta, price, closing.triggerPrice);
            g.book.bookOffGrid(ClientOrderId.Kind.CLOSE, close.clientOrderId, u.exchangeOrderId(), closing.closeLeg,
                    closing.closeSide, price, delta, u);
            g.out.record(LogType.FILL, "close filled " + delta.toPlainString() + " @ " + price.toPlainString(),
                    close.clientOrderId, null);
        }
        if (!u.status().isFinal()) {
            return false;
        }
        g.orders.remember(close.clientOrderId);
        closing.close = null;
        if (u.status() != OrderStatus.FILLED) {
            closing.retryCloseAtMs = g.nowMs() + GridMachine.CLOSE_RETRY_MS;
        }
        return true;
    }

    void rejected(Closing closing, OrderRejected r) {
        String id = r.clientOrderId();
        // Refused for lack of position: the venue holds nothing to reduce, most often as the protective stop closed it.
        boolean nothingToReduce = r.kind() == ExchangeErrorKind.REDUCE_ONLY_REJECTED;
        g.out.record(!nothingToReduce ? LogType.ERROR : g.book.legs().isFlat() ? LogType.INFO : LogType.WARN,
                (nothingToReduce ? "close order not needed, the venue has nothing to reduce: " : "close order rejected: ")
                        + r.kind() + " " + r.venueCode() + " " + r.message() + "; asking the venue for the position", id, null);
        g.orders.remember(id);
        closing.close = null;
        closing.retryCloseAtMs = g.nowMs() + GridMachine.CLOSE_RETRY_MS;
        g.venue.requestSnapshot();
    }
}
