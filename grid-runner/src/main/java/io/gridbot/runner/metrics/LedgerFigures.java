package io.gridbot.runner.metrics;

import io.gridbot.core.order.Fill;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.config.StoredGrid;
import io.gridbot.runner.store.StatisticsSource;
import io.gridbot.stats.ledger.PricePoint;
import io.gridbot.stats.metrics.GridStatistics;
import io.gridbot.stats.metrics.Period;
import io.gridbot.stats.metrics.StatisticsCalculator;
import io.gridbot.stats.metrics.StatisticsInput;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A grid's PnL and last fill from its ledger, computed as {@code grid status} and the dashboard compute them
 * (average-cost accounting over every fill, the open position valued at the live price), at most once every
 * {@value #REFRESH_MS} ms per grid: the whole ledger is read each time, and scrapes come every few seconds. A
 * round (one scrape) reads at most {@value #READS_PER_ROUND} ledgers, the stalest first, so a daemon hosting a
 * thousand grids answers a scrape in time; the others show their last figures. While the database does not
 * answer, the last figures stand.
 */
final class LedgerFigures {

    /** How long the figures of a grid are reused. */
    static final long REFRESH_MS = 10_000;
    /** How many ledgers one round reads at most. */
    static final int READS_PER_ROUND = 50;
    private static final Logger LOG = LoggerFactory.getLogger(LedgerFigures.class);

    /**
     * One grid's figures.
     *
     * @param atMs         when they were computed
     * @param realized     realized PnL before fees
     * @param unrealized   the open position at the live price
     * @param fees         fees paid
     * @param lastFillAtMs the last fill's time, or -1 when the ledger has none
     */
    record Figures(long atMs, BigDecimal realized, BigDecimal unrealized, BigDecimal fees, long lastFillAtMs) {
    }

    private final Database db;
    private final Map<Long, Figures> byGrid = new ConcurrentHashMap<>();
    private int readsLeft = READS_PER_ROUND;

    LedgerFigures(Database db) {
        this.db = db;
    }

    /** Starts a round: the grids in the order their figures should be read, the stalest (or never read) first. */
    <T> List<T> round(List<T> grids, ToLongFunction<T> gridId) {
        readsLeft = READS_PER_ROUND;
        return grids.stream().sorted(Comparator.comparingLong(g -> {
            Figures f = byGrid.get(gridId.applyAsLong(g));
            return f == null ? Long.MIN_VALUE : f.atMs();
        })).toList();
    }

    /**
     * The grid's figures at {@code nowMs}, read afresh when the last ones are older than the refresh time and the
     * round has reads left.
     */
    Figures of(StoredGrid grid, BigDecimal livePrice, long nowMs) {
        Figures last = byGrid.get(grid.id());
        boolean recent = last != null && nowMs - last.atMs() < REFRESH_MS && nowMs >= last.atMs();
        if (recent || (last != null && readsLeft <= 0)) {
            return last;
        }
        readsLeft--;
        try {
            List<PricePoint> prices = livePrice == null ? List.of() : List.of(new PricePoint(nowMs, livePrice));
            StatisticsInput input = StatisticsSource.read(db, grid, nowMs, BigDecimal.ZERO, prices);
            GridStatistics all = StatisticsCalculator.compute(input, Period.ALL, nowMs);
            List<Fill> fills = input.fills();
            Figures fresh = new Figures(nowMs, all.realizedPnl(), all.unrealizedPnl(), all.fees(),
                    fills.isEmpty() ? -1 : fills.get(fills.size() - 1).atMs());
            byGrid.put(grid.id(), fresh);
            return fresh;
        } catch (RuntimeException e) {
            LOG.debug("grid {}: ledger figures not refreshed: {}", grid.config().name(), e.toString());
            return last != null ? last : new Figures(nowMs, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, -1);
        }
    }

    /** Forgets a grid no longer hosted. */
    void forget(long gridId) {
        byGrid.remove(gridId);
    }
}
