package io.gridbot.runner.replay;

import io.gridbot.core.stoploss.StopLossReport;
import io.gridbot.stats.metrics.GridStatistics;
import io.gridbot.stats.metrics.Rounding;
import java.time.Instant;

/** What a replay's summary says, for people: its figures and its stop-losses, rounded by {@link Rounding}. */
public final class ReplaySummary {

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
                : "closed " + r.quantity(report.position()) + " at " + r.price(report.closePrice()) + ", slippage "
                        + r.price(report.slippage()) + " (" + r.money(report.slippageCost()) + " USDT)";
        return Instant.ofEpochMilli(report.triggeredAtMs()) + ": " + report.reason() + "; " + closed;
    }
}
