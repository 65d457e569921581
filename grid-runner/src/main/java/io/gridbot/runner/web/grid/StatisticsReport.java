package io.gridbot.runner.web.grid;

import io.gridbot.stats.metrics.GridStatistics;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A grid's statistics for one period as the dashboard shows them: {@link GridStatistics} with every
 * amount as an exact decimal string.
 *
 * @param grid             the grid
 * @param period           the period
 * @param fromMs           its start
 * @param toMs             its end
 * @param totalTrades      executions
 * @param filledEntries    entry orders filled
 * @param filledExits      exit orders filled
 * @param canceledOrders   orders ended unfilled
 * @param realizedPnl      realized before fees
 * @param fees             fees paid
 * @param funding          funding received (negative: paid)
 * @param unrealizedPnl    open position at the last price
 * @param totalPnl         equity change over the period
 * @param yieldPctPerDay   total PnL per day as a percentage of capital, or {@code null}
 * @param maxDrawdown      largest fall from a peak
 * @param maxDrawdownPct   that fall in percent, or {@code null}
 * @param maxPosition      largest absolute position
 * @param avgPosition      time-weighted average absolute position
 * @param currentPosition  signed position at the end
 * @param stopLossCount    stop-losses fired
 * @param fillRate         filled / placed, or {@code null}
 * @param avgTimeToFillMs  mean time to fill, or {@code null}
 * @param positionPerLevel signed position per level index
 */
public record StatisticsReport(String grid, String period, long fromMs, long toMs, long totalTrades, long filledEntries,
        long filledExits, long canceledOrders, String realizedPnl, String fees, String funding, String unrealizedPnl,
        String totalPnl, String yieldPctPerDay, String maxDrawdown, String maxDrawdownPct, String maxPosition,
        String avgPosition, String currentPosition, long stopLossCount, String fillRate, Long avgTimeToFillMs,
        Map<Integer, String> positionPerLevel) {

    /** The report of computed statistics. */
    public static StatisticsReport of(GridStatistics s) {
        Map<Integer, String> perLevel = new LinkedHashMap<>();
        s.positionPerLevel().forEach((level, qty) -> perLevel.put(level, Decimals.text(qty)));
        return new StatisticsReport(s.grid(), s.period().name(), s.fromMs(), s.toMs(), s.totalTrades(),
                s.filledEntries(), s.filledExits(), s.canceledOrders(), Decimals.text(s.realizedPnl()),
                Decimals.text(s.fees()), Decimals.text(s.funding()), Decimals.text(s.unrealizedPnl()),
                Decimals.text(s.totalPnl()), Decimals.text(s.yieldPctPerDay()), Decimals.text(s.maxDrawdown()),
                Decimals.text(s.maxDrawdownPct()), Decimals.text(s.maxPosition()), Decimals.text(s.avgPosition()),
                Decimals.text(s.currentPosition()), s.stopLossCount(), Decimals.text(s.fillRate()), s.avgTimeToFillMs(),
                perLevel);
    }
}
