package io.gridbot.runner.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.exchange.binance.data.BinanceDataFile;
import io.gridbot.exchange.replay.PriceSeries;
import io.gridbot.exchange.replay.SyntheticSeries;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.runner.venue.SimulatedVenue;
import java.math.BigDecimal;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A replay leaves out the minutely comparison of the grid with the simulator, which is most of a replay's work
 * when candles are a minute apart: the simulator's streams deliver every change in order, so the comparison can
 * find nothing. These replays hold that: run with the comparison, they find no difference, and without it they
 * trade exactly the same.
 */
class ReplayVenueCheckTest {

    private static final SymbolRules BTC = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);

    @Test
    void aReplayWithoutTheMinutelyVenueCheckTradesExactlyAsOneWithItOnTheShippedSeries() throws Exception {
        GridConfig grid = GridConfig.builder("shipped", BTC).mode(GridMode.NEUTRAL)
                .band(new BigDecimal("25000"), new BigDecimal("28000")).levels(40).orderQty(new BigDecimal("0.010"))
                .maxPosition(new BigDecimal("0.100")).stopLossBufferPct(new BigDecimal("5")).build();
        assertSameTrading(grid, () -> BinanceDataFile.open(SimulatedVenue.series(), BinanceDataFile.Kind.KLINES, "builtin"));
    }

    @Test
    void aReplayWithoutTheMinutelyVenueCheckTradesExactlyAsOneWithItOnARangingPath() throws Exception {
        GridConfig grid = GridConfig.builder("ranging", BTC).mode(GridMode.NEUTRAL)
                .band(new BigDecimal("25000"), new BigDecimal("34900")).levels(100).orderQty(new BigDecimal("0.010"))
                .maxPosition(new BigDecimal("0.300")).stopLossBufferPct(new BigDecimal("20")).build();
        assertSameTrading(grid, () -> new SyntheticSeries(new SyntheticSeries.Spec(SyntheticSeries.Shape.MEAN_REVERTING,
                7, new BigDecimal("30000.0"), new BigDecimal("0.1"), 300, 200_000, 15_000, 1_672_531_200_000L,
                new BigDecimal("5"), 0, 0)));
    }

    private static void assertSameTrading(GridConfig grid, Supplier<PriceSeries> series) throws Exception {
        SimSettings venue = SimSettings.defaults().withInitialBalance(new BigDecimal("1000000"));
        ReplaySession.Result checked = new ReplaySession(grid, venue).checkingTheVenue()
                .run(series.get(), Long.MAX_VALUE, (n, t) -> { });
        ReplaySession.Result unchecked = new ReplaySession(grid, venue).run(series.get(), Long.MAX_VALUE, (n, t) -> { });

        assertThat(checked.journal().fills()).hasSizeGreaterThan(100);
        assertThat(checked.view().driftsFound()).isZero();
        assertThat(unchecked.journal().fills()).isEqualTo(checked.journal().fills());
        assertThat(unchecked.journal().orders()).isEqualTo(checked.journal().orders());
        assertThat(unchecked.statistics()).isEqualTo(checked.statistics());
        assertThat(unchecked.view().levels()).isEqualTo(checked.view().levels());
    }
}
