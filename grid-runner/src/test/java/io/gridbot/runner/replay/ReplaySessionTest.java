package io.gridbot.runner.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.exchange.replay.MarketTrade;
import io.gridbot.exchange.replay.PriceSeries;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.runner.demo.DemoCommand;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplaySessionTest {

    private static final long T0 = 1_693_018_800_000L;

    private static PriceSeries series(List<MarketTrade> trades) {
        Iterator<MarketTrade> it = trades.iterator();
        return new PriceSeries() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public MarketTrade next() {
                return it.next();
            }
        };
    }

    private static MarketTrade trade(long atMs, String price) {
        return new MarketTrade(atMs, new BigDecimal(price), BigDecimal.ONE);
    }

    /**
     * Issue 15: the statistics ended at the file's last row, so when it was not the latest, the fills after it
     * were dropped. The replay ends at the latest time seen.
     */
    @Test
    void fillsAfterAnOutOfOrderLastRowAreCountedTheReplayEndsAtTheLatestTimeSeen() throws Exception {
        GridConfig grid = DemoCommand.demoGrid();
        List<MarketTrade> trades = List.of(trade(T0, "26000"), trade(T0 + 60_000, "26020"),
                trade(T0 + 120_000, "26300"), // the short entries up to 26,300 fill here
                trade(T0 + 90_000, "26290")); // the last row, older than the one before it

        ReplaySession.Result r = new ReplaySession(grid, SimSettings.defaults()).run(series(trades), 1_000, (n, at) -> { });

        assertThat(r.journal().fills()).isNotEmpty().allMatch(f -> f.atMs() == T0 + 120_000);
        assertThat(r.lastMs()).isEqualTo(T0 + 120_000);
        assertThat(r.statistics().toMs()).isEqualTo(T0 + 120_000);
        assertThat(r.statistics().totalTrades()).isEqualTo(r.journal().fills().size());
        assertThat(r.statistics().currentPosition()).isNegative();
    }

    private static ReplaySession.Result plateau(String at90) throws InterruptedException {
        java.util.ArrayList<MarketTrade> trades = new java.util.ArrayList<>();
        trades.add(trade(T0, "26000"));
        for (int i = 1; i < 200; i++) {
            // short entries fill on the way to 26,120; at the 90th trade, between the old every-60th samples, one
            // trade short of the next line at 26,150
            trades.add(trade(T0 + i * 1_000L, i == 90 ? at90 : "26120"));
        }
        return new ReplaySession(DemoCommand.demoGrid(), SimSettings.defaults()).run(series(trades), 1_000, (n, at) -> { });
    }

    /** Issue 15: every trade's price reaches the statistics, through the few marks the replay keeps. */
    @Test
    void theMaxDrawdownSeesASpikeBetweenTheOldSixtiethTradeSamples() throws Exception {
        ReplaySession.Result flat = plateau("26120");
        ReplaySession.Result spike = plateau("26145");

        BigDecimal position = spike.statistics().currentPosition();
        assertThat(position).isNegative().isEqualByComparingTo(flat.statistics().currentPosition());
        assertThat(spike.statistics().maxDrawdown().subtract(flat.statistics().maxDrawdown()))
                .isEqualByComparingTo(position.abs().multiply(new BigDecimal("25")));
        assertThat(spike.marks()).hasSizeLessThanOrEqualTo(5);
    }
}
