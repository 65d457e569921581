package io.gridbot.exchange.okx.wire;

import java.math.BigDecimal;

/**
 * One of the account's executions ({@code GET /api/v5/trade/fills-history}). OKX names the client id beside the
 * order id; the fee is signed as OKX signs it, negative when charged.
 */
public record FillWire(String instId, String tradeId, String ordId, String clOrdId, String billId, BigDecimal fillPx,
        BigDecimal fillSz, String side, String posSide, String execType, BigDecimal fee, String feeCcy, long ts,
        long fillTime) {
}
