package io.gridbot.exchange.binance.wire;

import java.math.BigDecimal;

/** One entry of {@code GET /fapi/v2/positionRisk}. */
public record PositionRiskWire(String symbol, BigDecimal positionAmt, BigDecimal entryPrice, BigDecimal markPrice,
        BigDecimal unRealizedProfit, String positionSide, long updateTime) {
}
