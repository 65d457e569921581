package io.gridbot.exchange.sim;

import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.exchange.OrderState;
import java.math.BigDecimal;
import java.math.MathContext;

/** An order on the simulated book: the request and what has filled of it so far. */
final class SimOrder {

    final OrderRequest request;
    final String exchangeId;
    /** Arrival order on the book, for time priority among orders at one price. */
    final long seq;
    BigDecimal filled = BigDecimal.ZERO;
    BigDecimal notional = BigDecimal.ZERO;
    /** For a triggered close-position stop: the position it closes, fixed when it triggered. */
    BigDecimal closeQty;
    /** Under the queue model, the volume still ahead of a resting limit order at its price; otherwise {@code null}. */
    BigDecimal queueAhead;
    long updatedMs;

    SimOrder(OrderRequest request, String exchangeId, long seq, long atMs) {
        this.request = request;
        this.exchangeId = exchangeId;
        this.seq = seq;
        this.updatedMs = atMs;
    }

    String clientOrderId() {
        return request.clientOrderId();
    }

    BigDecimal remaining() {
        return request.quantity().subtract(filled);
    }

    /** The status of an order still on the book. */
    OrderStatus restingStatus() {
        return filled.signum() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW;
    }

    /** The order as a query answers it, with this status. */
    OrderState state(OrderStatus status) {
        BigDecimal avg = filled.signum() == 0 ? null : notional.divide(filled, MathContext.DECIMAL128);
        return new OrderState(request.clientOrderId(), exchangeId, request.side(), status, request.price(),
                request.quantity(), filled, avg, updatedMs);
    }
}
