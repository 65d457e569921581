package io.gridbot.runner.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.Fill;
import io.gridbot.exchange.binance.data.BinanceDataFile;
import io.gridbot.exchange.sim.SimSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 15: a replay charges the grid's configured maker fee, not a constant of the simulator. */
class ReplayFeesTest {

    private static final SymbolRules LINK = new SymbolRules("LINKUSDT", new BigDecimal("0.001"), new BigDecimal("0.01"),
            new BigDecimal("0.01"), new BigDecimal("5"), 200);

    private static ReplaySession.Result replay(String makerFeeRate) throws Exception {
        GridConfig config = GridConfig.builder("link", LINK).mode(GridMode.NEUTRAL)
                .band(new BigDecimal("6.700"), new BigDecimal("7.400")).levels(36).orderQty(new BigDecimal("1.00"))
                .maxPosition(new BigDecimal("8.00")).stopLossBufferPct(new BigDecimal("3"))
                .makerFeeRate(new BigDecimal(makerFeeRate)).build();
        return new ReplaySession(config, SimSettings.defaults()).run(BinanceDataFile.open(
                ReplayFeesTest.class.getResourceAsStream("/io/gridbot/exchange/binance/data/LINKUSDT-1m-2023-02-first3000.csv.gz"),
                BinanceDataFile.Kind.KLINES, "LINK"), 1_000, (n, t) -> { });
    }

    private static boolean chargedAt(Fill f, String rate) {
        return f.fee().compareTo(f.price().multiply(f.qty()).multiply(new BigDecimal(rate))
                .setScale(8, RoundingMode.HALF_UP)) == 0;
    }

    private static BigDecimal makerFees(List<Fill> fills, String rate) {
        return fills.stream().filter(f -> chargedAt(f, rate)).map(Fill::fee).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void aReplayWithMakerFeeRate00001ChargesHalfTheMakerFeesOfOneWith00002OnTheSameSeries() throws Exception {
        ReplaySession.Result cheap = replay("0.0001");
        ReplaySession.Result dear = replay("0.0002");

        List<Fill> a = cheap.journal().fills();
        List<Fill> b = dear.journal().fills();
        assertThat(a).hasSameSizeAs(b).hasSizeGreaterThan(50);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).price()).isEqualByComparingTo(b.get(i).price());
            assertThat(a.get(i).qty()).isEqualByComparingTo(b.get(i).qty());
        }
        long makerFills = b.stream().filter(f -> chargedAt(f, "0.0002")).count();
        assertThat(makerFills).isGreaterThan(50);
        assertThat(a.stream().filter(f -> chargedAt(f, "0.0001")).count()).isEqualTo(makerFills);
        BigDecimal half = makerFees(a, "0.0001");
        assertThat(half.multiply(BigDecimal.valueOf(2)).subtract(makerFees(b, "0.0002")).abs())
                .as("twice the cheap maker fees, to the rounding of each fee to 8 decimals")
                .isLessThanOrEqualTo(new BigDecimal("0.00000001").multiply(BigDecimal.valueOf(makerFills)));
        assertThat(dear.statistics().fees().subtract(cheap.statistics().fees()))
                .isEqualByComparingTo(makerFees(b, "0.0002").subtract(half));
        assertThat(cheap.venue().makerFeeRate()).isEqualByComparingTo("0.0001");
        assertThat(cheap.venue().takerFeeRate()).isEqualByComparingTo("0.0005");
    }
}
