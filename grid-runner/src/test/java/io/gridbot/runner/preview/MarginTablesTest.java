package io.gridbot.runner.preview;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.preview.MarginTable;
import io.gridbot.exchange.sim.MarginRules;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 19: the maintenance-margin table shipped with the runner. */
class MarginTablesTest {

    @Test
    void theShippedTableHasBinanceBybitAndTheSimulatedVenuesBtcusdtAndNothingItCouldNotConfirm() {
        MarginTables shipped = MarginTables.shipped();
        assertThat(shipped.find("binance", "BTCUSDT")).isPresent();
        assertThat(shipped.find("Binance", "btcusdt")).as("venue and symbol in any case").isPresent();
        assertThat(shipped.find("bybit", "BTCUSDT")).hasValueSatisfying(t -> {
            assertThat(t.tiers()).hasSize(20);
            assertThat(t.tierFor(new BigDecimal("2500000")).rate()).isEqualByComparingTo("0.0056");
            assertThat(t.source()).contains("Bybit", "December 2026");
        });
        assertThat(shipped.find("simulated", "BTCUSDT")).isPresent();
        assertThat(shipped.find("binance", "ETHUSDT")).isEmpty();
        assertThat(shipped.find("okx", "BTC-USDT-SWAP")).isEmpty();
    }

    @Test
    void theSimulatedVenuesBracketsAreTheOnesItsSimulatorLiquidatesWith() {
        MarginTable table = MarginTables.shipped().find("simulated", "BTCUSDT").orElseThrow();
        List<io.gridbot.exchange.sim.MarginTier> simulator = MarginRules.binanceBtcUsdt().tiers();
        assertThat(table.tiers()).hasSameSizeAs(simulator);
        for (int i = 0; i < simulator.size(); i++) {
            io.gridbot.core.preview.MarginTier shipped = table.tiers().get(i);
            assertThat(shipped.floor()).isEqualByComparingTo(simulator.get(i).floor());
            assertThat(shipped.rate()).isEqualByComparingTo(simulator.get(i).maintenanceRate());
            assertThat(shipped.amount()).isEqualByComparingTo(simulator.get(i).maintenanceAmount());
        }
    }
}
