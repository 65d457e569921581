package io.gridbot.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.Side;
import io.gridbot.runner.web.grid.StatisticsReport;
import io.gridbot.stats.metrics.GridStatistics;
import io.gridbot.stats.metrics.Period;
import io.gridbot.stats.metrics.Rounding;
import io.gridbot.stats.metrics.StatisticsCalculator;
import io.gridbot.stats.metrics.StatisticsInput;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 16: `grid stats` and the dashboard's statistics show a neutral or hedge grid's legs beside the totals. */
class LegStatisticsTextTest {

    private static final SymbolRules LINK = new SymbolRules("LINKUSDT", new BigDecimal("0.001"), new BigDecimal("0.01"),
            new BigDecimal("0.01"), new BigDecimal("5"), 200);

    private static GridConfig grid(GridMode mode, PositionMode positionMode) {
        return GridConfig.builder("g", LINK).mode(mode).band(new BigDecimal("6.700"), new BigDecimal("7.400")).levels(36)
                .orderQty(new BigDecimal("1.00")).maxPosition(new BigDecimal("8.00")).positionMode(positionMode)
                .protectiveStop(false).build();
    }

    private static Fill fill(long at, ClientOrderId.Kind kind, Side side, String price) {
        return new Fill(at, "c" + at, "x" + at, "t" + at, kind, side, 1, new BigDecimal(price), BigDecimal.ONE,
                BigDecimal.ZERO, "USDT", BigDecimal.ZERO);
    }

    private static final GridStatistics STATS = StatisticsCalculator.compute(new StatisticsInput("g", PositionMode.HEDGE, List.of(
            fill(1_000, ClientOrderId.Kind.ENTRY, Side.BUY, "7.000"), fill(2_000, ClientOrderId.Kind.EXIT, Side.SELL, "7.020"),
            fill(3_000, ClientOrderId.Kind.ENTRY, Side.SELL, "7.100")), List.of(), List.of(), List.of(), List.of(),
            List.of(), BigDecimal.ZERO), Period.ALL, 4_000);

    @Test
    void neutralAndHedgeGridsShowTheirLegsOneWayLongAndShortGridsDoNot() {
        assertThat(StatisticsReport.of(STATS, grid(GridMode.NEUTRAL, PositionMode.ONE_WAY)).legs()).isNotNull();
        assertThat(StatisticsReport.of(STATS, grid(GridMode.NEUTRAL, PositionMode.HEDGE)).legs()).isNotNull();
        assertThat(StatisticsReport.of(STATS, grid(GridMode.SHORT, PositionMode.HEDGE)).legs()).isNotNull();
        assertThat(StatisticsReport.of(STATS, grid(GridMode.LONG, PositionMode.ONE_WAY)).legs()).isNull();
    }

    @Test
    void theTextPrintsEachLegsRealizedPnlFillsAndPosition() {
        StatisticsReport report = StatisticsReport.of(STATS, grid(GridMode.NEUTRAL, PositionMode.HEDGE));
        assertThat(report.legs().longLeg()).isEqualTo(new StatisticsReport.Leg("0.02", 2, "0"));
        assertThat(report.legs().shortLeg()).isEqualTo(new StatisticsReport.Leg("0", 1, "-1"));
        StringWriter text = new StringWriter();
        GridText.statistics(new PrintWriter(text, true), report, Rounding.of(LINK));

        assertThat(text.toString()).contains("long  leg: realized 0.02, fills 2, position 0.00")
                .contains("short leg: realized 0.00, fills 1, position -1.00");
    }
}
