package io.gridbot.stats.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.level.Level;
import io.gridbot.core.level.LevelState;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.Intent;
import io.gridbot.core.order.Side;
import io.gridbot.stats.ledger.FundingPayment;
import io.gridbot.stats.ledger.OrderRecord;
import io.gridbot.stats.ledger.PricePoint;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FR-11 on the worked example's first round trip, computed by hand. */
class StatisticsCalculatorTest {

    private static final long HOUR = 3_600_000L;
    private static final long T0 = 1_700_000_000_000L;

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static Fill fill(long at, String id, ClientOrderId.Kind kind, Side side, String price, String fee) {
        return new Fill(at, id, "x" + id, "t" + at, kind, side, 8, d(price), d("0.010"), d(fee), "USDT", BigDecimal.ZERO);
    }

    private final List<Fill> fills = List.of(
            fill(T0 + HOUR, "e1", ClientOrderId.Kind.ENTRY, Side.SELL, "62105.3", "0.124"),
            fill(T0 + 2 * HOUR, "x1", ClientOrderId.Kind.EXIT, Side.BUY, "61842.1", "0.124"),
            fill(T0 + 30 * HOUR, "e2", ClientOrderId.Kind.ENTRY, Side.SELL, "62105.3", "0.124"));

    private StatisticsInput input() {
        return new StatisticsInput("my_short_grid", PositionMode.ONE_WAY, fills,
                List.of(new FundingPayment(T0 + 32 * HOUR, d("0.05"))),
                List.of(new PricePoint(T0, d("62000")), new PricePoint(T0 + 31 * HOUR, d("62300")),
                        new PricePoint(T0 + 33 * HOUR, d("62000"))),
                List.of(new OrderRecord("e1", Intent.ENTRY, 8, d("0.010"), T0, d("0.010"), T0 + HOUR, null),
                        new OrderRecord("x1", Intent.EXIT, 8, d("0.010"), T0 + HOUR, d("0.010"), T0 + 2 * HOUR, null),
                        new OrderRecord("c1", Intent.ENTRY, 9, d("0.010"), T0, BigDecimal.ZERO, null, T0 + 3 * HOUR),
                        new OrderRecord("e2", Intent.ENTRY, 8, d("0.010"), T0 + 3 * HOUR, d("0.010"), T0 + 30 * HOUR, null)),
                List.of(),
                List.of(new Level(8, -1, d("62105.3"), LevelState.EXIT_WORKING, Side.SELL, 3, "e2", "xe2", null, null,
                        d("0.010"), d("62105.3"), BigDecimal.ZERO, 0)),
                d("1000"));
    }

    @Test
    void AC11_2_and_AC11_3_allTimeCountsAndPnl() {
        GridStatistics s = StatisticsCalculator.compute(input(), Period.ALL, T0 + 34 * HOUR);

        assertThat(s.totalTrades()).isEqualTo(3);
        assertThat(s.filledEntries()).isEqualTo(2);
        assertThat(s.filledExits()).isEqualTo(1);
        assertThat(s.canceledOrders()).isEqualTo(1);
        assertThat(s.realizedPnl()).isEqualByComparingTo("2.632");
        assertThat(s.fees()).isEqualByComparingTo("0.372");
        assertThat(s.funding()).isEqualByComparingTo("0.05");
        // short 0.010 from 62105.3, marked at 62000
        assertThat(s.unrealizedPnl()).isEqualByComparingTo("1.053");
        assertThat(s.totalPnl()).isEqualByComparingTo("3.363"); // 2.632 - 0.372 + 0.05 + 1.053
        assertThat(s.currentPosition()).isEqualByComparingTo("-0.010");
    }

    @Test
    void AC11_4_drawdownIsTheLargestFallFromAPeak() {
        GridStatistics s = StatisticsCalculator.compute(input(), Period.ALL, T0 + 34 * HOUR);

        // Peak 2.632 - 0.248 = 2.384 after the round trip; the new short (fee 0.124) marked at 62300 loses 1.947.
        assertThat(s.maxDrawdown()).isEqualByComparingTo("2.071");
        assertThat(s.maxPosition()).isEqualByComparingTo("0.010");
        assertThat(s.maxDrawdownPct()).isPositive();
    }

    @Test
    void AC11_1_aShortPeriodSeesOnlyItsOwnEvents() {
        GridStatistics s = StatisticsCalculator.compute(input(), Period.HOUR_1, T0 + 34 * HOUR);

        assertThat(s.totalTrades()).isZero();
        assertThat(s.realizedPnl()).isZero();
        // the only event in the hour: the mark falls from 62,300 to 62,000 under a 0.010 short
        assertThat(s.totalPnl()).isEqualByComparingTo("3.000");
        assertThat(s.currentPosition()).isEqualByComparingTo("-0.010");
        assertThat(s.avgPosition()).isEqualByComparingTo("0.010");

        GridStatistics day = StatisticsCalculator.compute(input(), Period.DAY_1, T0 + 34 * HOUR);
        assertThat(day.totalTrades()).isEqualTo(1);
        assertThat(day.funding()).isEqualByComparingTo("0.05");
    }

    @Test
    void AC11_5_fillRateAndTimeToFill() {
        GridStatistics s = StatisticsCalculator.compute(input(), Period.ALL, T0 + 34 * HOUR);

        assertThat(s.fillRate()).isEqualByComparingTo("0.75");
        assertThat(s.avgTimeToFillMs()).isEqualTo((HOUR + HOUR + 27 * HOUR) / 3);
    }

    @Test
    void AC11_6_positionPerLevelIsKeyedByTheBottomBasedLine() {
        GridStatistics s = StatisticsCalculator.compute(input(), Period.ALL, T0 + 34 * HOUR);

        assertThat(s.positionPerLevel()).containsEntry(8, d("-0.010")).doesNotContainKey(-1);
    }

    @Test
    void AC11_3_yieldPerDayIsTotalPnlOverCapitalPerDay() {
        GridStatistics s = StatisticsCalculator.compute(input(), Period.ALL, T0 + 24 * HOUR);

        // 24 hours from the first event: realized 2.632 - fees 0.248, no position open
        assertThat(s.totalPnl()).isEqualByComparingTo("2.384");
        assertThat(s.yieldPctPerDay()).isEqualByComparingTo("0.2384");
    }

    @Test
    void noEventsGiveZerosNotErrors() {
        StatisticsInput empty = new StatisticsInput("g", PositionMode.ONE_WAY, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), BigDecimal.ZERO);

        GridStatistics s = StatisticsCalculator.compute(empty, Period.DAY_7, T0);

        assertThat(s.totalPnl()).isZero();
        assertThat(s.fillRate()).isNull();
        assertThat(s.yieldPctPerDay()).isNull();
    }
}
