package io.gridbot.stats.curve;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EquityCurveTest {

    private static Fill fill(long at, Side side, String price, String qty, String fee) {
        return new Fill(at, "c" + at, "x" + at, "t" + at, ClientOrderId.Kind.ENTRY, side, 1, new BigDecimal(price),
                new BigDecimal(qty), new BigDecimal(fee), "USDT", BigDecimal.ZERO);
    }

    @Test
    void equityIsRealizedLessFeesPlusTheOpenPositionAtEachFillsPriceThenAtTheCurrentPrice() {
        List<EquityCurve.Point> curve = EquityCurve.of(PositionMode.ONE_WAY, List.of(
                fill(1, Side.SELL, "100", "2", "0.1"),   // short 2 at 100
                fill(2, Side.BUY, "90", "1", "0.1")),    // cover 1: +10 realized; 1 short left, at 90 worth +10
                new BigDecimal("95"), 3, 100);

        assertThat(curve).extracting(EquityCurve.Point::atMs).containsExactly(1L, 2L, 3L);
        assertThat(curve.get(0).equity()).isEqualByComparingTo("-0.1");
        assertThat(curve.get(1).realized()).isEqualByComparingTo("9.8");
        assertThat(curve.get(1).equity()).isEqualByComparingTo("19.8");
        assertThat(curve.get(1).position()).isEqualByComparingTo("-1");
        assertThat(curve.get(2).equity()).isEqualByComparingTo("14.8");
    }

    @Test
    void fundingMovesEquityWhenItIsPaid() {
        List<EquityCurve.Point> curve = EquityCurve.of(PositionMode.ONE_WAY,
                List.of(fill(1, Side.SELL, "100", "1", "0")),
                List.of(new io.gridbot.stats.ledger.FundingPayment(2, new BigDecimal("0.5"))), null, 2, 10);
        assertThat(curve).extracting(EquityCurve.Point::atMs).containsExactly(1L, 2L);
        assertThat(curve.get(1).equity()).isEqualByComparingTo("0.5");
        assertThat(curve.get(1).realized()).isEqualByComparingTo("0.5");
    }

    @Test
    void longLedgersAreThinnedKeepingBothEnds() {
        List<Fill> fills = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            fills.add(fill(i, i % 2 == 0 ? Side.BUY : Side.SELL, "100", "1", "0"));
        }
        List<EquityCurve.Point> curve = EquityCurve.of(PositionMode.ONE_WAY, fills, null, 0, 50);
        assertThat(curve).hasSize(50);
        assertThat(curve.get(0).atMs()).isZero();
        assertThat(curve.get(49).atMs()).isEqualTo(999);
    }

    @Test
    void noFillsNoCurve() {
        assertThat(EquityCurve.of(PositionMode.ONE_WAY, List.of(), BigDecimal.ONE, 5, 10)).isEmpty();
    }
}
