package io.gridbot.exchange.okx.wire;

import java.math.BigDecimal;

/**
 * One entry of {@code GET /api/v5/account/positions}. {@code pos} is in contracts: signed in net mode, and
 * positive on both legs in long/short mode, where {@code posSide} says which.
 */
public record PositionWire(String instType, String instId, String mgnMode, String posSide, BigDecimal pos,
        BigDecimal avgPx, BigDecimal upl, BigDecimal markPx, long uTime) {
}
