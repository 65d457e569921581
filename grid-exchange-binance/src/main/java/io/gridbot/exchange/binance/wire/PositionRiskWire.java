package io.gridbot.exchange.binance.wire;

import io.gridbot.exchange.PositionSnapshot;
import java.math.BigDecimal;

/** One entry of {@code GET /fapi/v2/positionRisk}. */
public record PositionRiskWire(String symbol, BigDecimal positionAmt, BigDecimal entryPrice, BigDecimal markPrice,
        BigDecimal unRealizedProfit, String positionSide, long updateTime) {

    public PositionSnapshot toSnapshot(long fallbackMs) {
        return new PositionSnapshot(symbol, OrderWire.zeroIfNull(positionAmt), OrderWire.zeroIfNull(entryPrice),
                OrderWire.zeroIfNull(unRealizedProfit), updateTime > 0 ? updateTime : fallbackMs);
    }
}
