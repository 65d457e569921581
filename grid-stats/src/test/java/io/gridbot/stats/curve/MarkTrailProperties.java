package io.gridbot.stats.curve;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.Side;
import io.gridbot.stats.ledger.FundingPayment;
import io.gridbot.stats.ledger.PricePoint;
import io.gridbot.stats.metrics.GridStatistics;
import io.gridbot.stats.metrics.Period;
import io.gridbot.stats.metrics.StatisticsCalculator;
import io.gridbot.stats.metrics.StatisticsInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Issue 15, full-resolution risk figures: the all-time statistics from the few marks a {@link MarkTrail} keeps are
 * those from every mark, and the max drawdown is a brute-force recomputation of equity at every trade, in either
 * position mode (issue 16: in hedge mode a grid whose legs offset is flat on the net, yet holds an unrealized PnL).
 */
class MarkTrailProperties {

    /** A replay in miniature: marks as trades arrive, fills and payments right behind the trade of their millisecond. */
    record Run(List<PricePoint> marks, List<Fill> fills, List<FundingPayment> funding, MarkTrail trail) {
    }

    /** Fills enter and exit on both legs, so in hedge mode the legs are booked apart. */
    static Run replay(List<Integer> steps, PositionMode mode) {
        MarkTrail trail = new MarkTrail(mode);
        List<PricePoint> marks = new ArrayList<>();
        List<Fill> fills = new ArrayList<>();
        List<FundingPayment> funding = new ArrayList<>();
        long t = 0;
        BigDecimal price = new BigDecimal("100.0");
        for (int i = 0; i < steps.size(); i++) {
            int r = steps.get(i);
            t += r % 3;
            if (r < 14 && !marks.isEmpty()) {
                Side side = r % 2 == 0 ? Side.BUY : Side.SELL;
                BigDecimal qty = BigDecimal.valueOf(1 + r % 3, 3);
                ClientOrderId.Kind kind = r < 7 ? ClientOrderId.Kind.ENTRY : ClientOrderId.Kind.EXIT;
                Fill f = new Fill(t, "o" + i, "x" + i, "t" + i, kind, side, 0, price, qty,
                        new BigDecimal("0.001"), "USDT", BigDecimal.ZERO);
                fills.add(f);
                trail.fill(f);
            } else if (r == 14) {
                FundingPayment p = new FundingPayment(t, new BigDecimal("-0.003"));
                funding.add(p);
                trail.funding(p);
            } else {
                price = price.add(BigDecimal.valueOf(r % 9 - 4, 1)).max(BigDecimal.ONE);
                marks.add(new PricePoint(t, price));
                trail.mark(t, price);
            }
        }
        return new Run(marks, fills, funding, trail);
    }

    static GridStatistics statistics(Run run, List<PricePoint> marks, PositionMode mode) {
        long end = Math.max(run.trail().latestMs(), 0);
        return StatisticsCalculator.compute(new StatisticsInput("g", mode, run.fills(), run.funding(),
                marks, List.of(), List.of(), List.of(), new BigDecimal("1000")), Period.ALL, end);
    }

    @Property(tries = 500)
    void maxDrawdownFromTheKeptMarksEqualsABruteForceRecomputationAtEveryTrade(
            @ForAll @Size(min = 1, max = 400) List<@IntRange(min = 0, max = 60) Integer> steps,
            @ForAll PositionMode mode) {
        Run run = replay(steps, mode);
        GridStatistics every = statistics(run, run.marks(), mode);
        GridStatistics kept = statistics(run, run.trail().marks(), mode);

        assertThat(every.maxDrawdown().subtract(bruteForceMaxDrawdown(run)).abs()).isLessThan(new BigDecimal("1e-20"));
        assertThat(kept.maxDrawdown()).isEqualByComparingTo(every.maxDrawdown());
        assertThat(kept.realizedPnl()).isEqualByComparingTo(every.realizedPnl());
        assertThat(kept.maxDrawdownPct()).isEqualByComparingTo(every.maxDrawdownPct());
        assertThat(kept.totalPnl()).isEqualByComparingTo(every.totalPnl());
        assertThat(kept.unrealizedPnl()).isEqualByComparingTo(every.unrealizedPnl());
        assertThat(kept.maxPosition()).isEqualByComparingTo(every.maxPosition());
        assertThat(kept.avgPosition()).isEqualByComparingTo(every.avgPosition());
        assertThat(kept.fromMs()).isEqualTo(every.fromMs());
        assertThat(run.trail().marks().size()).isLessThanOrEqualTo(5 + run.funding().size());
    }

    /**
     * Found by the property in CI (seed -7332433169370757171): a funding payment fed before a fill of its own
     * millisecond was booked before it, where the statistics book fills first, so the trail kept the wrong trough.
     */
    @Example
    void aFundingPaymentBeforeAFillOfItsMillisecondIsBookedAfterItAsTheStatisticsDo() {
        maxDrawdownFromTheKeptMarksEqualsABruteForceRecomputationAtEveryTrade(List.of(0, 0, 0, 0, 0, 14, 15, 15, 3),
                PositionMode.ONE_WAY);
    }

    /** Equity from cash flows at every fill, payment and trade, in time order, fills first within a millisecond. */
    private static BigDecimal bruteForceMaxDrawdown(Run run) {
        record Event(long atMs, int rank, int index) {
        }
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < run.fills().size(); i++) {
            events.add(new Event(run.fills().get(i).atMs(), 0, i));
        }
        for (int i = 0; i < run.funding().size(); i++) {
            events.add(new Event(run.funding().get(i).atMs(), 1, i));
        }
        for (int i = 0; i < run.marks().size(); i++) {
            events.add(new Event(run.marks().get(i).atMs(), 2, i));
        }
        events.sort(Comparator.comparingLong(Event::atMs).thenComparingInt(Event::rank));
        BigDecimal cash = BigDecimal.ZERO;
        BigDecimal position = BigDecimal.ZERO;
        BigDecimal mark = BigDecimal.ZERO;
        BigDecimal peak = BigDecimal.ZERO;
        BigDecimal worst = BigDecimal.ZERO;
        for (Event e : events) {
            switch (e.rank()) {
                case 0 -> {
                    Fill f = run.fills().get(e.index());
                    BigDecimal notional = f.price().multiply(f.qty());
                    cash = (f.side() == Side.BUY ? cash.subtract(notional) : cash.add(notional)).subtract(f.fee());
                    position = f.side() == Side.BUY ? position.add(f.qty()) : position.subtract(f.qty());
                    mark = f.price();
                }
                case 1 -> cash = cash.add(run.funding().get(e.index()).amount());
                default -> mark = run.marks().get(e.index()).price();
            }
            BigDecimal equity = cash.add(position.multiply(mark));
            peak = peak.max(equity);
            worst = worst.max(peak.subtract(equity));
        }
        return worst;
    }
}
