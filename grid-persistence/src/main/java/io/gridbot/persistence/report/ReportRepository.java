package io.gridbot.persistence.report;

import static io.gridbot.persistence.column.StoredDecimal.plain;
import static io.gridbot.persistence.jooq.Tables.GRID_STATISTICS;
import static io.gridbot.persistence.jooq.Tables.STOP_LOSS_REPORT;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.risk.PositionLegs;
import io.gridbot.core.stoploss.StopLossReport;
import java.math.BigDecimal;
import java.util.List;
import org.jooq.DSLContext;

/** Stop-loss reports and statistics snapshots. */
public final class ReportRepository {

    /**
     * A statistics snapshot as stored (the spec's {@code GridStatistics} entity).
     *
     * @param period       the period's name (HOUR_1, DAY_1, DAY_7, DAY_30, ALL)
     * @param positionMode the mode realized PnL was booked in (net in one-way mode, per leg in hedge mode);
     *                     {@code null} for a snapshot stored before snapshots kept it
     * @param longLeg      the long leg's figures; {@code null} for a snapshot stored before snapshots kept them
     * @param shortLeg     the short leg's, likewise
     */
    public record StatisticsSnapshot(String period, long periodStart, long periodEnd, long totalTrades,
            long filledEntries, long filledExits, long canceledOrders, BigDecimal realizedPnl, BigDecimal fees,
            BigDecimal funding, BigDecimal unrealizedPnl, BigDecimal totalPnl, BigDecimal maxDrawdown,
            BigDecimal maxPosition, BigDecimal avgPosition, BigDecimal currentPosition, long stopLossCount,
            PositionMode positionMode, Leg longLeg, Leg shortLeg) {
    }

    /**
     * One leg's figures in a snapshot.
     *
     * @param realizedPnl realized on the leg alone, before fees
     * @param fills       its executions in the period
     * @param position    its signed position at the period's end
     */
    public record Leg(BigDecimal realizedPnl, long fills, BigDecimal position) {
    }

    private final DSLContext dsl;

    public ReportRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Saves a report; a hedge-mode grid's keeps its two legs, a one-way grid's its net alone. */
    public void saveStopLoss(long configId, StopLossReport r) {
        boolean hedge = r.legs().heldOnLegs();
        dsl.insertInto(STOP_LOSS_REPORT)
                .set(STOP_LOSS_REPORT.CONFIG_ID, configId).set(STOP_LOSS_REPORT.TRIGGERED_AT, r.triggeredAtMs())
                .set(STOP_LOSS_REPORT.TRIGGER_PRICE, r.triggerPrice()).set(STOP_LOSS_REPORT.STOP_LINE, r.stopLine())
                .set(STOP_LOSS_REPORT.REASON, truncate(r.reason(), 512)).set(STOP_LOSS_REPORT.POSITION, r.position())
                .set(STOP_LOSS_REPORT.CLOSE_PRICE, r.closePrice()).set(STOP_LOSS_REPORT.CLOSED_AT, r.closedAtMs())
                .set(STOP_LOSS_REPORT.SLIPPAGE, r.slippage()).set(STOP_LOSS_REPORT.SLIPPAGE_COST, r.slippageCost())
                .set(STOP_LOSS_REPORT.LONG_LEG, hedge ? r.legs().longLeg() : null)
                .set(STOP_LOSS_REPORT.SHORT_LEG, hedge ? r.legs().shortLeg() : null)
                .execute();
    }

    public List<StopLossReport> stopLosses(long configId, String gridName) {
        return dsl.selectFrom(STOP_LOSS_REPORT).where(STOP_LOSS_REPORT.CONFIG_ID.eq(configId))
                .orderBy(STOP_LOSS_REPORT.TRIGGERED_AT).fetch(r -> new StopLossReport(gridName, r.getTriggeredAt(),
                        plain(r.getTriggerPrice()), plain(r.getStopLine()), r.getReason(), plain(r.getPosition()),
                        plain(r.getClosePrice()), r.getClosedAt(), plain(r.getSlippage()), plain(r.getSlippageCost()),
                        r.getLongLeg() == null ? null : PositionLegs.hedge(plain(r.getLongLeg()), plain(r.getShortLeg()))));
    }

