package io.gridbot.stats.metrics;

import io.gridbot.core.order.Fill;
import io.gridbot.stats.ledger.LegBalance;
import java.math.BigDecimal;

/**
 * One leg's figures over a period: the long leg is what a grid's buy entries open (and its sells exit, stop or
 * close), the short leg the other way round ({@link Fill#leg()}). In hedge mode these are the venue's two legs,
 * and the grid's realized PnL is theirs added up; for a one-way neutral grid they are its long and its short lines.
 *
 * @param realizedPnl realized on the leg by average-cost accounting of the leg alone, before fees
 * @param fills       the leg's executions in the period
 * @param position    the leg's signed quantity at the period's end (the short leg's is negative or zero)
 */
public record LegStatistics(BigDecimal realizedPnl, long fills, BigDecimal position) {

    /** The period between the leg as booked at its start and at its end (both booked from the first fill). */
    static LegStatistics between(LegBalance start, LegBalance end) {
        return new LegStatistics(end.realized().subtract(start.realized()), end.fills() - start.fills(), end.position());
    }
}
