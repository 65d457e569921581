package io.gridbot.stats.curve;

import io.gridbot.core.order.Fill;
import io.gridbot.stats.ledger.PositionBook;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A grid's equity over time from its fill ledger (the dashboard's PnL chart): after each fill, realized PnL
 * by average-cost accounting minus fees paid, plus the open position valued at that fill's price. With a
 * current price a last point values the position now. Long ledgers are thinned to at most
 * {@code maxPoints}, always keeping the first and last points.
 */
public final class EquityCurve {

    /**
     * One point of the curve.
     *
     * @param atMs     the time
     * @param equity   realized − fees + unrealized, in the quote asset
     * @param realized realized − fees
     * @param position the signed position after the fill
     */
    public record Point(long atMs, BigDecimal equity, BigDecimal realized, BigDecimal position) {
    }

    private EquityCurve() {
    }

    /** The curve over {@code fills} (oldest first), ending at {@code nowMs} valued at {@code price} if not null. */
    public static List<Point> of(List<Fill> fills, BigDecimal price, long nowMs, int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("maxPoints must be at least 2");
        }
        PositionBook book = new PositionBook();
        BigDecimal realized = BigDecimal.ZERO;
        List<Point> points = new ArrayList<>(fills.size() + 1);
        for (Fill f : fills) {
            realized = realized.add(book.apply(f.side(), f.price(), f.qty())).subtract(f.fee());
            points.add(new Point(f.atMs(), realized.add(book.unrealized(f.price())), realized, book.qty()));
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
