package io.gridbot.exchange.bybit.wire;

import java.math.BigDecimal;

/**
 * Bybit's order object ({@code GET /v5/order/realtime} and the {@code order} topic), quantities in the base coin. A
 * conditional order carries {@code triggerPrice}, {@code triggerDirection} and {@code stopOrderType} {@code Stop};
 * one that closes the whole position has {@code qty} 0 with {@code reduceOnly} and {@code closeOnTrigger}.
 */
public record OrderWire(String symbol, String orderId, String orderLinkId, String side, String orderType,
        BigDecimal price, BigDecimal qty, String timeInForce, String orderStatus, Integer positionIdx,
        Boolean reduceOnly, Boolean closeOnTrigger, BigDecimal cumExecQty, BigDecimal cumExecValue,
        BigDecimal cumExecFee, BigDecimal avgPrice, BigDecimal leavesQty, BigDecimal triggerPrice,
        Integer triggerDirection, String triggerBy, String stopOrderType, String rejectReason, String cancelType,
        long createdTime, long updatedTime) {
}
