package io.gridbot.core.preview;

import java.math.BigDecimal;

/**
 * The largest position one direction of the grid can build: every entry of that direction filled, nearest the
 * start first, as far as the position limit lets them rest, and what that position needs and risks.
 *
 * @param direction      long (buy entries) or short (sell entries)
 * @param entries        how many entries fill
 * @param quantity       the position, a magnitude
 * @param averageEntry   the average price of those entries
 * @param notional       quantity × average entry, in the quote asset
 * @param initialMargin  the isolated margin at the leverage: notional ÷ leverage
 * @param tier           the maintenance bracket of that notional, {@code null} when no table is known
 * @param liquidation    the estimated liquidation price of that position with that margin
 */
public record WorstCase(Direction direction, int entries, BigDecimal quantity, BigDecimal averageEntry,
        BigDecimal notional, BigDecimal initialMargin, MarginTier tier, Liquidation liquidation) {

    /** Which way the position points. */
    public enum Direction {
        LONG, SHORT
    }
}
