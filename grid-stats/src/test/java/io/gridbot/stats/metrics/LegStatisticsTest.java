package io.gridbot.stats.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.Side;
import io.gridbot.stats.ledger.PricePoint;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 16: a grid's statistics per leg, each leg booked by average cost on its own, beside the totals. */
class LegStatisticsTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final long HOUR = 3_600_000L;

    private static Fill fill(long at, ClientOrderId.Kind kind, Side side, String price, String qty) {
        return new Fill(at, "c" + at, "x" + at, "t" + at, kind, side, kind == ClientOrderId.Kind.ENTRY
                || kind == ClientOrderId.Kind.EXIT ? 2 : -1, new BigDecimal(price), new BigDecimal(qty), BigDecimal.ZERO,
                "USDT", BigDecimal.ZERO);
    }

    /** A hedge grid: a long bought at 100 and a short sold at 110 stay apart; each exits on its own leg. */
    private static final List<Fill> FILLS = List.of(
            fill(T0, ClientOrderId.Kind.ENTRY, Side.BUY, "100", "2"), // long leg +2
            fill(T0 + HOUR, ClientOrderId.Kind.ENTRY, Side.SELL, "110", "1"), // short leg -1
            fill(T0 + 2 * HOUR, ClientOrderId.Kind.EXIT, Side.SELL, "104", "1"), // long realizes +4
            fill(T0 + 3 * HOUR, ClientOrderId.Kind.EXIT, Side.BUY, "107", "1"), // short realizes +3
            fill(T0 + 4 * HOUR, ClientOrderId.Kind.ENTRY, Side.SELL, "108", "1"), // short leg -1
            fill(T0 + 5 * HOUR, ClientOrderId.Kind.STOP, Side.SELL, "90", "1")); // long stopped: -10

    private static GridStatistics compute(Period period, long toMs) {
        return StatisticsCalculator.compute(new StatisticsInput("hedge", PositionMode.HEDGE, FILLS, List.of(),
                List.of(new PricePoint(T0 + 6 * HOUR, new BigDecimal("95"))), List.of(), List.of(), List.of(),
                BigDecimal.ZERO), period, toMs);
    }

    @Test
    void eachLegHasItsOwnRealizedPnlFillsAndPosition() {
        GridStatistics s = compute(Period.ALL, T0 + 6 * HOUR);

        assertThat(s.longLeg().fills()).isEqualTo(3);
        assertThat(s.longLeg().realizedPnl()).isEqualByComparingTo("-6");
        assertThat(s.longLeg().position()).isEqualByComparingTo("0");
        assertThat(s.shortLeg().fills()).isEqualTo(3);
        assertThat(s.shortLeg().realizedPnl()).isEqualByComparingTo("3");
        assertThat(s.shortLeg().position()).isEqualByComparingTo("-1");
        assertThat(s.longLeg().fills() + s.shortLeg().fills()).isEqualTo(s.totalTrades());
        assertThat(s.longLeg().position().add(s.shortLeg().position())).isEqualByComparingTo(s.currentPosition());
        assertThat(s.realizedPnl()).as("hedge mode: the legs' realized PnL added up").isEqualByComparingTo("-3");
    }

    @Test
    void aPeriodCountsItsOwnFillsButBooksTheLegsFromTheFirstFill() {
        // the last day but the first two hours: the long leg's entry is before it, its exit and stop in it
        GridStatistics s = compute(Period.DAY_1, T0 + 2 * HOUR - 1 + 24 * HOUR);

        assertThat(s.longLeg().fills()).isEqualTo(2);
        assertThat(s.longLeg().realizedPnl()).isEqualByComparingTo("-6");
        assertThat(s.shortLeg().fills()).isEqualTo(2);
        assertThat(s.shortLeg().realizedPnl()).isEqualByComparingTo("3");
        assertThat(s.realizedPnl()).isEqualByComparingTo("-3");
    }
}
