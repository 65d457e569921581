package io.gridbot.core.spacing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The grid's price lines, ascending and on the tick, fixed when the grid is first built and kept across
 * restarts. Line {@code 0} is the lowest; the level index shown to users is relative to
 * the centre line {@code (count - 1) / 2}.
 *
 * @param prices the line prices, strictly ascending, each a whole number of ticks
 */
public record GridLadder(List<BigDecimal> prices) {

    public GridLadder {
        prices = List.copyOf(prices);
        for (int i = 1; i < prices.size(); i++) {
            if (prices.get(i).compareTo(prices.get(i - 1)) <= 0) {
                throw new IllegalArgumentException("line prices must be strictly ascending at line " + i);
            }
        }
    }

    /**
     * Builds the ladder: the spacing's exact lines, each snapped once to the nearest tick.
     *
     * @throws IllegalArgumentException when two lines snap to the same price or a line is not positive
     */
    public static GridLadder build(Spacing spacing, BigDecimal lower, BigDecimal upper, int count, BigDecimal tick,
            BigDecimal marketPrice) {
        Objects.requireNonNull(spacing, "spacing");
        List<BigDecimal> exact = spacing.lines(lower, upper, count, tick, marketPrice);
        List<BigDecimal> snapped = new ArrayList<>(exact.size());
        int scale = Math.max(tick.stripTrailingZeros().scale(), 0);
        for (BigDecimal line : exact) {
            // Nearest tick: keeps the lines evenly spaced to within half a tick of the exact grid.
            BigDecimal price = line.divide(tick, 0, RoundingMode.HALF_UP).multiply(tick).setScale(scale,
                    RoundingMode.UNNECESSARY);
            if (price.signum() <= 0) {
                throw new IllegalArgumentException("line " + snapped.size() + " is not above zero: " + price);
            }
            if (!snapped.isEmpty() && price.compareTo(snapped.get(snapped.size() - 1)) <= 0) {
                throw new IllegalArgumentException("lines " + (snapped.size() - 1) + " and " + snapped.size()
                        + " snap to the same price " + price + ": fewer levels or a wider band are needed");
            }
            snapped.add(price);
        }
        return new GridLadder(snapped);
    }

    /**
     * Whether both ladders have the same lines, by value: {@code 25700.0} and {@code 25700} are one line.
     * Prices read back from a database come at the column's scale, so a saved ladder is compared with this,
     * never with {@code equals}.
     */
    public boolean sameLines(GridLadder other) {
        if (other == null || other.size() != size()) {
            return false;
        }
        for (int i = 0; i < prices.size(); i++) {
            if (prices.get(i).compareTo(other.prices.get(i)) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Number of lines. */
    public int size() {
        return prices.size();
    }

    /** The price of a line. */
    public BigDecimal price(int line) {
        return prices.get(line);
    }

    /** The lowest line's price. */
    public BigDecimal lowest() {
        return prices.get(0);
    }

    /** The highest line's price. */
    public BigDecimal highest() {
        return prices.get(prices.size() - 1);
    }

    /** The index of the centre line. */
    public int centreLine() {
        return (prices.size() - 1) / 2;
    }

    /** The level index users see: the line's distance from the centre line, negative below it. */
    public int levelIndex(int line) {
        return line - centreLine();
    }

    /** The line exactly at this price, or -1. */
    public int lineAt(BigDecimal price) {
        int lo = 0;
        int hi = prices.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = prices.get(mid).compareTo(price);
            if (c == 0) {
                return mid;
            } else if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    /** Number of lines strictly below the price: the first line at or above it. */
    public int countBelow(BigDecimal price) {
        int lo = 0;
        int hi = prices.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (prices.get(mid).compareTo(price) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
