package io.gridbot.runner.replay;

import io.gridbot.core.risk.PositionLegs;
import io.gridbot.core.stoploss.StopLossReport;
import io.gridbot.exchange.replay.FundingSchedule;
import io.gridbot.exchange.sim.Liquidation;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.stats.ledger.FundingPayment;
import io.gridbot.stats.metrics.GridStatistics;
import io.gridbot.stats.metrics.Rounding;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What a replay's summary says, for people: its figures and its stop-losses (rounded by {@link Rounding}), on
 * what terms it ran (the fees charged and where each rate came from, the leverage, the funding settled) and
 * whether the account survived (a liquidation, loudly). Nothing here is used for a computation.
 */
public final class ReplaySummary {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ReplaySummary() {
    }

    /** The one line of a replay's figures. */
    static String figures(ReplaySession.Result result, Rounding r) {
        GridStatistics s = result.statistics();
        return String.format("%,d trades, %,d fills, realized %s, fees %s, total PnL %s USDT, max drawdown %s, "
                + "position %s, status %s, stop-losses %d", result.trades(), s.totalTrades(), r.money(s.realizedPnl()),
                r.money(s.fees()), r.money(s.totalPnl()), r.money(s.maxDrawdown()), r.quantity(s.currentPosition()),
                result.view().status(), result.journal().stopLosses().size());
    }

    /** One stop-loss: when and why it fired, the position, and what closing it cost against its trigger. */
    public static String stopLoss(StopLossReport report, Rounding r) {
        String closed = report.closePrice() == null ? "nothing to close"
                : "closed " + closedPosition(report, r) + " at " + r.price(report.closePrice()) + ", slippage "
                        + r.price(report.slippage()) + " (" + r.money(report.slippageCost()) + " USDT)";
        return Instant.ofEpochMilli(report.triggeredAtMs()) + ": " + report.reason() + "; " + closed;
    }

    /** The net in one-way mode; both legs, each as the venue shows it, in hedge mode. */
    private static String closedPosition(StopLossReport report, Rounding r) {
        PositionLegs legs = report.legs();
        return legs.heldOnLegs()
                ? "long " + r.quantity(legs.longLeg()) + " and short " + r.quantity(legs.shortLeg())
                : r.quantity(report.position());
    }

    /** The fees and margin the venue applied, e.g. {@code fees: maker 0.0002 (the grid's makerFeeRate), …}. */
    static String terms(SimSettings venue, String takerSource) {
        return "  fees: maker " + venue.makerFeeRate().toPlainString() + " (the grid's makerFeeRate), taker "
                + venue.takerFeeRate().toPlainString() + " (" + takerSource + "); leverage "
                + venue.leverage().stripTrailingZeros().toPlainString() + "x, liquidation fee "
                + percent(venue.margin().liquidationFeeRate()) + " below the maintenance margin";
    }

    /** The funding settled, or {@code funding: none}. */
    static String funding(FundingSchedule schedule, List<FundingPayment> paid, long firstMs, long lastMs, Rounding r) {
        if (schedule.isEmpty()) {
            return "  funding: none";
        }
        long within = schedule.countWithin(firstMs, lastMs);
        if (within == 0) {
            return "  funding: " + schedule.source() + " has no funding time within the replay ("
                    + MINUTE.format(Instant.ofEpochMilli(firstMs)) + " to " + MINUTE.format(Instant.ofEpochMilli(lastMs))
                    + "; the file covers " + schedule.span() + "): none settled";
        }
        BigDecimal net = paid.stream().map(FundingPayment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return "  funding: " + schedule.source() + ", " + within + " of " + schedule.rates().size()
                + " funding times within the replay, " + paid.size() + " on an open position: "
                + (net.signum() < 0 ? "paid " + r.money(net.negate()) : "received " + r.money(net)) + " USDT (in total PnL)";
    }

    /** The liquidation line, e.g. {@code LIQUIDATED at 2023-08-29 16:27 UTC at 27,850.1: equity …}. */
    static String liquidation(Liquidation l, Rounding r) {
        return "  LIQUIDATED at " + MINUTE.format(Instant.ofEpochMilli(l.atMs())) + " at " + r.price(l.price())
                + ": equity " + r.money(l.equity()) + " fell below maintenance margin " + r.money(l.maintenanceMargin())
                + (l.liquidationPrice() == null ? "" : " (liquidation price " + r.price(l.liquidationPrice()) + ")")
                + "; the venue closed " + r.quantity(l.qty()) + " with a liquidation fee of " + r.money(l.fee())
                + "; the grid stopped";
    }

    private static String percent(BigDecimal fraction) {
        return fraction.multiply(HUNDRED).stripTrailingZeros().toPlainString() + " %";
    }
}
