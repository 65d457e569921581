package io.gridbot.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.spacing.Spacing;
import io.gridbot.core.testing.Configs;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridConfigValidationTest {

    private static List<String> fields(GridConfig config) {
        return config.validate().stream().map(ConfigViolation::field).toList();
    }

    @Test
    void theWorkedExampleIsValid() {
        assertThat(Configs.workedExample().build().validate()).isEmpty();
    }

    @Test
    void AC1_4_bandMustBePositiveAndOrdered() {
        assertThat(fields(Configs.workedExample().band(new BigDecimal("-1"), new BigDecimal("65000")).build()))
                .contains("lowerPrice");
        assertThat(fields(Configs.workedExample().band(new BigDecimal("65000"), new BigDecimal("60000")).build()))
                .containsExactly("upperPrice");
        assertThat(fields(Configs.workedExample().band(null, null).build())).contains("lowerPrice", "upperPrice");
    }

    @Test
    void AC1_4_atLeastFiveLevels() {
        List<ConfigViolation> violations = Configs.workedExample().levels(4).build().validate();
        assertThat(violations).extracting(ConfigViolation::field).containsExactly("levels");
        assertThat(violations.get(0).reason()).contains("at least 5");
    }

    @Test
    void AC1_4_orderSizeMustSitOnTheStepAndAboveTheMinimums() {
        assertThat(Configs.workedExample().orderQty(new BigDecimal("0.0105")).build().validate())
                .anySatisfy(v -> assertThat(v.toString()).contains("orderQty").contains("step 0.001"));
        SymbolRules strict = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
                new BigDecimal("0.001"), new BigDecimal("1000"), 200);
        GridConfig config = GridConfig.builder("n", strict).band(new BigDecimal("60000"), new BigDecimal("65000"))
                .levels(20).orderQty(new BigDecimal("0.010")).build();
        assertThat(config.validate()).anySatisfy(v -> assertThat(v.reason()).contains("minimum notional"));
    }

    @Test
    void aGridNeedingMoreOpenOrdersThanTheVenueAllowsIsRejected() {
        GridConfig config = Configs.workedExample().band(new BigDecimal("10000"), new BigDecimal("90000")).levels(202)
                .build();
        assertThat(config.validate()).anySatisfy(v -> assertThat(v.reason()).contains("cap of 200"));
    }

    @Test
    void aSpacingThatCannotPayTheFeesIsRejected() {
        GridConfig config = Configs.workedExample().band(new BigDecimal("60000"), new BigDecimal("60100")).levels(50)
                .build();
        assertThat(config.validate()).anySatisfy(v -> assertThat(v.reason()).contains("maker fees"));
        GridConfig pct = Configs.workedExample().spacing(new Spacing.Percentage(new BigDecimal("0.03"), null)).build();
        assertThat(fields(pct)).contains("spacingPct");
    }

    @Test
    void everyViolationIsReportedAtOnceWithItsField() {
        GridConfig config = GridConfig.builder("bad name!", Configs.btcRules()).levels(2).orderQty(BigDecimal.ZERO)
                .refreshIntervalMs(100).stopLossBufferPct(new BigDecimal("-1")).build();
        assertThat(fields(config)).contains("name", "lowerPrice", "upperPrice", "levels", "orderQty",
                "stopLossBufferPct", "refreshIntervalMs");
        assertThatThrownBy(config::requireValid).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("refreshIntervalMs: must be at least 500 ms");
    }

    @Test
    void maxPositionBelowOneOrderIsRejectedAndAMissingOneDefaultsToTheWholeGrid() {
        assertThat(fields(Configs.workedExample().maxPosition(new BigDecimal("0.001")).build())).contains("maxPosition");
        assertThat(Configs.workedExample().maxPosition(null).build().maxPosition()).isEqualByComparingTo("0.190");
    }

    @Test
    void hedgeModeIsAcceptedForEveryModeWithItsProtectiveStops() { // issue 16: a neutral grid keeps one stop per leg
        assertThat(fields(Configs.workedExample().positionMode(PositionMode.HEDGE).build())).isEmpty();
        assertThat(fields(Configs.workedExample().mode(GridMode.LONG).positionMode(PositionMode.HEDGE)
                .protectiveStop(true).build())).isEmpty();
        assertThat(fields(Configs.workedExample().mode(GridMode.NEUTRAL).positionMode(PositionMode.HEDGE)
                .protectiveStop(true).build())).isEmpty();
    }
}