    /** Saves a snapshot; saving the same period and end again changes nothing (a retried write). */
    public void saveStatistics(long configId, StatisticsSnapshot s, long nowMs) {
        if (dsl.fetchExists(GRID_STATISTICS, GRID_STATISTICS.CONFIG_ID.eq(configId)
                .and(GRID_STATISTICS.PERIOD.eq(s.period())).and(GRID_STATISTICS.PERIOD_END.eq(s.periodEnd())))) {
            return;
        }
        dsl.insertInto(GRID_STATISTICS)
                .set(GRID_STATISTICS.CONFIG_ID, configId).set(GRID_STATISTICS.PERIOD, s.period())
                .set(GRID_STATISTICS.PERIOD_START, s.periodStart()).set(GRID_STATISTICS.PERIOD_END, s.periodEnd())
                .set(GRID_STATISTICS.TOTAL_TRADES, s.totalTrades()).set(GRID_STATISTICS.FILLED_ENTRY_ORDERS, s.filledEntries())
                .set(GRID_STATISTICS.FILLED_EXIT_ORDERS, s.filledExits()).set(GRID_STATISTICS.CANCELED_ORDERS, s.canceledOrders())
                .set(GRID_STATISTICS.REALIZED_PNL, s.realizedPnl()).set(GRID_STATISTICS.FEES, s.fees())
                .set(GRID_STATISTICS.FUNDING, s.funding()).set(GRID_STATISTICS.UNREALIZED_PNL, s.unrealizedPnl())
                .set(GRID_STATISTICS.TOTAL_PNL, s.totalPnl()).set(GRID_STATISTICS.MAX_DRAWDOWN, s.maxDrawdown())
                .set(GRID_STATISTICS.MAX_POSITION_SIZE, s.maxPosition()).set(GRID_STATISTICS.AVG_POSITION_SIZE, s.avgPosition())
                .set(GRID_STATISTICS.CURRENT_POSITION_SIZE, s.currentPosition())
                .set(GRID_STATISTICS.STOP_LOSS_TRIGGERED_COUNT, s.stopLossCount()).set(GRID_STATISTICS.CREATED_AT, nowMs)
                .set(GRID_STATISTICS.POSITION_MODE, s.positionMode() == null ? null : s.positionMode().name())
                .set(GRID_STATISTICS.LONG_REALIZED_PNL, s.longLeg() == null ? null : s.longLeg().realizedPnl())
                .set(GRID_STATISTICS.LONG_FILLS, s.longLeg() == null ? null : s.longLeg().fills())
                .set(GRID_STATISTICS.LONG_POSITION, s.longLeg() == null ? null : s.longLeg().position())
                .set(GRID_STATISTICS.SHORT_REALIZED_PNL, s.shortLeg() == null ? null : s.shortLeg().realizedPnl())
                .set(GRID_STATISTICS.SHORT_FILLS, s.shortLeg() == null ? null : s.shortLeg().fills())
                .set(GRID_STATISTICS.SHORT_POSITION, s.shortLeg() == null ? null : s.shortLeg().position())
                .execute();
    }

    /** Snapshots of one period ending in {@code [fromMs, toMs]}, oldest first. */
    public List<StatisticsSnapshot> statistics(long configId, String period, long fromMs, long toMs) {
        return dsl.selectFrom(GRID_STATISTICS).where(GRID_STATISTICS.CONFIG_ID.eq(configId))
                .and(GRID_STATISTICS.PERIOD.eq(period)).and(GRID_STATISTICS.PERIOD_END.between(fromMs, toMs))
                .orderBy(GRID_STATISTICS.PERIOD_END)
                .fetch(r -> new StatisticsSnapshot(r.getPeriod(), r.getPeriodStart(), r.getPeriodEnd(), r.getTotalTrades(),
                        r.getFilledEntryOrders(), r.getFilledExitOrders(), r.getCanceledOrders(), plain(r.getRealizedPnl()),
                        plain(r.getFees()), plain(r.getFunding()), plain(r.getUnrealizedPnl()), plain(r.getTotalPnl()),
                        plain(r.getMaxDrawdown()), plain(r.getMaxPositionSize()), plain(r.getAvgPositionSize()),
                        plain(r.getCurrentPositionSize()), r.getStopLossTriggeredCount(),
                        r.getPositionMode() == null ? null : PositionMode.valueOf(r.getPositionMode()),
                        leg(r.getLongRealizedPnl(), r.getLongFills(), r.getLongPosition()),
                        leg(r.getShortRealizedPnl(), r.getShortFills(), r.getShortPosition())));
    }

    /** A stored leg, or {@code null} when the snapshot predates legs. */
    private static Leg leg(BigDecimal realizedPnl, Long fills, BigDecimal position) {
        return fills == null ? null : new Leg(plain(realizedPnl), fills, plain(position));
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

}
