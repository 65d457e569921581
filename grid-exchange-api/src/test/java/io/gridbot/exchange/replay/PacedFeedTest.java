package io.gridbot.exchange.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.core.market.SymbolRules;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.exchange.stream.TickerEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live feed's pacing, driven with a virtual clock: nothing sleeps. */
class PacedFeedTest {

    private final SimulatedExchange sim = new SimulatedExchange(new SimClock(0), SimSettings.defaults())
            .list(new SymbolRules("X", new BigDecimal("0.1"), BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, 200),
                    new BigDecimal("100.0"));
    private final List<TickerEvent> tickers = new ArrayList<>();
    private int opened;

    {
        sim.watchTicker("X", tickers::add);
    }

    private PriceSeries recorded(long... atMs) {
        opened++;
        Iterator<MarketTrade> trades = java.util.Arrays.stream(atMs)
                .mapToObj(t -> new MarketTrade(t, BigDecimal.valueOf(1_000 + t / 1_000, 1), null)).iterator();
        return new PriceSeries() {
            @Override
            public boolean hasNext() {
                return trades.hasNext();
            }

            @Override
            public MarketTrade next() {
                return trades.next();
            }
        };
    }

    @Test
    void eachTradeIsStampedWithTheGivenTimeAndTheRecordedGapsComeBackCompressed() {
        PacedFeed feed = new PacedFeed(sim, "X", () -> recorded(0, 60_000, 60_000, 60_010, 180_000), 60);
        List<Long> pauses = new ArrayList<>();
        long now = 1_700_000_000_000L;
        for (int i = 0; i < 5; i++) {
            long pause = feed.playNext(now);
            pauses.add(pause);
            now += pause;
        }

        // 60 s at 60x is 1 s; the same time again is no wait; 10 ms at 60x rounds to 0, and the floor is 1 ms
        assertThat(pauses).containsExactly(1_000L, 0L, 1L, 2_000L, 0L);
        assertThat(tickers).extracting(TickerEvent::atMs).containsExactly(1_700_000_000_000L, 1_700_000_001_000L,
                1_700_000_001_000L, 1_700_000_001_001L, 1_700_000_003_001L);
        assertThat(tickers).extracting(t -> t.last().toPlainString()).containsExactly("100.0", "106.0", "106.0", "106.0",
                "118.0");
    }

    @Test
    void theSeriesStartsOverWhenItEnds() {
        PacedFeed feed = new PacedFeed(sim, "X", () -> recorded(0, 30_000), 1);

        assertThat(feed.playNext(0)).isEqualTo(30_000);
        assertThat(feed.playNext(30_000)).isZero(); // the end: the next trade is the first one again, at once
        assertThat(feed.playNext(30_000)).isEqualTo(30_000);
        feed.close();

        assertThat(opened).isEqualTo(2);
        assertThat(tickers).extracting(t -> t.last().toPlainString()).containsExactly("100.0", "103.0", "100.0");
    }

    @Test
    void anEmptySeriesIsRefusedRatherThanReopenedForever() {
        PacedFeed feed = new PacedFeed(sim, "X", () -> recorded(), 1);

        assertThatThrownBy(() -> feed.playNext(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new PacedFeed(sim, "X", () -> recorded(0), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
