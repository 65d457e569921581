package io.gridbot.stats.metrics;

import io.gridbot.core.level.Level;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.stats.ledger.FundingPayment;
import io.gridbot.stats.ledger.OrderRecord;
import io.gridbot.stats.ledger.PositionBook;
import io.gridbot.stats.ledger.PricePoint;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Computes {@link GridStatistics} for a period ending at a given moment. One pass over the merged
 * timeline of fills, funding and prices: the position is booked by average cost from the first fill ever,
 * so a period that starts with a position open values it correctly; equity is realized − fees + funding +
 * unrealized, sampled at every event, which gives the drawdown and the time-weighted position.
 */
public final class StatisticsCalculator {

    private static final MathContext MATH = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal DAY_MS = BigDecimal.valueOf(86_400_000L);

    private StatisticsCalculator() {
    }

    /** A moment on the timeline: exactly one of the three is set. */
    private record Moment(long atMs, int order, Fill fill, FundingPayment funding, PricePoint price) {
    }

    /** The statistics of the period ending at {@code toMs}. */
    public static GridStatistics compute(StatisticsInput in, Period period, long toMs) {
        List<Moment> timeline = timeline(in);
        long fromMs = period != Period.ALL ? period.startFor(toMs)
                : timeline.isEmpty() ? toMs : Math.min(timeline.get(0).atMs(), toMs);
        PositionBook book = new PositionBook();
        BigDecimal cumRealized = BigDecimal.ZERO;
        BigDecimal cumFees = BigDecimal.ZERO;
        BigDecimal cumFunding = BigDecimal.ZERO;
        BigDecimal mark = null;

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

        for (Moment m : timeline) {
            if (m.atMs() > toMs) {
                break;
            }
            if (!started && m.atMs() >= fromMs) {
                started = true;
                equityStart = equity(cumRealized, cumFees, cumFunding, book, mark);
                peak = equityStart;
                maxPosition = book.qty().abs();
            }
            if (started) {
                positionTime = positionTime.add(book.qty().abs().multiply(BigDecimal.valueOf(m.atMs() - lastMs)));
                lastMs = m.atMs();
            }
            if (m.fill() != null) {
                Fill f = m.fill();
                BigDecimal r = book.apply(f.side(), f.price(), f.qty());
                BigDecimal fee = f.fee() == null ? BigDecimal.ZERO : f.fee();
                cumRealized = cumRealized.add(r);
                cumFees = cumFees.add(fee);
                mark = f.price(); // a trade is the latest price there is
                if (started) {
                    realized = realized.add(r);
                    fees = fees.add(fee);
                    trades++;
                    if (f.kind() == ClientOrderId.Kind.ENTRY) {
                        entries.add(f.clientOrderId());
                    } else if (f.kind() == ClientOrderId.Kind.EXIT) {
                        exits.add(f.clientOrderId());
                    }
                }
            } else if (m.funding() != null) {
                cumFunding = cumFunding.add(m.funding().amount());
                if (started) {
                    funding = funding.add(m.funding().amount());
                }
            } else {
                mark = m.price().price();
            }
            if (started) {
                BigDecimal equity = equity(cumRealized, cumFees, cumFunding, book, mark);
                peak = peak.max(equity);
                maxDrawdown = maxDrawdown.max(peak.subtract(equity));
                maxPosition = maxPosition.max(book.qty().abs());
            }
        }
        BigDecimal equityEnd = equity(cumRealized, cumFees, cumFunding, book, mark);
        if (!started) {
            equityStart = equityEnd;
            peak = equityEnd;
            maxPosition = book.qty().abs();
        }
        positionTime = positionTime.add(book.qty().abs().multiply(BigDecimal.valueOf(Math.max(0, toMs - lastMs))));
        long spanMs = toMs - fromMs;
        BigDecimal avgPosition = spanMs > 0 ? positionTime.divide(BigDecimal.valueOf(spanMs), MATH) : book.qty().abs();
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
                countCancels(in.orders(), fromMs, toMs), realized, fees, funding, book.unrealized(mark), totalPnl, yield,
                maxDrawdown, drawdownPct, maxPosition, avgPosition, book.qty(),
                in.stopLossAtMs().stream().filter(t -> t >= fromMs && t <= toMs).count(),
                fillRate(in.orders(), fromMs, toMs), avgTimeToFill(in.orders(), fromMs, toMs),
                positionPerLevel(in.levels()));
    }

    private static List<Moment> timeline(StatisticsInput in) {
        List<Moment> moments = new ArrayList<>(in.fills().size() + in.funding().size() + in.prices().size());
        in.fills().forEach(f -> moments.add(new Moment(f.atMs(), 0, f, null, null)));
        in.funding().forEach(f -> moments.add(new Moment(f.atMs(), 1, null, f, null)));
        in.prices().forEach(p -> moments.add(new Moment(p.atMs(), 2, null, null, p)));
        // Stable within a kind: fills keep the ledger's order when they share a millisecond.
        moments.sort(Comparator.comparingLong(Moment::atMs).thenComparingInt(Moment::order));
        return moments;
    }

    private static BigDecimal equity(BigDecimal realized, BigDecimal fees, BigDecimal funding, PositionBook book,
            BigDecimal mark) {
        return realized.subtract(fees).add(funding).add(book.unrealized(mark));
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

    private static Long avgTimeToFill(List<OrderRecord> orders, long fromMs, long toMs) {
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
            out.put(level.levelIndex(), level.signedPosition());
        }
        return out;
    }
}
