package io.gridbot.stats.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.Side;
import io.gridbot.stats.curve.EquityCurve;
import io.gridbot.stats.ledger.EquityLedger;
import io.gridbot.stats.ledger.PricePoint;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: a hedge account books realized PnL on each leg, a one-way account on the net position. The same
 * four fills, figures worked out by hand:
 * <pre>
 *   t=1  long leg buys   0.01 @ 100   one-way: +0.01 @ 100               hedge: long +0.01 @ 100
 *   t=2  short leg sells 0.01 @ 102   one-way: closes, (102-100)*0.01 = 0.02, flat
 *                                     hedge: short -0.01 @ 102, nothing realized
 *   t=3  long exits      0.01 @ 101   one-way: opens -0.01 @ 101         hedge: long realizes (101-100)*0.01 = 0.01
 *   t=4  short exits     0.01 @ 101   one-way: realizes (101-101)*0.01 = 0  hedge: short realizes (102-101)*0.01 = 0.01
 * </pre>
 * Equity is the same at every moment; only how much of it is realized differs until both are flat.
 */
class PositionModeStatisticsTest {

    private static final List<Fill> FILLS = List.of(
            fill(1, ClientOrderId.Kind.ENTRY, Side.BUY, "100"),
            fill(2, ClientOrderId.Kind.ENTRY, Side.SELL, "102"),
            fill(3, ClientOrderId.Kind.EXIT, Side.SELL, "101"),
            fill(4, ClientOrderId.Kind.EXIT, Side.BUY, "101"));

    private static Fill fill(long at, ClientOrderId.Kind kind, Side side, String price) {
        return new Fill(at, "c" + at, "x" + at, "t" + at, kind, side, 3, new BigDecimal(price), new BigDecimal("0.01"),
                BigDecimal.ZERO, "USDT", BigDecimal.ZERO);
    }

    /** The statistics of the first {@code fills} fills, all time to {@code toMs}, with these marks. */
    private static GridStatistics after(int fills, PositionMode mode, long toMs, PricePoint... marks) {
        return StatisticsCalculator.compute(new StatisticsInput("g", mode, FILLS.subList(0, fills), List.of(),
                List.of(marks), List.of(), List.of(), List.of(), BigDecimal.ZERO), Period.ALL, toMs);
    }

    @Test
    void legsThatOffsetHoldNoNetPositionYetEachIsValuedAgainstItsOwnAveragePrice() {
        PricePoint at105 = new PricePoint(2, new BigDecimal("105"));
        GridStatistics oneWay = after(2, PositionMode.ONE_WAY, 2, at105);
        GridStatistics hedge = after(2, PositionMode.HEDGE, 2, at105);

        assertThat(oneWay.realizedPnl()).isEqualByComparingTo("0.02");
        assertThat(oneWay.unrealizedPnl()).isEqualByComparingTo("0");
        assertThat(hedge.realizedPnl()).isEqualByComparingTo("0");
        // long 0.01 × (105 − 100) = 0.05, short −0.01 × (105 − 102) = −0.03
        assertThat(hedge.unrealizedPnl()).isEqualByComparingTo("0.02");
        assertThat(hedge.currentPosition()).isZero();
        assertThat(hedge.longLeg().position()).isEqualByComparingTo("0.01");
        assertThat(hedge.shortLeg().position()).isEqualByComparingTo("-0.01");
        assertThat(hedge.totalPnl()).isEqualByComparingTo(oneWay.totalPnl()).isEqualByComparingTo("0.02");
    }

    @Test
    void onceTheLongLegHasExitedTheHedgeGridHasRealizedItsLegOnly() {
        GridStatistics oneWay = after(3, PositionMode.ONE_WAY, 3);
        GridStatistics hedge = after(3, PositionMode.HEDGE, 3);

        assertThat(oneWay.realizedPnl()).isEqualByComparingTo("0.02");
        assertThat(oneWay.unrealizedPnl()).as("-0.01 opened at 101, the last price").isEqualByComparingTo("0");
        assertThat(hedge.realizedPnl()).isEqualByComparingTo("0.01");
        assertThat(hedge.unrealizedPnl()).as("the short leg, -0.01 × (101 − 102)").isEqualByComparingTo("0.01");
        assertThat(hedge.longLeg().realizedPnl()).isEqualByComparingTo("0.01");
        assertThat(hedge.longLeg().fills()).isEqualTo(2);
        assertThat(hedge.longLeg().position()).isZero();
        assertThat(hedge.shortLeg().realizedPnl()).isEqualByComparingTo("0");
        assertThat(hedge.shortLeg().fills()).isEqualTo(1);
        assertThat(hedge.currentPosition()).isEqualByComparingTo(oneWay.currentPosition()).isEqualByComparingTo("-0.01");
        assertThat(hedge.totalPnl()).isEqualByComparingTo(oneWay.totalPnl()).isEqualByComparingTo("0.02");
        assertThat(hedge.maxDrawdown()).isEqualByComparingTo(oneWay.maxDrawdown()).isZero();
    }

    @Test
    void flatOnBothLegsEachModeHasRealizedTheSameButFillByFillDifferently() {
        GridStatistics oneWay = after(4, PositionMode.ONE_WAY, 4);
        GridStatistics hedge = after(4, PositionMode.HEDGE, 4);

        assertThat(oneWay.realizedPnl()).isEqualByComparingTo("0.02");
        assertThat(hedge.realizedPnl()).isEqualByComparingTo("0.02")
                .isEqualByComparingTo(hedge.longLeg().realizedPnl().add(hedge.shortLeg().realizedPnl()));
        assertThat(hedge.longLeg().realizedPnl()).isEqualByComparingTo("0.01");
        assertThat(hedge.shortLeg().realizedPnl()).isEqualByComparingTo("0.01");
        assertThat(hedge.unrealizedPnl()).isZero();
        assertThat(oneWay.unrealizedPnl()).isZero();
        assertThat(hedge.positionMode()).isEqualTo(PositionMode.HEDGE);
        assertThat(oneWay.positionMode()).isEqualTo(PositionMode.ONE_WAY);

        assertThat(EquityLedger.realizedByFill(FILLS, PositionMode.ONE_WAY)).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(d("0"), d("0.02"), d("0"), d("0"));
        assertThat(EquityLedger.realizedByFill(FILLS, PositionMode.HEDGE)).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(d("0"), d("0"), d("0.01"), d("0.01"));
    }

    @Test
    void theEquityCurveIsTheSameInBothModesItsRealizedPartIsNot() {
        List<EquityCurve.Point> oneWay = EquityCurve.of(PositionMode.ONE_WAY, FILLS, null, 4, 10);
        List<EquityCurve.Point> hedge = EquityCurve.of(PositionMode.HEDGE, FILLS, null, 4, 10);

        assertThat(hedge).extracting(EquityCurve.Point::equity).usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(oneWay.stream().map(EquityCurve.Point::equity).toList());
        assertThat(oneWay).extracting(EquityCurve.Point::realized).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(d("0"), d("0.02"), d("0.02"), d("0.02"));
        assertThat(hedge).extracting(EquityCurve.Point::realized).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(d("0"), d("0"), d("0.01"), d("0.02"));
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
