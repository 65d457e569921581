package io.gridbot.exchange.account;

import java.math.BigDecimal;

/**
 * The position on one symbol (one-way mode: one net leg).
 *
 * @param symbol        the symbol
 * @param netQty        signed: positive long, negative short
 * @param entryPrice    the average entry price, zero when flat
 * @param unrealizedPnl at the venue's mark price
 * @param atMs          the venue's time
 */
public record PositionSnapshot(String symbol, BigDecimal netQty, BigDecimal entryPrice, BigDecimal unrealizedPnl,
        long atMs) {
}
