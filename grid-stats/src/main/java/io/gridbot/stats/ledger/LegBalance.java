package io.gridbot.stats.ledger;

import java.math.BigDecimal;

/**
 * One leg of a grid as the {@link EquityLedger} has booked it from the first fill: the long leg is what buy entries
 * open (and sells exit, stop or close), the short leg the other way round ({@link io.gridbot.core.order.Fill#leg()}),
 * each by average cost on its own. In hedge mode these are the venue's two legs and the grid's realized PnL is
 * theirs added up; in one-way mode they are a neutral grid's long and short lines, which the venue nets.
 *
 * @param realized     what the leg realized, before fees
 * @param fills        its executions
 * @param position     its signed open quantity (the short leg's is negative or zero)
 * @param averagePrice the open quantity's average entry price, zero when flat
 */
public record LegBalance(BigDecimal realized, long fills, BigDecimal position, BigDecimal averagePrice) {

    static LegBalance of(PositionBook book) {
        return new LegBalance(book.realized(), book.executions(), book.qty(), book.avgPrice());
    }
}
