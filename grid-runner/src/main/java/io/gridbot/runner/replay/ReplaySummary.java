package io.gridbot.runner.replay;

import io.gridbot.core.market.SymbolRules;
import io.gridbot.exchange.replay.FundingSchedule;
import io.gridbot.exchange.sim.Liquidation;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.stats.ledger.FundingPayment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The lines of a replay's summary that say on what terms it ran and whether the account survived: the fees
 * charged and where each rate came from, the leverage, the funding settled, and a liquidation, loudly.
 * Money is rounded to cents, prices to the symbol's tick; nothing here is used for a computation.
 */
final class ReplaySummary {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ReplaySummary() {
    }

    /** The fees and margin the venue applied, e.g. {@code fees: maker 0.0002 (the grid's makerFeeRate), …}. */
    static String terms(SimSettings venue, String takerSource) {
        return "  fees: maker " + venue.makerFeeRate().toPlainString() + " (the grid's makerFeeRate), taker "
                + venue.takerFeeRate().toPlainString() + " (" + takerSource + "); leverage "
                + venue.leverage().stripTrailingZeros().toPlainString() + "x, liquidation fee "
                + percent(venue.margin().liquidationFeeRate()) + " below the maintenance margin";
    }

    /** The funding settled, or {@code funding: none}. */
    static String funding(FundingSchedule schedule, List<FundingPayment> paid, long firstMs, long lastMs) {
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
                + (net.signum() < 0 ? "paid " + money(net.negate()) : "received " + money(net)) + " USDT (in total PnL)";
    }

    /** The liquidation line, e.g. {@code LIQUIDATED at 2023-08-29 16:27 UTC at 27,850.1: equity …}. */
    static String liquidation(Liquidation l, SymbolRules rules) {
        return "  LIQUIDATED at " + MINUTE.format(Instant.ofEpochMilli(l.atMs())) + " at " + price(l.price(), rules)
                + ": equity " + money(l.equity()) + " fell below maintenance margin " + money(l.maintenanceMargin())
                + (l.liquidationPrice() == null ? "" : " (liquidation price " + price(l.liquidationPrice(), rules) + ")")
                + "; the venue closed " + l.qty().toPlainString() + " with a liquidation fee of " + money(l.fee())
                + "; the grid stopped";
    }

    private static String price(BigDecimal price, SymbolRules rules) {
        int scale = Math.max(0, rules.tickSize().stripTrailingZeros().scale());
        return String.format(Locale.ROOT, "%,." + scale + "f", price.setScale(scale, RoundingMode.HALF_EVEN));
    }

    private static String money(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,.2f", amount.setScale(2, RoundingMode.HALF_EVEN));
    }

    private static String percent(BigDecimal fraction) {
        return fraction.multiply(HUNDRED).stripTrailingZeros().toPlainString() + " %";
    }
}
