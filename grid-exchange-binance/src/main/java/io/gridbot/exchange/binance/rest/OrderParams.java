package io.gridbot.exchange.binance.rest;

import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.StopTrigger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request parameters of an order, as Binance spells them: decimals as plain strings (never exponents),
 * {@code positionSide} on a hedge-mode leg, {@code reduceOnly} only in one-way mode (on a {@code LONG} or
 * {@code SHORT} leg Binance refuses it, -1106: the order's side says whether it opens or closes the leg), the
 * core's client id as {@code newClientOrderId}.
 */
public final class OrderParams {

    private OrderParams() {
    }

    /** {@code POST /fapi/v1/order} parameters of a LIMIT or MARKET order (also one item of a batch). */
    public static Map<String, String> order(OrderRequest q) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", q.symbol());
        p.put("side", q.side().name());
        p.put("type", q.type().name());
        if (q.positionSide() != PositionSide.BOTH) {
            p.put("positionSide", q.positionSide().name());
        }
        if (OrderRoute.of(q) == OrderRoute.ALGO) {
            throw new IllegalArgumentException("stops go to the algo-order endpoint");
        }
        if (q.type() == OrderType.LIMIT) {
            p.put("timeInForce", q.timeInForce().name());
            p.put("quantity", q.quantity().toPlainString());
            p.put("price", q.price().toPlainString());
        } else {
            p.put("quantity", q.quantity().toPlainString());
        }
        if (q.reduceOnly() && q.positionSide() == PositionSide.BOTH) {
            p.put("reduceOnly", "true");
        }
        p.put("newClientOrderId", q.clientOrderId());
        p.put("newOrderRespType", "RESULT");
        return p;
    }

    /** {@code POST /fapi/v1/algoOrder} parameters of a close-position stop, on the last or the mark price. */
    public static Map<String, String> protectiveStop(OrderRequest q) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("algoType", "CONDITIONAL");
        p.put("symbol", q.symbol());
        p.put("side", q.side().name());
        if (q.positionSide() != PositionSide.BOTH) {
            p.put("positionSide", q.positionSide().name());
        }
        p.put("type", "STOP_MARKET");
        p.put("triggerPrice", q.stopPrice().toPlainString());
        if (q.closePosition()) {
            p.put("closePosition", "true");
        } else {
            p.put("quantity", q.quantity().toPlainString());
            if (q.reduceOnly() && q.positionSide() == PositionSide.BOTH) {
                p.put("reduceOnly", "true");
            }
        }
        p.put("workingType", q.trigger() == StopTrigger.MARK ? "MARK_PRICE" : "CONTRACT_PRICE");
        p.put("clientAlgoId", q.clientOrderId());
        return p;
    }
}
