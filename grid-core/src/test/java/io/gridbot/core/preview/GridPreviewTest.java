package io.gridbot.core.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.spacing.Spacing;
import io.gridbot.core.testing.Configs;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridPreviewTest {

    static final MarginTable ONE_TIER = new MarginTable(List.of(
            new MarginTier(BigDecimal.ZERO, new BigDecimal("50000"), new BigDecimal("0.004"), BigDecimal.ZERO),
            new MarginTier(new BigDecimal("50000"), null, new BigDecimal("0.005"), new BigDecimal("50"))), "test");

    private static GridPreview preview(GridConfig config, String leverage, MarginTable margins, String price) {
        return GridPreviews.of(new PreviewRequest(config.requireValid(), new BigDecimal(leverage), margins,
                price == null ? null : new BigDecimal(price)));
    }

    private static String r(BigDecimal v, int scale) {
        return v.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    @Test
    void aLongGridOfElevenLinesShowsItsStepProfitWorstCaseAndLiquidationWorkedByHand() {
        GridConfig config = Configs.small(GridMode.LONG).maxPosition(new BigDecimal("10")).build();
        GridPreview p = preview(config, "10", ONE_TIER, null);

        assertThat(p.lines()).hasSize(11);
        assertThat(p.lines().get(0)).isEqualByComparingTo("100");
        assertThat(p.lines().get(10)).isEqualByComparingTo("110");
        assertThat(p.step()).isInstanceOfSatisfying(Step.Price.class, s -> assertThat(s.amount()).isEqualByComparingTo("1"));
        // 109 -> 110: 1 - 0.0002 * 219 = 0.9562 a unit, 0.877248 % of 109; 100 -> 101: 0.9598, 0.9598 %
        assertThat(r(p.profit().lowPercent(), 6)).isEqualTo("0.877248");
        assertThat(r(p.profit().highPercent(), 4)).isEqualTo("0.9598");
        assertThat(p.profit().lowQuote()).isEqualByComparingTo("0.9562");
        assertThat(p.profit().highQuote()).isEqualByComparingTo("0.9598");
        WorstCase w = p.worstCases().get(0);
        assertThat(w.direction()).isEqualTo(WorstCase.Direction.LONG);
        assertThat(w.entries()).isEqualTo(10);
        assertThat(w.quantity()).isEqualByComparingTo("10");
        assertThat(w.averageEntry()).isEqualByComparingTo("104.5");
        assertThat(w.notional()).isEqualByComparingTo("1045");
        assertThat(w.initialMargin()).isEqualByComparingTo("104.5");
        // (1045 - 104.5 - 0) / (10 * 0.996) = 94.427710...
        assertThat(w.liquidation()).isInstanceOfSatisfying(Liquidation.At.class,
                l -> assertThat(r(l.price(), 6)).isEqualTo("94.427711"));
        assertThat(p.distances()).isEmpty();
    }

    @Test
    void theMaxPositionCapsTheWorstCaseAtTheEntriesNearestTheStart() {
        GridPreview p = preview(Configs.small(GridMode.SHORT).build(), "5", ONE_TIER, null); // max 3 of size 1
        WorstCase w = p.worstCases().get(0);
        assertThat(w.direction()).isEqualTo(WorstCase.Direction.SHORT);
        assertThat(w.entries()).isEqualTo(3);
        assertThat(w.averageEntry()).isEqualByComparingTo("102"); // 101, 102, 103
        // (61.2 + 306 + 0) / (3 * 1.004)
        assertThat(w.liquidation()).isInstanceOfSatisfying(Liquidation.At.class,
                l -> assertThat(r(l.price(), 6)).isEqualTo(r(new BigDecimal("367.2").divide(new BigDecimal("3.012"),
                        10, RoundingMode.HALF_UP), 6)));
    }

    @Test
    void aNeutralGridHasAWorstCaseEachWayFromItsCentreLine() {
        GridPreview p = preview(Configs.small(GridMode.NEUTRAL).build(), "3", null, "104.5");
        assertThat(p.worstCases()).extracting(WorstCase::direction)
                .containsExactly(WorstCase.Direction.LONG, WorstCase.Direction.SHORT);
        assertThat(p.worstCases().get(0).averageEntry()).isEqualByComparingTo("103"); // 104, 103, 102
        assertThat(p.worstCases().get(1).averageEntry()).isEqualByComparingTo("107"); // 106, 107, 108
        assertThat(p.worstCases()).extracting(WorstCase::liquidation).allMatch(l -> l instanceof Liquidation.Unknown);
    }

    @Test
    void withAPriceTheBandEdgesAndStopLinesAreMeasuredFromIt() {
        GridPreview p = preview(Configs.small(GridMode.LONG).build(), "1", ONE_TIER, "105");
        assertThat(p.distances()).extracting(Distance::mark).containsExactly(Distance.Mark.LOWER_STOP,
                Distance.Mark.LOWER_EDGE, Distance.Mark.UPPER_EDGE, Distance.Mark.UPPER_STOP);
        assertThat(p.distances().get(0).target()).isEqualByComparingTo("95"); // 100 * (1 - 5 %)
        assertThat(p.distances().get(0).amount()).isEqualByComparingTo("-10");
        assertThat(r(p.distances().get(0).percent(), 4)).isEqualTo("-9.5238");
        assertThat(p.distances().get(3).target()).isEqualByComparingTo("115.5");
        assertThat(p.distances().get(2).amount()).isEqualByComparingTo("5");
        // a long at leverage 1 is fully paid for: no fall liquidates it
        assertThat(p.worstCases().get(0).liquidation()).isInstanceOf(Liquidation.Never.class);
    }

    @Test
    void geometricSpacingShowsItsRatioAsAPercent() {
        GridConfig config = Configs.small(GridMode.LONG).spacing(new Spacing.Geometric())
                .band(new BigDecimal("100"), new BigDecimal("400")).levels(5).build();
        GridPreview p = preview(config, "2", ONE_TIER, null);
        assertThat(p.step()).isInstanceOfSatisfying(Step.Ratio.class, s -> {
            assertThat(r(s.ratio(), 6)).isEqualTo("1.414214");
            assertThat(r(s.percent(), 4)).isEqualTo("41.4214");
        });
    }

    @Test
    void percentageSpacingWithoutACentreNeedsThePrice() {
        GridConfig config = Configs.small(GridMode.LONG).spacing(new Spacing.Percentage(BigDecimal.ONE, null)).build();
        PreviewRequest noPrice = new PreviewRequest(config, BigDecimal.ONE, null, null);
        assertThat(GridPreviews.missing(noPrice)).hasValueSatisfying(m -> assertThat(m).contains("centre price"));
        assertThatThrownBy(() -> GridPreviews.of(noPrice)).isInstanceOf(IllegalArgumentException.class);
        GridPreview p = GridPreviews.of(new PreviewRequest(config, BigDecimal.ONE, null, new BigDecimal("100")));
        assertThat(p.lines().get(5)).isEqualByComparingTo("100");
        assertThat(p.step()).isInstanceOfSatisfying(Step.Price.class, s -> assertThat(s.amount()).isEqualByComparingTo("1"));
    }

    @Test
    void aLeverageBelowOneOrANonPositivePriceIsRefusedNamingIt() {
        GridConfig config = Configs.small(GridMode.LONG).build();
        assertThatThrownBy(() -> new PreviewRequest(config, new BigDecimal("0.5"), null, null))
                .hasMessageContaining("leverage");
        assertThatThrownBy(() -> new PreviewRequest(config, BigDecimal.ONE, null, BigDecimal.ZERO))
                .hasMessageContaining("price");
    }

    @Test
    void marginTablesMustCoverEveryNotionalAndPickTheBracketOfTheNotional() {
        assertThat(ONE_TIER.tierFor(new BigDecimal("49999.9")).rate()).isEqualByComparingTo("0.004");
        assertThat(ONE_TIER.tierFor(new BigDecimal("50000")).rate()).isEqualByComparingTo("0.005");
        assertThatThrownBy(() -> new MarginTable(List.of(new MarginTier(BigDecimal.ONE, null, new BigDecimal("0.01"),
                BigDecimal.ZERO)), "x")).hasMessageContaining("start");
        assertThatThrownBy(() -> new MarginTable(List.of(
                new MarginTier(BigDecimal.ZERO, BigDecimal.TEN, new BigDecimal("0.01"), BigDecimal.ZERO),
                new MarginTier(BigDecimal.ONE, null, new BigDecimal("0.01"), BigDecimal.ZERO)), "x"))
                .hasMessageContaining("where tier");
        assertThatThrownBy(() -> new MarginTable(List.of(
                new MarginTier(BigDecimal.ZERO, BigDecimal.TEN, new BigDecimal("0.01"), BigDecimal.ZERO),
                new MarginTier(BigDecimal.TEN, null, new BigDecimal("0.02"), BigDecimal.ZERO)), "x"))
                .hasMessageContaining("jumps between tiers 1 and 2");
        assertThatThrownBy(() -> new MarginTier(BigDecimal.ZERO, null, BigDecimal.ONE, BigDecimal.ZERO))
                .hasMessageContaining("fraction");
        assertThatThrownBy(() -> new MarginTier(BigDecimal.TEN, BigDecimal.ONE, new BigDecimal("0.1"), BigDecimal.ZERO))
                .hasMessageContaining("cap");
    }
}
