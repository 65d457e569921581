/**
 * What a grid would do before it trades: its lines and step, the profit of one grid after fees, the largest
 * position the position limit lets it build, the margin that position needs and where it would be liquidated,
 * and how far the band and the stop-loss lines are from the price. Pure arithmetic on a valid configuration,
 * exact in {@link java.math.BigDecimal}; rounding is left to whoever shows the figures.
 */
package io.gridbot.core.preview;
