package io.gridbot.core.preview;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.spacing.Spacing;
import java.math.BigDecimal;
import java.math.MathContext;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the preview over many valid grids. */
class GridPreviewProperties {

    private static final MathContext MC = MathContext.DECIMAL64;

    private static GridConfig config(GridMode mode, boolean geometric, int lower, int width, int levels, int qtyUnits,
            int capUnits, int feeMillionths) {
        SymbolRules rules = new SymbolRules("TESTUSDT", new BigDecimal("0.01"), new BigDecimal("0.001"),
                new BigDecimal("0.001"), BigDecimal.ZERO, 200);
        BigDecimal qty = new BigDecimal(qtyUnits).movePointLeft(3);
        return GridConfig.builder("p", rules).mode(mode)
                .spacing(geometric ? new Spacing.Geometric() : new Spacing.Arithmetic())
                .band(BigDecimal.valueOf(lower), BigDecimal.valueOf(lower + width)).levels(levels).orderQty(qty)
                .maxPosition(qty.multiply(BigDecimal.valueOf(capUnits)))
                .makerFeeRate(new BigDecimal(feeMillionths).movePointLeft(6)).build();
    }

    @Property(tries = 200)
    void profitAfterFeesIsBelowTheGrossStepAndTheWorstCaseNeverExceedsTheCap(@ForAll GridMode mode,
            @ForAll boolean geometric, @ForAll @IntRange(min = 10, max = 50_000) int lower,
            @ForAll @IntRange(min = 10, max = 20_000) int width, @ForAll @IntRange(min = 5, max = 60) int levels,
            @ForAll @IntRange(min = 1, max = 500) int qtyUnits, @ForAll @IntRange(min = 1, max = 80) int capUnits,
            @ForAll @IntRange(min = 0, max = 500) int feeMillionths, @ForAll @IntRange(min = 1, max = 125) int leverage) {
        GridConfig c = config(mode, geometric, lower, width, levels, qtyUnits, capUnits, feeMillionths);
        Assume.that(c.validate().isEmpty());
        GridPreview p = GridPreviews.of(new PreviewRequest(c, BigDecimal.valueOf(leverage), GridPreviewTest.ONE_TIER,
                null));

        BigDecimal grossLow = null;
        BigDecimal grossHigh = null;
        for (int i = 1; i < p.lines().size(); i++) {
            BigDecimal lo = p.lines().get(i - 1);
            BigDecimal gross = p.lines().get(i).subtract(lo).multiply(BigDecimal.valueOf(100)).divide(lo, MC);
            grossLow = grossLow == null ? gross : grossLow.min(gross);
            grossHigh = grossHigh == null ? gross : grossHigh.max(gross);
        }
        if (feeMillionths > 0) {
            assertThat(p.profit().highPercent()).isLessThan(grossHigh);
            assertThat(p.profit().lowPercent()).isLessThan(grossLow);
        }
        assertThat(p.profit().lowPercent()).isPositive(); // a valid grid pays its fees
        for (WorstCase w : p.worstCases()) {
            assertThat(w.quantity()).isLessThanOrEqualTo(c.maxPosition());
            assertThat(w.quantity()).isEqualByComparingTo(c.orderQty().multiply(BigDecimal.valueOf(w.entries())));
            assertThat(w.averageEntry()).isBetween(p.lines().get(0), p.lines().get(p.lines().size() - 1));
            if (w.liquidation() instanceof Liquidation.At at) {
                if (w.direction() == WorstCase.Direction.LONG) {
                    assertThat(at.price()).isLessThan(w.averageEntry());
                } else {
                    assertThat(at.price()).isGreaterThan(w.averageEntry());
                }
            } else {
                assertThat(w.liquidation()).isInstanceOf(Liquidation.Never.class);
                assertThat(w.direction()).isEqualTo(WorstCase.Direction.LONG);
            }
        }
    }

    @Property(tries = 100)
    void moreLeverageBringsTheLiquidationCloserToTheEntry(@ForAll boolean isLong,
            @ForAll @IntRange(min = 1, max = 60) int leverage) {
        GridConfig c = config(isLong ? GridMode.LONG : GridMode.SHORT, false, 1000, 500, 11, 100, 10, 200);
        WorstCase lower = GridPreviews.of(new PreviewRequest(c, BigDecimal.valueOf(leverage), GridPreviewTest.ONE_TIER,
                null)).worstCases().get(0);
        WorstCase higher = GridPreviews.of(new PreviewRequest(c, BigDecimal.valueOf(leverage + 1L),
                GridPreviewTest.ONE_TIER, null)).worstCases().get(0);
        assertThat(higher.initialMargin()).isLessThan(lower.initialMargin());
        if (higher.liquidation() instanceof Liquidation.At h && lower.liquidation() instanceof Liquidation.At l) {
            BigDecimal near = h.price().subtract(higher.averageEntry()).abs();
            assertThat(near).isLessThan(l.price().subtract(lower.averageEntry()).abs());
        }
    }
}
