package io.gridbot.exchange.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.market.SymbolRules;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Synthetic series and the replay's pacing (they were in BinanceDataFileTest before that reader moved to grid-exchange-binance). */
class MarketReplayTest {

    private static List<MarketTrade> all(PriceSeries series) {
        List<MarketTrade> out = new ArrayList<>();
        series.forEachRemaining(out::add);
        series.close();
        return out;
    }

    @Test
    void syntheticSeriesAreDeterministicAndOnTheTick() {
        SyntheticSeries.Spec spec = new SyntheticSeries.Spec(SyntheticSeries.Shape.GAP, 7, new BigDecimal("100.0"),
                new BigDecimal("0.1"), 3, 1_000, 1_000, 0, null, -200, 500);

        List<MarketTrade> a = all(new SyntheticSeries(spec));
        List<MarketTrade> b = all(new SyntheticSeries(spec));

        assertThat(a).isEqualTo(b).hasSize(1_000);
        assertThat(a).allMatch(t -> t.price().remainder(new BigDecimal("0.1")).signum() == 0);
        assertThat(a.get(500).price().subtract(a.get(499).price()).abs()).isGreaterThanOrEqualTo(new BigDecimal("19.7"));
        for (SyntheticSeries.Shape shape : SyntheticSeries.Shape.values()) {
            assertThat(all(new SyntheticSeries(new SyntheticSeries.Spec(shape, 1, new BigDecimal("100.0"),
                    new BigDecimal("0.1"), 5, 100, 1_000, 0, BigDecimal.ONE, 1, 50)))).hasSize(100);
        }
    }

    @Test
    void realTimeReplayPacesThroughTheSleeper() throws Exception {
        SimulatedExchange sim = new SimulatedExchange(new SimClock(0), SimSettings.defaults())
                .list(new SymbolRules("X", new BigDecimal("0.1"), BigDecimal.ONE, BigDecimal.ONE,
                        BigDecimal.ZERO, 200), new BigDecimal("100.0"));
        List<Long> slept = new ArrayList<>();
        SyntheticSeries series = new SyntheticSeries(new SyntheticSeries.Spec(SyntheticSeries.Shape.RANDOM_WALK, 1,
                new BigDecimal("100.0"), new BigDecimal("0.1"), 2, 4, 1_000, 0, null, 0, 0));

        long played = new MarketReplay(sim, "X", 10, slept::add).play(series, t -> { });

        assertThat(played).isEqualTo(4);
        assertThat(slept).containsExactly(100L, 100L, 100L);
    }
}
