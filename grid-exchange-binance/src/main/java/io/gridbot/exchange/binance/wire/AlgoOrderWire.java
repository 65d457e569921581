package io.gridbot.exchange.binance.wire;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.OrderType;
import io.gridbot.exchange.OrderAck;
import io.gridbot.exchange.OrderState;
import java.math.BigDecimal;

/**
 * A conditional order of the Algo service ({@code /fapi/v1/algoOrder}, {@code openAlgoOrders}), how protective
 * stops live on Binance since the conditional types left {@code /fapi/v1/order}.
 */
public record AlgoOrderWire(long algoId, String clientAlgoId, String algoType, @JsonAlias("orderType") String type,
        String symbol, String side, String positionSide, BigDecimal quantity, String algoStatus, BigDecimal triggerPrice,
        Boolean closePosition, Boolean reduceOnly, long createTime, long updateTime) {

    public OrderAck toAck() {
        return new OrderAck(clientAlgoId, Long.toString(algoId), OrderStatus.NEW, BigDecimal.ZERO);
    }

    /**
     * The stop as an order state: NEW while it waits or triggers, FILLED once FINISHED (the order it became
     * has executed), CANCELED, or EXPIRED (also when REJECTED); any other status throws
     * {@link UnknownVenueValueException}.
     */
    public OrderState toState() {
        OrderStatus status = switch (algoStatus == null ? "" : algoStatus) {
            case "NEW", "TRIGGERING", "TRIGGERED" -> OrderStatus.NEW;
            case "FINISHED" -> OrderStatus.FILLED;
            case "CANCELED" -> OrderStatus.CANCELED;
            case "EXPIRED", "REJECTED" -> OrderStatus.EXPIRED;
            default -> throw new UnknownVenueValueException("status", algoStatus);
        };
        return new OrderState(clientAlgoId, Long.toString(algoId), VenueEnums.side(side), status, null,
                Boolean.TRUE.equals(closePosition) ? null : quantity, BigDecimal.ZERO, null, updateTime);
    }

    public OpenOrder toOpenOrder() {
        boolean closes = Boolean.TRUE.equals(closePosition);
        return new OpenOrder(clientAlgoId, Long.toString(algoId), VenueEnums.side(side), OrderType.STOP_MARKET, null,
                closes || quantity == null || quantity.signum() == 0 ? null : quantity, BigDecimal.ZERO,
                Boolean.TRUE.equals(reduceOnly), triggerPrice);
    }
}
