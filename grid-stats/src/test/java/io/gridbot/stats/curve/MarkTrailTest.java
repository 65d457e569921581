package io.gridbot.stats.curve;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.Side;
import io.gridbot.stats.ledger.PricePoint;
import io.gridbot.stats.metrics.GridStatistics;
import io.gridbot.stats.metrics.Period;
import io.gridbot.stats.metrics.StatisticsCalculator;
import io.gridbot.stats.metrics.StatisticsInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkTrailTest {

    private static GridStatistics statistics(List<Fill> fills, List<PricePoint> marks, long end) {
        return StatisticsCalculator.compute(new StatisticsInput("g", PositionMode.ONE_WAY, fills, List.of(), marks,
                List.of(), List.of(), List.of(), BigDecimal.ZERO), Period.ALL, end);
    }

    /**
     * Issue 15: the replay kept every 60th trade's price, so a spike against a short between two samples never
     * reached the drawdown. Every mark sees it, and so do the few the trail keeps.
     */
    @Test
    void aTroughBetweenTheOldSixtiethTradeSamplesReachesTheMaxDrawdown() {
        Fill shortOne = new Fill(0, "e", "x", "t", ClientOrderId.Kind.ENTRY, Side.SELL, 1, new BigDecimal("100"),
                BigDecimal.ONE, BigDecimal.ZERO, "USDT", BigDecimal.ZERO);
        MarkTrail trail = new MarkTrail(PositionMode.ONE_WAY);
        List<PricePoint> every = new ArrayList<>();
        List<PricePoint> sampled = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            // flat at 100, a spike to 112 around trade 90, between the samples at 60 and 120
            BigDecimal price = BigDecimal.valueOf(100 + Math.max(0, 12 - Math.abs(i - 90)));
            every.add(new PricePoint(i, price));
            trail.mark(i, price);
            if (i == 0) {
                trail.fill(shortOne);
            }
            if (i % 60 == 0 || i == 199) {
                sampled.add(new PricePoint(i, price));
            }
        }
        List<Fill> fills = List.of(shortOne);

        GridStatistics full = statistics(fills, every, 199);
        assertThat(full.maxDrawdown()).isEqualByComparingTo("12");
        assertThat(statistics(fills, sampled, 199).maxDrawdown()).isZero();
        assertThat(statistics(fills, trail.marks(), 199).maxDrawdown()).isEqualByComparingTo("12");
        assertThat(trail.marks()).hasSizeLessThanOrEqualTo(4).contains(new PricePoint(90, new BigDecimal("112")));
        assertThat(trail.marksSeen()).isEqualTo(200);
    }

    @Test
    void theMarksOfAFillsMillisecondAreBookedAfterIt() {
        MarkTrail trail = new MarkTrail(PositionMode.ONE_WAY);
        trail.mark(5, new BigDecimal("100"));
        // the trade at 5 filled a buy at 100; the next trade of that millisecond is worth 90 to it
        trail.fill(new Fill(5, "e", "x", "t", ClientOrderId.Kind.ENTRY, Side.BUY, 1, new BigDecimal("100"),
                BigDecimal.ONE, BigDecimal.ZERO, "USDT", BigDecimal.ZERO));
        trail.mark(5, new BigDecimal("90"));
        trail.mark(6, new BigDecimal("95"));

        assertThat(trail.kept()).extracting(k -> k.equity().stripTrailingZeros().toPlainString())
                .containsExactly("0", "-10", "-5");
        assertThat(trail.latestMs()).isEqualTo(6);
    }
}
