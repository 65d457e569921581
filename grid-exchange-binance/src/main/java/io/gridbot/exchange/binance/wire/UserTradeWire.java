package io.gridbot.exchange.binance.wire;

import java.math.BigDecimal;

/**
 * One entry of {@code GET /fapi/v1/userTrades}. Binance gives the order id but not the client id, so the
 * adapter supplies it.
 */
public record UserTradeWire(long id, long orderId, String symbol, String side, BigDecimal price, BigDecimal qty,
        BigDecimal commission, String commissionAsset, BigDecimal realizedPnl, boolean maker, long time) {
}
