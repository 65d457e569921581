package io.gridbot.stats.curve;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.order.Fill;
import io.gridbot.stats.ledger.EquityLedger;
import io.gridbot.stats.ledger.FundingPayment;
import io.gridbot.stats.ledger.PricePoint;
import io.gridbot.stats.ledger.Timeline;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A grid's equity over time from its fill ledger (the dashboard's PnL chart), as docs/statistics.md defines
 * it ({@link EquityLedger}): after each fill, funding payment and mark, realized PnL by average-cost accounting
 * (of the net position in one-way mode, of each leg in hedge mode) − fees + funding, plus the open position valued
 * at the latest price. With a current price a last point values the position now. Long ledgers are thinned to at
 * most {@code maxPoints}, always keeping the first and last points.
 */
public final class EquityCurve {

    /**
     * One point of the curve.
     *
     * @param atMs     the time
     * @param equity   realized − fees + funding + unrealized, in the quote asset
     * @param realized realized − fees + funding
     * @param position the signed position after the fill
     */
    public record Point(long atMs, BigDecimal equity, BigDecimal realized, BigDecimal position) {
    }

    private EquityCurve() {
    }

    /**
     * The curve over {@code fills} (oldest first) of a grid on an account in {@code mode}, ending at {@code nowMs}
     * valued at {@code price} if not null.
     */
    public static List<Point> of(PositionMode mode, List<Fill> fills, BigDecimal price, long nowMs, int maxPoints) {
        return of(mode, fills, List.of(), price, nowMs, maxPoints);
    }

    /** The same with funding payments (oldest first), which move equity when they are paid. */
    public static List<Point> of(PositionMode mode, List<Fill> fills, List<FundingPayment> funding, BigDecimal price,
            long nowMs, int maxPoints) {
        return of(mode, fills, funding, List.of(), price, nowMs, maxPoints);
    }

    /**
     * The same with marks (the prices a replay kept, {@link MarkTrail}): a point at each, so the curve shows the
     * troughs between fills that the drawdown is measured from.
     */
    public static List<Point> of(PositionMode mode, List<Fill> fills, List<FundingPayment> funding,
            List<PricePoint> marks, BigDecimal price, long nowMs, int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("maxPoints must be at least 2");
        }
        EquityLedger ledger = new EquityLedger(mode);
        List<Point> points = new ArrayList<>(fills.size() + funding.size() + marks.size() + 1);
        for (Timeline.Moment m : Timeline.of(fills, funding, marks)) {
            ledger.apply(m);
            points.add(new Point(m.atMs(), ledger.equity(), ledger.cash(), ledger.position()));
        }
        if (price != null && !points.isEmpty() && nowMs >= points.get(points.size() - 1).atMs()) {
            ledger.mark(price);
            points.add(new Point(nowMs, ledger.equity(), ledger.cash(), ledger.position()));
        }
        return thin(points, maxPoints);
    }

    private static List<Point> thin(List<Point> points, int maxPoints) {
        if (points.size() <= maxPoints) {
            return points;
        }
        List<Point> kept = new ArrayList<>(maxPoints);
        double step = (points.size() - 1) / (double) (maxPoints - 1);
        for (int i = 0; i < maxPoints; i++) {
            kept.add(points.get((int) Math.round(i * step)));
        }
        return kept;
    }
}
