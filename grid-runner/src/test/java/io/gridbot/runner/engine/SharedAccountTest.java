package io.gridbot.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.machine.GridMachine;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderOwnership;
import io.gridbot.core.order.Side;
import io.gridbot.core.risk.PositionLegs;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, grids that share an account: two grids on one symbol of one venue account. A grid never adopts,
 * cancels or closes what is another grid's.
 */
class SharedAccountTest {

    private static final SymbolRules BTC = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);

    private final SimClock clock = new SimClock(1_700_000_000_000L);
    private final SimulatedExchange venue = new SimulatedExchange(clock, SimSettings.defaults())
            .list(BTC, new BigDecimal("26050.0"));

    private static GridConfig config(String name) {
        return GridConfig.builder(name, BTC).mode(GridMode.SHORT)
                .band(new BigDecimal("25000"), new BigDecimal("27000")).levels(21).orderQty(new BigDecimal("0.010"))
                .maxPosition(new BigDecimal("0.050")).stopLossBufferPct(new BigDecimal("5")).build();
    }

    private final class Grid {
        final MemoryJournal journal = new MemoryJournal();
        /** What an earlier process of this grid booked: the same ledger, in the database, after a restart. */
        final List<Fill> before = new java.util.ArrayList<>();
        final GridEngine engine;

        Grid(GridMachine machine) {
            engine = new GridEngine(machine, venue, Runnable::run, clock::nowMs, journal)
                    .otherGridsPosition(() -> PositionLegs.oneWay(grids.stream().filter(g -> g != this)
                            .map(Grid::ledger).reduce(BigDecimal.ZERO, BigDecimal::add))).attach();
        }

        Grid start() {
            engine.control(Control.START);
            pumpAll();
            return this;
        }

        String tag() {
            return engine.machine().tag();
        }

        Set<String> restingIds() throws Exception {
            return venue.openOrders("BTCUSDT").stream().map(OpenOrder::clientOrderId)
                    .filter(new OrderOwnership(tag())::ours)
                    .collect(Collectors.toSet());
        }

        BigDecimal ledger() {
            return position(journal.fills()).add(position(before));
        }
    }

    private final java.util.List<Grid> grids = new java.util.ArrayList<>();

    private Grid grid(String name) {
        Grid g = new Grid(GridMachine.create(config(name)));
        grids.add(g);
        return g;
    }

    private void pumpAll() {
        for (int i = 0; i < 5; i++) {
            grids.forEach(g -> g.engine.pump());
        }
    }

    private void trade(String price) {
        clock.advanceTo(clock.nowMs() + 1_000);
        venue.trade("BTCUSDT", new BigDecimal(price), null, clock.nowMs());
        pumpAll();
    }

    private static BigDecimal position(List<Fill> fills) {
        return fills.stream().map(f -> f.side() == Side.BUY ? f.qty() : f.qty().negate())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void aSecondGridOnTheAccountAdoptsNothingOfTheFirstAndItsStopCancelsAndClosesNothingOfTheFirst() throws Exception {
        Grid demo = grid("demo").start();
        trade("26050.0");
        trade("26150.0"); // the demo grid's sell entry at 26,100 fills: short 0.010
        assertThat(demo.engine.view().position()).isEqualByComparingTo("-0.010");
        Set<String> demoOrders = demo.restingIds();
        assertThat(demoOrders).isNotEmpty();

        Grid second = grid("second").start();
        trade("26150.0");
        assertThat(second.engine.view().status()).isEqualTo(GridStatus.RUNNING);
        assertThat(second.engine.view().position()).as("the second grid holds nothing").isEqualByComparingTo("0");
        assertThat(second.engine.view().recentLog()).noneMatch(e -> e.detail().contains("adopts"));

        second.engine.control(Control.STOP);
        pumpAll();
        trade("26150.0");

        assertThat(second.engine.view().status()).isEqualTo(GridStatus.STOPPED);
        assertThat(second.restingIds()).isEmpty();
        assertThat(demo.restingIds()).as("the demo grid's orders are untouched").isEqualTo(demoOrders);
        assertThat(venue.position("BTCUSDT").netQty()).as("the demo grid's position is untouched")
                .isEqualByComparingTo("-0.010");
        assertThat(second.journal.fills()).as("the second grid closed nothing").isEmpty();
        assertThat(demo.journal.errors()).isEmpty();
        assertThat(demo.engine.view().position()).isEqualByComparingTo("-0.010");
    }

    @Test
    void afterARestartTwoGridsOnOneSymbolEachKeepOnlyTheirOwnPositionAndCloseNoMoreThanTheVenueHolds() throws Exception {
        Grid a = grid("grid-a").start();
        trade("26050.0");
        trade("26150.0"); // a: short 0.010 at 26,100
        Grid b = grid("grid-b").start();
        trade("26150.0");
        trade("26250.0"); // a: short 0.020 (26,100 and 26,200); b: short 0.010 (26,200)
        assertThat(a.engine.view().position()).isEqualByComparingTo("-0.020");
        assertThat(b.engine.view().position()).isEqualByComparingTo("-0.010");
        assertThat(venue.position("BTCUSDT").netQty()).isEqualByComparingTo("-0.030");

        // Both processes die and come back with their saved ladders and levels.
        List<Grid> restarted = new java.util.ArrayList<>();
        for (Grid old : List.copyOf(grids)) {
            var view = old.engine.view();
            old.engine.close();
            grids.remove(old);
            Grid fresh = new Grid(GridMachine.restore(old.engine.machine().config(), view.ladder(), view.levels()));
            grids.add(fresh);
            restarted.add(fresh);
            fresh.before.addAll(old.journal.fills());
        }
        restarted.forEach(Grid::start);
        trade("26250.0");

        assertThat(restarted.get(0).engine.view().position()).as("a keeps its own").isEqualByComparingTo("-0.020");
        assertThat(restarted.get(1).engine.view().position()).as("b keeps its own").isEqualByComparingTo("-0.010");
        BigDecimal closing = venue.openOrders("BTCUSDT").stream().filter(OpenOrder::reduceOnly)
                .map(OpenOrder::origQty).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(closing).as("reduce-only exits resting against a 0.030 position").isEqualByComparingTo("0.030");
    }
}
