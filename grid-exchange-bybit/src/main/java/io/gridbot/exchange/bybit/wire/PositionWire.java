package io.gridbot.exchange.bybit.wire;

import java.math.BigDecimal;

/**
 * One position of {@code GET /v5/position/list} or the {@code position} topic: its index (0 one-way, 1 the buy side
 * and 2 the sell side of hedge mode), side ({@code Buy}, {@code Sell}, {@code ""} when flat) and size, always
 * positive. The REST answer names the entry price {@code avgPrice}, the topic {@code entryPrice}.
 */
public record PositionWire(String symbol, Integer positionIdx, String side, BigDecimal size, BigDecimal avgPrice,
        BigDecimal entryPrice, BigDecimal unrealisedPnl, long updatedTime) {
}
