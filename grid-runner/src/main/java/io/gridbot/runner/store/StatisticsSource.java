package io.gridbot.runner.store;

import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.stoploss.StopLossReport;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.config.StoredGrid;
import io.gridbot.persistence.ledger.OrderIntentRepository.StoredIntent;
import io.gridbot.stats.ledger.FundingPayment;
import io.gridbot.stats.ledger.OrderRecord;
import io.gridbot.stats.ledger.PricePoint;
import io.gridbot.stats.metrics.StatisticsInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a grid's statistics are computed from out of the database: the grid's position mode (how average
 * cost is kept), the whole fill ledger (average-cost accounting needs it from the first fill), funding, the marks a replay kept (its equity snapshots), orders,
 * stop-losses and levels. Without prices, open positions are valued at the last fill's price: the database holds
 * no live market price.
 */
public final class StatisticsSource {

    private StatisticsSource() {
    }

    /**
     * The input for statistics at {@code nowMs}; {@code prices} values open positions (may be empty), after the
     * marks stored with the grid.
     */
    public static StatisticsInput read(Database db, StoredGrid grid, long nowMs, BigDecimal capital,
            List<PricePoint> prices) {
        long id = grid.id();
        String symbol = grid.config().symbol();
        List<OrderRecord> orders = db.orderIntents().placedBetween(id, symbol, 0, nowMs).stream()
                .filter(i -> i.intent() != null)
                .map(StatisticsSource::record)
                .toList();
        List<FundingPayment> funding = db.accountHistory().funding(id, 0, nowMs).stream()
                .map(f -> new FundingPayment(f.atMs(), f.amount())).toList();
        List<Long> stopLosses = db.reports().stopLosses(id, grid.config().name()).stream()
                .map(StopLossReport::triggeredAtMs).toList();
        List<PricePoint> marks = new ArrayList<>(storedMarks(db, id, nowMs));
        marks.addAll(prices);
        return new StatisticsInput(grid.config().name(), grid.config().positionMode(), db.fills().between(id, 0, nowMs),
                funding, marks, orders, stopLosses, db.levels().levels(id), capital);
    }

    /** The marks stored with the grid up to {@code nowMs} (a replay's, {@link io.gridbot.stats.curve.MarkTrail}). */
    public static List<PricePoint> storedMarks(Database db, long configId, long nowMs) {
        return db.accountHistory().equity(configId, 0, nowMs).stream().filter(p -> p.markPrice() != null)
                .map(p -> new PricePoint(p.atMs(), p.markPrice())).toList();
    }

    /**
     * When the grid's statistics end if asked at {@code nowMs}: then, unless its venue is gone (the demo's replay
     * venue lived in its process only), when they end at the last moment it recorded, as the replay's own did.
     */
    public static long end(StoredGrid grid, StatisticsInput input, long nowMs) {
        if (grid.active()) {
            return nowMs;
        }
        long last = Long.MIN_VALUE;
        for (var f : input.fills()) {
            last = Math.max(last, f.atMs());
        }
        for (var p : input.prices()) {
            last = Math.max(last, p.atMs());
        }
        for (var f : input.funding()) {
            last = Math.max(last, f.atMs());
        }
        return last == Long.MIN_VALUE ? nowMs : Math.min(nowMs, last);
    }

    /**
     * The market price the grid's hosting daemon last recorded (every 5 s), as the price that values open
     * positions; empty when no daemon has hosted it, and the last fill's price serves instead.
     */
    public static List<PricePoint> marketPrice(Database db, long configId) {
        return db.runtime().mark(configId).map(m -> List.of(new PricePoint(m.atMs(), m.price())))
                .orElse(List.of());
    }

    private static OrderRecord record(StoredIntent i) {
        boolean filled = i.status() == OrderStatus.FILLED;
        boolean ended = i.resolvedAt() != null && !filled;
        return new OrderRecord(i.clientOrderId(), i.intent(), i.line(), i.request().quantity(), i.createdAt(), i.filled(),
                filled ? i.resolvedAt() : null, ended ? i.resolvedAt() : null);
    }
}
