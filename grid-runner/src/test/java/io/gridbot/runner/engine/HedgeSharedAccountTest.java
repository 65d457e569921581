package io.gridbot.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.machine.GridMachine;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderOwnership;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.risk.PositionLegs;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.account.PositionSnapshot;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, hedge mode end to end in the engine: a LONG grid and a SHORT grid share one hedge-mode account and
 * symbol, each owning its leg; the venue's legs reach each grid leg by leg, the other grid's leg is not its own,
 * and a stop closes only the stopping grid's leg.
 */
class HedgeSharedAccountTest {

    private static final SymbolRules BTC = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);

    private final SimClock clock = new SimClock(1_700_000_000_000L);
    private final SimulatedExchange venue = new SimulatedExchange(clock, SimSettings.defaults())
            .list(BTC, new BigDecimal("26050.0"));
    private final List<Grid> grids = new ArrayList<>();

    private static GridConfig config(String name, GridMode mode) {
        return GridConfig.builder(name, BTC).mode(mode).positionMode(PositionMode.HEDGE)
                .band(new BigDecimal("25000"), new BigDecimal("27000")).levels(21).orderQty(new BigDecimal("0.010"))
                .maxPosition(new BigDecimal("0.050")).stopLossBufferPct(new BigDecimal("5")).build();
    }

    /** A fill's leg, as the daemon reads it from the ledgers. */
    private static PositionSide leg(Fill f) {
        boolean entry = f.kind() == ClientOrderId.Kind.ENTRY;
        return entry == (f.side() == Side.BUY) ? PositionSide.LONG : PositionSide.SHORT;
    }

    private static PositionLegs legs(List<Fill> fills) {
        PositionLegs legs = PositionLegs.hedge(BigDecimal.ZERO, BigDecimal.ZERO);
        for (Fill f : fills) {
            legs = legs.plus(leg(f), f.side() == Side.BUY ? f.qty() : f.qty().negate());
        }
        return legs;
    }

    private final class Grid {
        final MemoryJournal journal = new MemoryJournal();
        final GridEngine engine;

        Grid(GridConfig config) {
            engine = new GridEngine(GridMachine.create(config), venue, Runnable::run, clock::nowMs, journal)
                    .otherGridsPosition(() -> legs(grids.stream().filter(g -> g != this)
                            .flatMap(g -> g.journal.fills().stream()).toList())).attach();
            grids.add(this);
            engine.control(Control.START);
            pumpAll();
        }

        Set<String> restingIds() throws Exception {
            return venue.openOrders("BTCUSDT").stream().map(OpenOrder::clientOrderId)
                    .filter(new OrderOwnership(engine.machine().tag())::ours).collect(Collectors.toSet());
        }
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

    private BigDecimal venueLeg(PositionSide side) throws Exception {
        return venue.positions("BTCUSDT").stream().filter(p -> p.positionSide() == side)
                .map(PositionSnapshot::netQty).findFirst().orElseThrow();
    }

    @Test
    void aLongAndAShortGridEachHoldTheirLegAndAStopClosesOnlyItsOwn() throws Exception {
        venue.changePositionMode(PositionMode.HEDGE);
        Grid longGrid = new Grid(config("long", GridMode.LONG));
        Grid shortGrid = new Grid(config("short", GridMode.SHORT));
        trade("26050.0");
        trade("25950.0"); // the long grid's buy entry at 26,000 fills
        trade("26050.0");
        trade("26150.0"); // the short grid's sell entry at 26,100 fills (and the long grid's exit may)
        trade("26150.0");

        assertThat(venueLeg(PositionSide.SHORT)).isEqualByComparingTo("-0.010");
        assertThat(venueLeg(PositionSide.LONG)).isEqualByComparingTo(legs(longGrid.journal.fills()).longLeg());
        assertThat(legs(shortGrid.journal.fills()).shortLeg()).isEqualByComparingTo("-0.010");
        assertThat(longGrid.engine.view().legs().shortLeg()).as("the short leg is not the long grid's").isZero();
        assertThat(shortGrid.engine.view().legs().longLeg()).as("the long leg is not the short grid's").isZero();
        assertThat(venue.openOrders("BTCUSDT")).allSatisfy(o -> {
            assertThat(o.positionSide()).isNotEqualTo(PositionSide.BOTH);
            assertThat(o.reduceOnly()).as("never reduce-only on a leg").isFalse();
        });
        Set<String> shortOrders = shortGrid.restingIds();

        longGrid.engine.control(Control.STOP);
        pumpAll();
        trade("26150.0");

        assertThat(longGrid.engine.view().status()).isEqualTo(GridStatus.STOPPED);
        assertThat(longGrid.restingIds()).isEmpty();
        assertThat(venueLeg(PositionSide.LONG)).isZero();
        assertThat(venueLeg(PositionSide.SHORT)).as("the short grid's leg is untouched").isEqualByComparingTo("-0.010");
        assertThat(shortGrid.restingIds()).isEqualTo(shortOrders);
        assertThat(shortGrid.engine.view().status()).isEqualTo(GridStatus.RUNNING);
        assertThat(shortGrid.journal.errors()).isEmpty();
        assertThat(longGrid.journal.errors()).isEmpty();
    }
}
