package io.gridbot.exchange.binance.wire;

import java.math.BigDecimal;

/**
 * Binance's order object (new order, cancel, query, open orders). Decimals arrive as strings;
 * {@link NeutralMapper} turns it into the SPI's values.
 */
public record OrderWire(long orderId, String symbol, String status, String clientOrderId, BigDecimal price,
        BigDecimal avgPrice, BigDecimal origQty, BigDecimal executedQty, String timeInForce, String type, String origType,
        Boolean reduceOnly, Boolean closePosition, String side, String positionSide, BigDecimal stopPrice, long time,
        long updateTime) {
}
