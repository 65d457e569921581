package io.gridbot.stats.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.market.SymbolRules;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RoundingTest {

    private final Rounding btc = Rounding.of(new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200));

    /** Issue 15: the replay printed -99.47100000000000000000000000000160. */
    @Test
    void moneyIsWrittenToTheQuoteAssetsPrecisionHalvesToEven() {
        assertThat(btc.money(new BigDecimal("-99.47100000000000000000000000000160"))).isEqualTo("-99.47");
        assertThat(btc.money(new BigDecimal("0.125"))).isEqualTo("0.12");
        assertThat(btc.money(BigDecimal.ZERO)).isEqualTo("0.00");
        assertThat(btc.money(null)).isEqualTo("-");
        assertThat(Rounding.of(new SymbolRules("ETHBTC", new BigDecimal("0.00001"), BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ZERO, 200)).money(new BigDecimal("0.123456789"))).isEqualTo("0.12345679");
    }

    @Test
    void percentagesHaveTwoPlacesQuantitiesTheStepAndPricesTheTick() {
        assertThat(Rounding.percent(new BigDecimal("2.242091"))).isEqualTo("2.24");
        assertThat(btc.quantity(new BigDecimal("0.15"))).isEqualTo("0.150");
        assertThat(btc.quantity(new BigDecimal("0.05485503"))).isEqualTo("0.055");
        assertThat(btc.price(new BigDecimal("26076.0149"))).isEqualTo("26076.0");
    }
}
