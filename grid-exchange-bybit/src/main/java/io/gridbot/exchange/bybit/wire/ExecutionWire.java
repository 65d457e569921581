package io.gridbot.exchange.bybit.wire;

import java.math.BigDecimal;

/**
 * One execution of {@code GET /v5/execution/list} or the {@code execution} topic: the trade ({@code execId},
 * {@code execPrice}, {@code execQty}, {@code execFee} in {@code feeCurrency}) and the order it belongs to, with what
 * of it is left ({@code leavesQty}).
 */
public record ExecutionWire(String symbol, String orderId, String orderLinkId, String side, BigDecimal orderPrice,
        BigDecimal orderQty, BigDecimal leavesQty, String orderType, String stopOrderType, String execId,
        BigDecimal execPrice, BigDecimal execQty, BigDecimal execFee, String feeCurrency, String execType,
        long execTime) {
}
