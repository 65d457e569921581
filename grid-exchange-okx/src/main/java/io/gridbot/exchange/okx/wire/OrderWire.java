package io.gridbot.exchange.okx.wire;

import java.math.BigDecimal;

/**
 * OKX's order object ({@code GET /api/v5/trade/order}, {@code orders-pending}). Sizes are in contracts;
 * {@link NeutralMapper} converts them with the instrument's {@link ContractSize}.
 */
public record OrderWire(String instId, String ordId, String clOrdId, BigDecimal px, BigDecimal sz, String ordType,
        String side, String posSide, String tdMode, BigDecimal accFillSz, BigDecimal fillPx, BigDecimal fillSz,
        String tradeId, BigDecimal avgPx, String state, Boolean reduceOnly, String cancelSource, BigDecimal fee,
        String feeCcy, long cTime, long uTime) {
}
