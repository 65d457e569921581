package io.gridbot.stats.metrics;

import io.gridbot.core.level.Level;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.stats.ledger.EquityLedger;
import io.gridbot.stats.ledger.FundingPayment;
import io.gridbot.stats.ledger.LegBalance;
import io.gridbot.stats.ledger.OrderRecord;
import io.gridbot.stats.ledger.Timeline;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Computes {@link GridStatistics} for a period ending at a given moment. One pass over the merged
 * timeline of fills, funding and prices: the position is booked by average cost from the first fill ever, as the
 * grid's position mode keeps it (net, or per leg), so a period that starts with a position open values it
 * correctly; equity ({@link EquityLedger}) is taken at
 * every moment of the {@link Timeline}, which gives the drawdown and the time-weighted position. Given every
 * mark, or the marks a {@link io.gridbot.stats.curve.MarkTrail} kept of them, the all-time figures are the same.
 */
public final class StatisticsCalculator {

    private static final MathContext MATH = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal DAY_MS = BigDecimal.valueOf(86_400_000L);

    private StatisticsCalculator() {
    }

    /** The statistics of the period ending at {@code toMs}. */
    public static GridStatistics compute(StatisticsInput in, Period period, long toMs) {
        List<Timeline.Moment> timeline = Timeline.of(in.fills(), in.funding(), in.prices());
        long fromMs = period != Period.ALL ? period.startFor(toMs)
                : timeline.isEmpty() ? toMs : Math.min(timeline.get(0).atMs(), toMs);
        EquityLedger ledger = new EquityLedger(in.positionMode());
        LegBalance longAtStart = null;
        LegBalance shortAtStart = null;

        boolean started = false;
        BigDecimal equityStart = BigDecimal.ZERO;
        BigDecimal peak = BigDecimal.ZERO;
        BigDecimal maxDrawdown = BigDecimal.ZERO;
        BigDecimal maxPosition = BigDecimal.ZERO;
        BigDecimal positionTime = BigDecimal.ZERO;
        long lastMs = fromMs;
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal funding = BigDecimal.ZERO;
        long trades = 0;
        Set<String> entries = new HashSet<>();
        Set<String> exits = new HashSet<>();

        for (Timeline.Moment m : timeline) {
            if (m.atMs() > toMs) {
                break;
            }
            if (!started && m.atMs() >= fromMs) {
                started = true;
                equityStart = ledger.equity();
                peak = equityStart;
                maxPosition = ledger.position().abs();
                longAtStart = ledger.longLeg();
                shortAtStart = ledger.shortLeg();
            }
            if (started) {
                positionTime = positionTime.add(ledger.position().abs().multiply(BigDecimal.valueOf(m.atMs() - lastMs)));
                lastMs = m.atMs();
            }
            BigDecimal r = ledger.apply(m);
            if (started) {
                switch (m) {
                    case Timeline.FillMoment(Fill f) -> {
                        realized = realized.add(r);
                        fees = fees.add(f.fee() == null ? BigDecimal.ZERO : f.fee());
                        trades++;
                        if (f.kind() == ClientOrderId.Kind.ENTRY) {
                            entries.add(f.clientOrderId());
                        } else if (f.kind() == ClientOrderId.Kind.EXIT) {
                            exits.add(f.clientOrderId());
                        }
                    }
                    case Timeline.FundingMoment(FundingPayment p) -> funding = funding.add(p.amount());
                    case Timeline.MarkMoment k -> {
                    }
                }
                BigDecimal equity = ledger.equity();
                peak = peak.max(equity);
                maxDrawdown = maxDrawdown.max(peak.subtract(equity));
                maxPosition = maxPosition.max(ledger.position().abs());
            }
        }
        BigDecimal equityEnd = ledger.equity();
        if (!started) {
            equityStart = equityEnd;
            peak = equityEnd;
            maxPosition = ledger.position().abs();
            longAtStart = ledger.longLeg();
            shortAtStart = ledger.shortLeg();
        }
        positionTime = positionTime.add(ledger.position().abs().multiply(BigDecimal.valueOf(Math.max(0, toMs - lastMs))));
        long spanMs = toMs - fromMs;
        BigDecimal avgPosition = spanMs > 0 ? positionTime.divide(BigDecimal.valueOf(spanMs), MATH) : ledger.position().abs();
        BigDecimal totalPnl = equityEnd.subtract(equityStart);
        BigDecimal capital = in.capital() == null ? BigDecimal.ZERO : in.capital();
        BigDecimal yield = null;
        BigDecimal drawdownPct = null;
        if (capital.signum() > 0) {
            if (spanMs > 0) {
                BigDecimal days = BigDecimal.valueOf(spanMs).divide(DAY_MS, MATH);
                yield = totalPnl.divide(capital, MATH).divide(days, MATH).multiply(HUNDRED).setScale(6, RoundingMode.HALF_EVEN);
            }
            drawdownPct = maxDrawdown.divide(capital.add(peak.max(BigDecimal.ZERO)), MATH).multiply(HUNDRED)
                    .setScale(6, RoundingMode.HALF_EVEN);
        }
        return new GridStatistics(in.grid(), period, fromMs, toMs, trades, entries.size(), exits.size(),
                countCancels(in.orders(), fromMs, toMs), realized, fees, funding, ledger.unrealized(), totalPnl, yield,
                maxDrawdown, drawdownPct, maxPosition, avgPosition, ledger.position(),
                in.stopLossAtMs().stream().filter(t -> t >= fromMs && t <= toMs).count(),
                fillRate(in.orders(), fromMs, toMs), avgTimeToFillMs(in.orders(), fromMs, toMs),
                positionPerLevel(in.levels()), LegStatistics.between(longAtStart, ledger.longLeg()),
                LegStatistics.between(shortAtStart, ledger.shortLeg()), in.positionMode());
    }

    private static long countCancels(List<OrderRecord> orders, long fromMs, long toMs) {
        return orders.stream().filter(o -> o.canceledAtMs() != null && o.canceledAtMs() >= fromMs && o.canceledAtMs() <= toMs)
                .count();
    }

    private static BigDecimal fillRate(List<OrderRecord> orders, long fromMs, long toMs) {
        long placed = 0;
        long filled = 0;
        for (OrderRecord o : orders) {
            if (o.placedAtMs() >= fromMs && o.placedAtMs() <= toMs) {
                placed++;
                if (o.filledAtMs() != null) {
                    filled++;
                }
            }
        }
        return placed == 0 ? null : BigDecimal.valueOf(filled).divide(BigDecimal.valueOf(placed), 6, RoundingMode.HALF_EVEN);
    }

    private static Long avgTimeToFillMs(List<OrderRecord> orders, long fromMs, long toMs) {
        long total = 0;
        long count = 0;
        for (OrderRecord o : orders) {
            if (o.filledAtMs() != null && o.filledAtMs() >= fromMs && o.filledAtMs() <= toMs) {
                total += o.filledAtMs() - o.placedAtMs();
                count++;
            }
        }
        return count == 0 ? null : total / count;
    }

    private static SortedMap<Integer, BigDecimal> positionPerLevel(List<Level> levels) {
        SortedMap<Integer, BigDecimal> out = new TreeMap<>();
        for (Level level : levels) {
            out.put(level.line(), level.signedPosition());
        }
        return out;
    }
}
