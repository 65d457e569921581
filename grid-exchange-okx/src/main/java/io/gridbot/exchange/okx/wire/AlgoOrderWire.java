package io.gridbot.exchange.okx.wire;

import java.math.BigDecimal;

/**
 * A conditional (algo) order ({@code GET /api/v5/trade/order-algo}, {@code orders-algo-pending}): the protective
 * stop is a {@code conditional} order whose stop-loss trigger closes the whole position ({@code closeFraction} 1).
 */
public record AlgoOrderWire(String instId, String algoId, String algoClOrdId, String ordType, String side,
        String posSide, String state, BigDecimal sz, BigDecimal closeFraction, Boolean reduceOnly,
        BigDecimal slTriggerPx, String slTriggerPxType, BigDecimal slOrdPx, BigDecimal actualSz, long triggerTime,
        long cTime, long uTime) {
}
