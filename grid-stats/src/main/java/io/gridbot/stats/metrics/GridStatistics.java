package io.gridbot.stats.metrics;

import io.gridbot.core.config.PositionMode;
import java.math.BigDecimal;
import java.util.SortedMap;

/**
 * The statistics of one grid over one period (the spec's {@code GridStatistics} entity). Amounts are
 * in the quote asset. Fields that cannot be known (no capital, no order placed) are {@code null}.
 *
 * @param grid              the grid's name
 * @param period            the period asked for
 * @param fromMs            the period's start (the first event for {@link Period#ALL})
 * @param toMs              the period's end
 * @param totalTrades       executions in the period
 * @param filledEntries     entry orders with a fill in the period
 * @param filledExits       exit orders with a fill in the period
 * @param canceledOrders    orders that ended unfilled in the period
 * @param realizedPnl       realized by average-cost accounting, before fees: of the net position in one-way mode,
 *                          the legs' added up in hedge mode
 * @param fees              fees paid in the period
 * @param funding           funding received (positive) or paid (negative) in the period
 * @param unrealizedPnl     the open position valued at the last price at the period's end (each leg against its own
 *                          average price in hedge mode)
 * @param totalPnl          equity at the end minus equity at the start: realized − fees + funding + change in unrealized
 * @param yieldPctPerDay    total PnL per day as a percentage of capital
 * @param maxDrawdown       the largest fall of equity from a peak within the period
 * @param maxDrawdownPct    that fall as a percentage of capital plus the peak
 * @param maxPosition       the largest absolute position within the period
 * @param avgPosition       the time-weighted average absolute position within the period
 * @param currentPosition   the signed position at the period's end
 * @param stopLossCount     stop-losses fired in the period
 * @param fillRate          filled orders / orders placed in the period
 * @param avgTimeToFillMs   mean time from placing to filling, for orders filled in the period
 * @param positionPerLevel  each level's signed position now, by grid line (0 at the lowest)
 * @param longLeg           the long leg's realized PnL, fills and position (buy entries and what exits them)
 * @param shortLeg          the short leg's (sell entries and what exits them)
 * @param positionMode      how realized and unrealized PnL were booked: the grid's position mode
 */
public record GridStatistics(
        String grid,
        Period period,
        long fromMs,
        long toMs,
        long totalTrades,
        long filledEntries,
        long filledExits,
        long canceledOrders,
        BigDecimal realizedPnl,
        BigDecimal fees,
        BigDecimal funding,
        BigDecimal unrealizedPnl,
        BigDecimal totalPnl,
        BigDecimal yieldPctPerDay,
        BigDecimal maxDrawdown,
        BigDecimal maxDrawdownPct,
        BigDecimal maxPosition,
        BigDecimal avgPosition,
        BigDecimal currentPosition,
        long stopLossCount,
        BigDecimal fillRate,
        Long avgTimeToFillMs,
        SortedMap<Integer, BigDecimal> positionPerLevel,
        LegStatistics longLeg,
        LegStatistics shortLeg,
        PositionMode positionMode) {
}
