package io.gridbot.core.preview;

import java.math.BigDecimal;

/**
 * What one round trip between two neighbouring lines earns after a maker fee on each leg, the lowest and the
 * highest over every pair of lines: as a percentage of the lower line and in the quote asset for one order.
 *
 * @param lowPercent    the smallest net profit, percent of the lower line's price
 * @param highPercent   the largest net profit, percent of the lower line's price
 * @param lowQuote      the smallest net profit of one order, in the quote asset
 * @param highQuote     the largest net profit of one order, in the quote asset
 */
public record ProfitPerGrid(BigDecimal lowPercent, BigDecimal highPercent, BigDecimal lowQuote, BigDecimal highQuote) {
}
