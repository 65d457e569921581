package io.gridbot.exchange;

import io.gridbot.core.order.Side;
import java.math.BigDecimal;

/**
 * One of the account's executions as the venue's trade history lists it (Binance: {@code userTrades}):
 * how fills missed while the process was down are recovered.
 *
 * @param clientOrderId   the order's client id
 * @param exchangeOrderId the venue's order id
 * @param tradeId         the venue's trade id
 * @param side            buy or sell
 * @param price           the execution price
 * @param qty             the executed quantity
 * @param fee             the fee charged
 * @param feeAsset        the fee's asset
 * @param atMs            the venue's execution time
 */
public record TradeRecord(String clientOrderId, String exchangeOrderId, String tradeId, Side side, BigDecimal price,
        BigDecimal qty, BigDecimal fee, String feeAsset, long atMs) {
}
