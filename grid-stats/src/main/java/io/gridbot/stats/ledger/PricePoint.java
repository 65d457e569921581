package io.gridbot.stats.ledger;

import java.math.BigDecimal;

/**
 * A mark or last price at a moment: what open positions are valued at for unrealized PnL and the equity curve.
 *
 * @param atMs  when
 * @param price the price
 */
public record PricePoint(long atMs, BigDecimal price) {
}
