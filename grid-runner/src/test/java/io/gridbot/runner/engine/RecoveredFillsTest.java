package io.gridbot.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.level.Level;
import io.gridbot.core.machine.GridMachine;
import io.gridbot.core.machine.GridView;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.exchange.TradeRecord;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, restarts lose nothing: a fill made while no process listened is booked from the venue's trade
 * history by the core, with its kind, line, fee and realized PnL, as if it had arrived live.
 */
class RecoveredFillsTest {

    private static final SymbolRules BTC = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);
    private static final GridConfig CONFIG = GridConfig.builder("recover", BTC).mode(GridMode.SHORT)
            .band(new BigDecimal("25000"), new BigDecimal("27000")).levels(21).orderQty(new BigDecimal("0.010"))
            .maxPosition(new BigDecimal("0.050")).stopLossBufferPct(new BigDecimal("5")).build();

    private final SimClock clock = new SimClock(1_700_000_000_000L);
    private final SimulatedExchange venue = new SimulatedExchange(clock, SimSettings.defaults())
            .list(BTC, new BigDecimal("26050.0"));

    private void trade(String price, GridEngine engine) {
        clock.advanceTo(clock.nowMs() + 1_000);
        venue.trade("BTCUSDT", new BigDecimal(price), null, clock.nowMs());
        if (engine != null) {
            for (int i = 0; i < 5; i++) {
                engine.pump();
            }
        }
    }

    @Test
    void anExitThatFilledWhileNoProcessListenedIsBookedWithItsRealizedPnlAndFee() throws Exception {
        assertRecovered(true);
    }

    @Test
    void withTheSavedLevelsLostTheExitIsMeasuredFromItsLine() throws Exception {
        assertRecovered(false);
    }

    private void assertRecovered(boolean levelsSaved) throws Exception {
        MemoryJournal before = new MemoryJournal();
        GridEngine first = new GridEngine(GridMachine.create(CONFIG), venue, Runnable::run, clock::nowMs, before).attach();
        first.control(Control.START);
        trade("26050.0", first);
        trade("26150.0", first); // the sell entry at 26,100 fills; its exit rests at 26,000
        assertThat(first.view().position()).isEqualByComparingTo("-0.010");
        GridView saved = first.view();
        first.close(); // killed: nobody listens any more

        trade("25950.0", null); // the exit fills while the grid is down
        TradeRecord exit = venue.trades("BTCUSDT", 0).stream()
                .filter(t -> ClientOrderId.parse(t.clientOrderId()).orElseThrow().kind() == ClientOrderId.Kind.EXIT)
                .findFirst().orElseThrow();

        MemoryJournal after = new MemoryJournal();
        List<Level> levels = levelsSaved ? saved.levels() : List.of();
        GridEngine second = new GridEngine(GridMachine.restore(CONFIG, saved.ladder(), levels), venue, Runnable::run,
                clock::nowMs, after).recoverFillsSince(0).attach();
        second.control(Control.START);
        trade("25950.0", second);

        Fill booked = after.fills().stream().filter(f -> f.tradeId().equals(exit.tradeId())).findFirst().orElseThrow();
        assertThat(booked.kind()).isEqualTo(ClientOrderId.Kind.EXIT);
        assertThat(booked.line()).isEqualTo(ClientOrderId.parse(exit.clientOrderId()).orElseThrow().line());
        assertThat(booked.price()).isEqualByComparingTo(exit.price());
        assertThat(booked.qty()).isEqualByComparingTo("0.010");
        assertThat(booked.fee()).isEqualByComparingTo(exit.fee());
        // Short 0.010 at 26,100, bought back at the exit's price.
        assertThat(booked.realizedPnl()).isEqualByComparingTo(new BigDecimal("26100").subtract(exit.price())
                .multiply(new BigDecimal("0.010")));
        assertThat(booked.realizedPnl()).isPositive();
        second.close();
    }
}
