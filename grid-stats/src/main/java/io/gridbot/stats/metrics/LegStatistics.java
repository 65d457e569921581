package io.gridbot.stats.metrics;

import io.gridbot.core.order.Fill;
import io.gridbot.core.order.PositionSide;
import io.gridbot.stats.ledger.PositionBook;
import java.math.BigDecimal;

/**
 * One leg's figures over a period: the long leg is what a grid's buy entries open (and its sells exit, stop or
 * close), the short leg the other way round ({@link Fill#leg()}). In hedge mode these are the venue's two legs;
 * for a one-way neutral grid they are its long and its short lines.
 *
 * @param realizedPnl realized on the leg by average-cost accounting of the leg alone, before fees
 * @param fills       the leg's executions in the period
 * @param position    the leg's signed quantity at the period's end (the short leg's is negative or zero)
 */
public record LegStatistics(BigDecimal realizedPnl, long fills, BigDecimal position) {

    /** Books a grid's fills on its two legs, each leg by average cost on its own. */
    static final class Books {

        private final PositionBook longBook = new PositionBook();
        private final PositionBook shortBook = new PositionBook();
        private BigDecimal longRealized = BigDecimal.ZERO;
        private BigDecimal shortRealized = BigDecimal.ZERO;
        private long longFills;
        private long shortFills;

        /** Books a fill on its leg; {@code counted} when it falls in the period, so its PnL and count are the period's. */
        void apply(Fill f, boolean counted) {
            boolean isLong = f.leg() == PositionSide.LONG;
            BigDecimal r = (isLong ? longBook : shortBook).apply(f.side(), f.price(), f.qty());
            if (!counted) {
                return;
            }
            if (isLong) {
                longRealized = longRealized.add(r);
                longFills++;
            } else {
                shortRealized = shortRealized.add(r);
                shortFills++;
            }
        }

        LegStatistics longLeg() {
            return new LegStatistics(longRealized, longFills, longBook.qty());
        }

        LegStatistics shortLeg() {
            return new LegStatistics(shortRealized, shortFills, shortBook.qty());
        }
    }
}
