package io.gridbot.runner.daemon;

import io.gridbot.persistence.Database;
import io.gridbot.persistence.config.StoredGrid;
import io.gridbot.persistence.report.ReportRepository;
import io.gridbot.runner.store.StatisticsSource;
import io.gridbot.stats.ledger.PricePoint;
import io.gridbot.stats.metrics.GridStatistics;
import io.gridbot.stats.metrics.LegStatistics;
import io.gridbot.stats.metrics.Period;
import io.gridbot.stats.metrics.StatisticsCalculator;
import io.gridbot.stats.metrics.StatisticsInput;
import java.math.BigDecimal;
import java.util.List;

/**
 * Each hosted grid's statistics for every period, computed and stored at a moment its driver names
 * (every 60 s by default), with the position mode they were booked in and each leg's figures. It runs on the write-behind thread, so a slow computation never holds up trading.
 */
final class StatisticsSnapshots {

    private final Database db;
    private final long everyMs;

    /** @param everyMs how often each grid's statistics are snapshotted */
    StatisticsSnapshots(Database db, long everyMs) {
        this.db = db;
        this.everyMs = everyMs;
    }

    /** How often a grid's statistics are snapshotted. */
    long everyMs() {
        return everyMs;
    }

    /** Every period's statistics of the grid at {@code nowMs}, valued at {@code price} when known. */
    void take(StoredGrid grid, long nowMs, BigDecimal price) {
        List<PricePoint> prices = price == null ? List.of() : List.of(new PricePoint(nowMs, price));
        StatisticsInput input = StatisticsSource.read(db, grid, nowMs, BigDecimal.ZERO, prices);
        for (Period period : Period.values()) {
            GridStatistics s = StatisticsCalculator.compute(input, period, nowMs);
            db.reports().saveStatistics(grid.id(), new ReportRepository.StatisticsSnapshot(period.name(), s.fromMs(),
                    s.toMs(), s.totalTrades(), s.filledEntries(), s.filledExits(), s.canceledOrders(), s.realizedPnl(),
                    s.fees(), s.funding(), s.unrealizedPnl(), s.totalPnl(), s.maxDrawdown(), s.maxPosition(),
                    s.avgPosition(), s.currentPosition(), s.stopLossCount(), s.positionMode(), leg(s.longLeg()),
                    leg(s.shortLeg())), nowMs);
        }
    }

    private static ReportRepository.Leg leg(LegStatistics leg) {
        return new ReportRepository.Leg(leg.realizedPnl(), leg.fills(), leg.position());
    }
}
