package io.gridbot.runner.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.log.LogType;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.Side;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.binance.data.BinanceDataFile;
import io.gridbot.exchange.sim.SimSettings;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Issue 3's proof: real Binance futures prices (LINKUSDT, the first 3,000 minutes of February 2023) replayed
 * through the real core and engine on the simulator, with the spec's invariants checked on every request
 * and on the result.
 */
class RealDataReplayTest {

    private static final SymbolRules LINK = new SymbolRules("LINKUSDT", new BigDecimal("0.001"), new BigDecimal("0.01"),
            new BigDecimal("0.01"), new BigDecimal("5"), 200);

    private static GridConfig.Builder grid(GridMode mode) {
        return GridConfig.builder("link-" + mode.name().toLowerCase(), LINK).mode(mode)
                .band(new BigDecimal("6.700"), new BigDecimal("7.400")).levels(36)
                .orderQty(new BigDecimal("1.00")).maxPosition(new BigDecimal("8.00"))
                .stopLossBufferPct(new BigDecimal("3"));
    }

    private static ReplaySession.Result replay(GridConfig config) throws Exception {
        AtomicReference<CheckingAdapter> checker = new AtomicReference<>();
        ReplaySession session = new ReplaySession(config, SimSettings.defaults(), venue -> {
            checker.set(new CheckingAdapter(venue, config));
            return checker.get();
        });
        ReplaySession.Result result = session.run(BinanceDataFile.open(
                RealDataReplayTest.class.getResourceAsStream("/io/gridbot/exchange/binance/data/LINKUSDT-1m-2023-02-first3000.csv.gz"),
                BinanceDataFile.Kind.KLINES, "LINK"), 1_000, (n, t) -> { });
        assertThat(checker.get().creates()).isPositive();
        return result;
    }

    @Test
    void aNeutralGridTradesRealPricesWithinEveryInvariant() throws Exception {
        GridConfig config = grid(GridMode.NEUTRAL).build();

        ReplaySession.Result r = replay(config);

        assertThat(r.trades()).isEqualTo(12_000);
        assertThat(r.view().status()).isEqualTo(GridStatus.RUNNING);
        assertThat(r.journal().fills()).hasSizeGreaterThan(50);
        assertThat(r.journal().logCounts()).doesNotContainKey(LogType.ERROR);
        BigDecimal position = BigDecimal.ZERO;
        for (Fill f : r.journal().fills()) {
            assertThat(LINK.onTick(f.price())).isTrue();
            assertThat(LINK.onStep(f.qty())).isTrue();
            position = position.add(f.side() == Side.BUY ? f.qty() : f.qty().negate());
            assertThat(position.abs()).as("position never beyond the limit").isLessThanOrEqualTo(config.maxPosition());
        }
        assertThat(r.view().position()).isEqualByComparingTo(position);
        assertThat(r.statistics().currentPosition()).isEqualByComparingTo(position);
    }

    @Test
    void aShortGridIsStoppedOutWhenThePriceLeavesTheBandAndEndsFlat() throws Exception {
        GridConfig config = grid(GridMode.SHORT).band(new BigDecimal("6.700"), new BigDecimal("7.000")).levels(16)
                .stopLossBufferPct(new BigDecimal("1")).build();

        ReplaySession.Result r = replay(config);

        assertThat(r.view().status()).isEqualTo(GridStatus.STOPPED);
        assertThat(r.journal().stopLosses()).hasSize(1);
        assertThat(r.view().position()).isZero();
        assertThat(r.journal().stopLosses().get(0).stopLine()).isEqualByComparingTo("7.07");
    }
}
