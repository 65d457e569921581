package io.gridbot.runner.web.grid;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.config.PositionMode;
import io.gridbot.stats.metrics.GridStatistics;
import io.gridbot.stats.metrics.LegStatistics;
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
 * @param positionPerLevel signed position per grid line, 0 at the lowest
 * @param legs             the long and the short leg's figures, for a neutral or hedge-mode grid; {@code null} for
 *                         a one-way long or short grid, whose one direction the totals already are
 */
public record StatisticsReport(String grid, String period, long fromMs, long toMs, long totalTrades, long filledEntries,
        long filledExits, long canceledOrders, String realizedPnl, String fees, String funding, String unrealizedPnl,
        String totalPnl, String yieldPctPerDay, String maxDrawdown, String maxDrawdownPct, String maxPosition,
        String avgPosition, String currentPosition, long stopLossCount, String fillRate, Long avgTimeToFillMs,
        Map<Integer, String> positionPerLevel, Legs legs) {

    /**
     * One leg's figures.
     *
     * @param realizedPnl realized on the leg alone, before fees
     * @param fills       its executions
     * @param position    its signed position at the end
     */
    public record Leg(String realizedPnl, long fills, String position) {
        static Leg of(LegStatistics s) {
            return new Leg(Decimals.text(s.realizedPnl()), s.fills(), Decimals.text(s.position()));
        }
    }

    /**
     * The two legs: what buy entries open and what sell entries open.
     *
     * @param longLeg  the long leg
     * @param shortLeg the short leg
     */
    public record Legs(Leg longLeg, Leg shortLeg) {
    }

    /** Whether a grid's statistics show its legs: a neutral grid's, or any grid's in hedge mode. */
    public static boolean showsLegs(GridConfig grid) {
        return grid.mode() == GridMode.NEUTRAL || grid.positionMode() == PositionMode.HEDGE;
    }

    /** The report of computed statistics, with the legs when the grid {@linkplain #showsLegs shows them}. */
    public static StatisticsReport of(GridStatistics s, GridConfig grid) {
        StatisticsReport r = of(s);
        return showsLegs(grid) ? r.withLegs(new Legs(Leg.of(s.longLeg()), Leg.of(s.shortLeg()))) : r;
    }

    private StatisticsReport withLegs(Legs value) {
        return new StatisticsReport(grid, period, fromMs, toMs, totalTrades, filledEntries, filledExits, canceledOrders,
                realizedPnl, fees, funding, unrealizedPnl, totalPnl, yieldPctPerDay, maxDrawdown, maxDrawdownPct,
                maxPosition, avgPosition, currentPosition, stopLossCount, fillRate, avgTimeToFillMs, positionPerLevel,
                value);
    }

    /** The report of computed statistics, without the legs. */
    public static StatisticsReport of(GridStatistics s) {
        Map<Integer, String> perLevel = new LinkedHashMap<>();
        s.positionPerLevel().forEach((level, qty) -> perLevel.put(level, Decimals.text(qty)));
        return new StatisticsReport(s.grid(), s.period().name(), s.fromMs(), s.toMs(), s.totalTrades(),
                s.filledEntries(), s.filledExits(), s.canceledOrders(), Decimals.text(s.realizedPnl()),
                Decimals.text(s.fees()), Decimals.text(s.funding()), Decimals.text(s.unrealizedPnl()),
                Decimals.text(s.totalPnl()), Decimals.text(s.yieldPctPerDay()), Decimals.text(s.maxDrawdown()),
                Decimals.text(s.maxDrawdownPct()), Decimals.text(s.maxPosition()), Decimals.text(s.avgPosition()),
                Decimals.text(s.currentPosition()), s.stopLossCount(), Decimals.text(s.fillRate()), s.avgTimeToFillMs(),
                perLevel, null);
    }
}
