package io.gridbot.exchange.binance.wire;

import io.gridbot.core.order.OpenOrder;
import io.gridbot.exchange.OrderAck;
import io.gridbot.exchange.OrderState;
import java.math.BigDecimal;

/** Binance's order object (new order, cancel, query, open orders). Decimals arrive as strings. */
public record OrderWire(long orderId, String symbol, String status, String clientOrderId, BigDecimal price,
        BigDecimal avgPrice, BigDecimal origQty, BigDecimal executedQty, String timeInForce, String type, String origType,
        Boolean reduceOnly, Boolean closePosition, String side, String positionSide, BigDecimal stopPrice, long time,
        long updateTime) {

    public OrderAck toAck() {
        return new OrderAck(clientOrderId, Long.toString(orderId), VenueEnums.status(status), zeroIfNull(executedQty));
    }

    public OrderState toState() {
        BigDecimal avg = avgPrice == null || avgPrice.signum() == 0 ? null : avgPrice;
        BigDecimal limit = "LIMIT".equals(type) ? price : null;
        return new OrderState(clientOrderId, Long.toString(orderId), VenueEnums.side(side), VenueEnums.status(status),
                limit, origQty, zeroIfNull(executedQty), avg, updateTime);
    }

    public OpenOrder toOpenOrder() {
        boolean limitOrder = "LIMIT".equals(type);
        return new OpenOrder(clientOrderId, Long.toString(orderId), VenueEnums.side(side), VenueEnums.type(type),
                limitOrder ? price : null, Boolean.TRUE.equals(closePosition) ? null : origQty, zeroIfNull(executedQty),
                Boolean.TRUE.equals(reduceOnly), limitOrder || stopPrice == null || stopPrice.signum() == 0 ? null : stopPrice);
    }

    static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
