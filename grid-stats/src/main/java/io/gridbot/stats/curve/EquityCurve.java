package io.gridbot.stats.curve;

import io.gridbot.core.order.Fill;
import io.gridbot.stats.ledger.FundingPayment;
import io.gridbot.stats.ledger.PositionBook;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A grid's equity over time from its fill ledger (the dashboard's PnL chart), as docs/statistics.md defines
 * it: after each fill or funding payment, realized PnL by average-cost accounting − fees + funding, plus the
 * open position valued at the latest fill's price. With a current price a last point values the position now. Long ledgers are thinned to at most
 * {@code maxPoints}, always keeping the first and last points.
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

    /** The curve over {@code fills} (oldest first), ending at {@code nowMs} valued at {@code price} if not null. */
    public static List<Point> of(List<Fill> fills, BigDecimal price, long nowMs, int maxPoints) {
        return of(fills, List.of(), price, nowMs, maxPoints);
    }

    /** The same with funding payments (oldest first), which move equity when they are paid. */
    public static List<Point> of(List<Fill> fills, List<FundingPayment> funding, BigDecimal price, long nowMs,
            int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("maxPoints must be at least 2");
        }
        PositionBook book = new PositionBook();
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal mark = null;
        List<Point> points = new ArrayList<>(fills.size() + funding.size() + 1);
        int f = 0;
        int p = 0;
        while (f < fills.size() || p < funding.size()) {
            // A fill and a payment at the same time: the fill first, as the venue books them.
            if (p >= funding.size() || (f < fills.size() && fills.get(f).atMs() <= funding.get(p).atMs())) {
                Fill fill = fills.get(f++);
                realized = realized.add(book.apply(fill.side(), fill.price(), fill.qty())).subtract(fill.fee());
                mark = fill.price();
                points.add(new Point(fill.atMs(), realized.add(book.unrealized(mark)), realized, book.qty()));
            } else {
                FundingPayment payment = funding.get(p++);
                realized = realized.add(payment.amount());
                points.add(new Point(payment.atMs(), realized.add(book.unrealized(mark)), realized, book.qty()));
            }
        }
        if (price != null && !points.isEmpty() && nowMs >= points.get(points.size() - 1).atMs()) {
            points.add(new Point(nowMs, realized.add(book.unrealized(price)), realized, book.qty()));
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
