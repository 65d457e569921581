package io.gridbot.stats.curve;

import io.gridbot.stats.ledger.Valuation;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The running equity peak and the largest fall from it, as the statistics measure them, with the marks they were
 * seen at: most marks are measured without their equity being worked out. Between two changes of the ledger a
 * mark's equity is cash − cost + price × position ({@link Valuation}), rising with the price when the net position
 * is long, falling when short and fixed when flat, so a mark sets a new peak exactly when its price passes one
 * band and a deeper drawdown exactly when it passes another. The bands are the prices where equity meets the peak
 * and the floor (peak − largest drawdown), rounded away from the side that passes them to the finest price scale
 * seen: a price of that scale or a coarser one is on that grid, so it passes the rounded band exactly when it
 * passes the true one. A band is worked out once per change of the ledger (or of that scale); a mark that sets a
 * peak or a trough is the new band itself, and the floor below a peak just set is its price less the drawdown per
 * unit held.
 */
final class DrawdownWatch {

    private final TrailMark peakMark = new TrailMark();
    private final TrailMark drawdownPeak = new TrailMark();
    private final TrailMark drawdownTrough = new TrailMark();
    /** The peak's equity; {@code null} while it is the peak mark's, not yet worked out. */
    private BigDecimal peak = BigDecimal.ZERO;
    /** The largest drawdown; {@code null} while it is its peak's less its trough's, not yet worked out. */
    private BigDecimal maxDrawdown = BigDecimal.ZERO;
    /** The largest drawdown's peak and trough equity; {@code null} when they are its marks'. */
    private BigDecimal drawdownFrom;
    private BigDecimal drawdownTo;
    /** Whether the floor is the trough's equity (no peak since the trough). */
    private boolean floorAtTrough;
    /** The valuation and scale the bands are for; {@code null} bands are still to be worked out. */
    private Valuation banded;
    private int scale = Integer.MIN_VALUE;
    private BigDecimal peakBand;
    private BigDecimal floorBand;
    /** The largest drawdown per unit of the position, rounded down to the scale. */
    private BigDecimal reach;
    /** A flat valuation whose (one) equity has been measured. */
    private Valuation settled;

    TrailMark peakMark() {
        return peakMark;
    }

    TrailMark drawdownPeak() {
        return drawdownPeak;
    }

    TrailMark drawdownTrough() {
        return drawdownTrough;
    }

    /** A fill's or payment's equity: a point of its own, with no mark. */
    void point(BigDecimal equity) {
        measure(equity, null);
    }

    /** A mark just booked. */
    void mark(TrailMark m) {
        Valuation v = m.valuation();
        BigDecimal price = m.price();
        int side = v.position().signum();
        if (side == 0) { // every mark until the next change has this equity: only the first can move anything
            if (settled != v) {
                measure(m.equity(), m);
                settled = v;
            }
            return;
        }
        if (price == null) {
            measure(m.equity(), m);
            return;
        }
        if (banded != v || price.scale() > scale) {
            banded = v;
            scale = Math.max(scale, price.scale());
            peakBand = null;
            floorBand = null;
            reach = null;
        }
        if (peakBand == null) {
            peakBand = peakBand(v, side);
        }
        int c = price.compareTo(peakBand);
        if (side > 0 ? c > 0 : c < 0) {
            peakMark.copy(m);
            peak = null;
            peakBand = price;
            floorBand = null;
            floorAtTrough = false;
            return;
        }
        if (floorBand == null) {
            floorBand = floorBand(v, side);
        }
        c = price.compareTo(floorBand);
        if (side > 0 ? c < 0 : c > 0) {
            drawdownPeak.copy(peakMark);
            drawdownFrom = peak;
            drawdownTrough.copy(m);
            drawdownTo = null;
            maxDrawdown = null;
            reach = null;
            floorBand = price;
            floorAtTrough = true;
        }
    }

    /** Measured from the equity itself; {@code mark} is {@code null} for a fill or a payment. */
    private void measure(BigDecimal equity, TrailMark mark) {
        BigDecimal p = peak();
        if (equity.compareTo(p) > 0) {
            peak = equity;
            peakMark.copy(mark);
            floorAtTrough = false;
        } else if (p.subtract(equity).compareTo(maxDrawdown()) > 0) {
            maxDrawdown = p.subtract(equity);
            drawdownPeak.copy(peakMark);
            drawdownFrom = p;
            drawdownTrough.copy(mark);
            drawdownTo = equity;
            floorAtTrough = true;
        }
        banded = null; // a peak or floor moved by an equity, not by a price: the bands are worked out again
    }

    /** The price past which a mark under {@code v} tops the peak: equity above the peak is price × position above z. */
    private BigDecimal peakBand(Valuation v, int side) {
        if (peakMark.pricedUnder(v)) {
            return peakMark.price();
        }
        BigDecimal z = peak().subtract(v.cash()).add(v.cost());
        return z.divide(v.position(), scale, side > 0 ? RoundingMode.FLOOR : RoundingMode.CEILING);
    }

    /** The price past which a mark under {@code v} falls below the floor. */
    private BigDecimal floorBand(Valuation v, int side) {
        if (floorAtTrough && drawdownTrough.pricedUnder(v)) {
            return drawdownTrough.price();
        }
        if (peakMark.pricedUnder(v)) {
            if (reach == null) {
                reach = maxDrawdown().divide(v.position().abs(), scale, RoundingMode.FLOOR);
            }
            return side > 0 ? peakMark.price().subtract(reach) : peakMark.price().add(reach);
        }
        BigDecimal w = peak().subtract(maxDrawdown()).subtract(v.cash()).add(v.cost());
        return w.divide(v.position(), scale, side > 0 ? RoundingMode.CEILING : RoundingMode.FLOOR);
    }

    private BigDecimal peak() {
        if (peak == null) {
            peak = peakMark.equity();
        }
        return peak;
    }

    private BigDecimal maxDrawdown() {
        if (maxDrawdown == null) {
            BigDecimal from = drawdownFrom != null ? drawdownFrom : drawdownPeak.equity();
            maxDrawdown = from.subtract(drawdownTo != null ? drawdownTo : drawdownTrough.equity());
        }
        return maxDrawdown;
    }
}
