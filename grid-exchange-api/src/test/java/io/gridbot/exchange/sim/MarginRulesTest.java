package io.gridbot.exchange.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Issue 15: the maintenance-margin brackets and the liquidation price. */
class MarginRulesTest {

    private final MarginRules btc = MarginRules.binanceBtcUsdt();

    @Test
    void theBinanceBtcUsdtTableIsTheDocumentedOne() {
        assertThat(btc.tiers()).hasSize(10);
        assertThat(btc.tiers()).extracting(MarginTier::maxLeverage).containsExactly(125, 100, 50, 20, 10, 5, 4, 3, 2, 1);
        assertThat(btc.tiers().get(1).maintenanceRate()).isEqualByComparingTo("0.005");
        assertThat(btc.tiers().get(1).maintenanceAmount()).isEqualByComparingTo("50");
        assertThat(btc.liquidationFeeRate()).isEqualByComparingTo("0.0125");
    }

    @ParameterizedTest(name = "notional {0} needs {1}")
    @CsvSource({"0, 0", "40000, 160", "-40000, 160", "50000, 200", "100000, 450", "500000, 2450", "1000000, 7450",
            "10000000, 127450", "400000000, 94127450"})
    void theMaintenanceMarginFollowsTheBracketOfTheNotional(String notional, String margin) {
        assertThat(btc.maintenanceMargin(new BigDecimal(notional))).isEqualByComparingTo(margin);
    }

    @Test
    void aTableWhoseMarginJumpsWhereTwoBracketsMeetIsRefused() {
        List<MarginTier> jumping = List.of(new MarginTier(BigDecimal.ZERO, new BigDecimal("50000"), 125,
                new BigDecimal("0.004"), BigDecimal.ZERO), new MarginTier(new BigDecimal("50000"), null, 100,
                new BigDecimal("0.005"), BigDecimal.ZERO));

        assertThatThrownBy(() -> new MarginRules(jumping, new BigDecimal("0.0125")))
                .hasMessageContaining("jumps between tiers 1 and 2 at 50000");
    }

    @Test
    void aTableWithAHoleIsRefused() {
        List<MarginTier> hole = List.of(new MarginTier(BigDecimal.ZERO, new BigDecimal("50000"), 125,
                new BigDecimal("0.004"), BigDecimal.ZERO), new MarginTier(new BigDecimal("60000"), null, 100,
                new BigDecimal("0.005"), new BigDecimal("50")));

        assertThatThrownBy(() -> new MarginRules(hole, new BigDecimal("0.0125")))
                .hasMessageContaining("tier 2 must start where tier 1 ends");
    }

    @ParameterizedTest(name = "wallet {0}, position {1} at {2}")
    @CsvSource({"1000, 0.5, 26000", "1000, -0.5, 26000", "250, 0.15, 26000", "100000, 30, 26000", "100000, -30, 26000",
            "5000000, 2000, 26000", "-50, -0.1, 26000"})
    void atTheLiquidationPriceEquityMeetsTheMaintenanceMargin(String wallet, String qty, String entry) {
        BigDecimal w = new BigDecimal(wallet);
        BigDecimal q = new BigDecimal(qty);
        BigDecimal e = new BigDecimal(entry);

        BigDecimal price = btc.liquidationPrice(w, q, e);

        BigDecimal equity = w.add(price.subtract(e).multiply(q));
        BigDecimal maintenance = btc.maintenanceMargin(q.multiply(price));
        assertThat(equity.subtract(maintenance).abs()).isLessThan(new BigDecimal("1e-20"));
        BigDecimal worse = q.signum() > 0 ? price.subtract(BigDecimal.ONE) : price.add(BigDecimal.ONE);
        BigDecimal equityThere = w.add(worse.subtract(e).multiply(q));
        assertThat(equityThere).isLessThan(btc.maintenanceMargin(q.multiply(worse)));
    }

    @Test
    void aLongThatNoPriceCanLiquidateHasNoLiquidationPrice() {
        assertThat(btc.liquidationPrice(new BigDecimal("30000"), BigDecimal.ONE, new BigDecimal("26000"))).isNull();
        assertThat(btc.liquidationPrice(new BigDecimal("30000"), BigDecimal.ZERO, BigDecimal.ZERO)).isNull();
    }

    @Test
    void theLiquidationPriceOfALongIsBinancesFormula() {
        // (0.5 × 26,000 − 993.5) / (0.5 × (1 − 0.004))
        BigDecimal expected = new BigDecimal("12006.5").divide(new BigDecimal("0.498"), MathContext.DECIMAL128);

        assertThat(btc.liquidationPrice(new BigDecimal("993.5"), new BigDecimal("0.5"), new BigDecimal("26000")))
                .isEqualByComparingTo(expected);
    }
}
