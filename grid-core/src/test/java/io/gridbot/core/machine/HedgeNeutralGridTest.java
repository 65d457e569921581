package io.gridbot.core.machine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.event.GridEvent;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.risk.PositionLegs;
import io.gridbot.core.status.GridStatus;
import io.gridbot.core.testing.Configs;
import io.gridbot.core.testing.GridDriver;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 (AC3.4, AC9.4): a neutral grid on a hedge-mode account, lines 100 to 110, size 2, limit 6 per leg. Its
 * legs are held apart: orders name their leg, exits are not reduce-only, a sell entry rests beside the long
 * leg's exit on the same line, the stop-loss closes each leg exactly, and each leg has its own protective stop.
 */
class HedgeNeutralGridTest {

    private final GridDriver grid = GridDriver.started(Configs.small(GridMode.NEUTRAL).orderQty(new BigDecimal("2"))
            .maxPosition(new BigDecimal("6")).positionMode(PositionMode.HEDGE).protectiveStop(false).build(), new BigDecimal("105.5"));

    private List<OrderRequest> placed() {
        return grid.recorded(GridCommand.PlaceOrder.class).stream().map(GridCommand.PlaceOrder::request).toList();
    }

    @Test
    void everyOrderNamesItsLegAndExitsCloseByTheirLegNotReduceOnly() {
        grid.price("104.5");

        assertThat(placed()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.reduceOnly()).isFalse();
            assertThat(r.positionSide()).isNotEqualTo(PositionSide.BOTH);
        });
        assertThat(placed()).filteredOn(r -> r.side() == Side.BUY)
                .allSatisfy(r -> assertThat(r.positionSide()).isEqualTo(PositionSide.LONG));
        assertThat(grid.venue.legs().sameAs(PositionLegs.hedge(new BigDecimal("2"), BigDecimal.ZERO))).isTrue();
        // The long leg's exit at 106 and the short leg's entry at 106 rest together: nothing nets them.
        assertThat(grid.venue.openOrders()).filteredOn(o -> o.request.price().compareTo(new BigDecimal("106")) == 0)
                .extracting(o -> o.request.positionSide()).containsExactlyInAnyOrder(PositionSide.LONG, PositionSide.SHORT);
    }

    @Test
    void bothLegsAreHeldAtOnceAndTheStopLossClosesEachExactly() {
        grid.price("104.5");
        // At 106 the long exit fills 1 of 2 while the short entry fills whole.
        grid.price(new BigDecimal("106"), (r, remaining) -> r.request.positionSide() == PositionSide.LONG
                ? BigDecimal.ONE : remaining);
        PositionLegs held = PositionLegs.hedge(BigDecimal.ONE, new BigDecimal("-2"));
        assertThat(grid.venue.legs().sameAs(held)).as(grid.venue.legs().describe()).isTrue();
        assertThat(grid.view().legs().sameAs(held)).as(grid.view().legs().describe()).isTrue();
        grid.clearRecorded();

        // The market breaks the band; the long exit waits in the queue, the short leg fills to its limit on the way.
        grid.price(new BigDecimal("120"), (r, remaining) -> r.request.positionSide() == PositionSide.LONG
                ? BigDecimal.ZERO : remaining);

        List<OrderRequest> closes = placed().stream().filter(r -> r.type() == OrderType.MARKET).toList();
        assertThat(closes).hasSize(2);
        assertThat(closes).anySatisfy(c -> {
            assertThat(c.side()).isEqualTo(Side.SELL);
            assertThat(c.positionSide()).isEqualTo(PositionSide.LONG);
            assertThat(c.quantity()).isEqualByComparingTo("1");
            assertThat(c.reduceOnly()).isFalse();
        });
        assertThat(closes).anySatisfy(c -> {
            assertThat(c.side()).isEqualTo(Side.BUY);
            assertThat(c.positionSide()).isEqualTo(PositionSide.SHORT);
            assertThat(c.quantity()).as("the short leg at its limit").isEqualByComparingTo("6");
            assertThat(c.reduceOnly()).isFalse();
        });
        assertThat(grid.venue.legs().isFlat()).isTrue();
        assertThat(grid.venue.openOrders()).isEmpty();
        assertThat(grid.view().status()).isEqualTo(GridStatus.STOPPED);
        assertThat(grid.view().lastStopLoss()).isNotNull();
    }

    private static final GridConfig GUARDED = Configs.small(GridMode.NEUTRAL).orderQty(new BigDecimal("2"))
            .maxPosition(new BigDecimal("6")).positionMode(PositionMode.HEDGE).protectiveStop(true).build();

    /** A guarded grid holding long 1 and short 2, each leg with its stop resting. */
    private static GridDriver holdingBothLegs() {
        GridDriver guarded = GridDriver.started(GUARDED, new BigDecimal("105.5"));
        guarded.price("104.5");
        guarded.price(new BigDecimal("106"), (r, remaining) -> r.request.positionSide() == PositionSide.LONG
                ? BigDecimal.ONE : remaining);
        return guarded;
    }

    private static List<OrderRequest> stops(GridDriver grid) {
        return grid.venue.openOrders().stream().map(o -> o.request).filter(r -> r.type() == OrderType.STOP_MARKET).toList();
    }

    @Test
    void aRestartAdoptsBothLegsStopsAndPlacesNoThird() {
        GridDriver first = holdingBothLegs();
        List<OrderRequest> before = stops(first);
        assertThat(before).hasSize(2);

        GridDriver second = GridDriver.on(GridMachine.restore(GUARDED, first.view().ladder(), first.view().levels()),
                first.venue, first.now() + 60_000);
        second.send(new GridEvent.ControlRequested(second.now(), GridEvent.Control.START));
        second.price("105.5"); // between the lines: nothing fills

        assertThat(stops(second)).containsExactlyInAnyOrderElementsOf(before);
        assertThat(second.recorded(GridCommand.CancelProtectiveStop.class)).isEmpty();
        assertThat(second.recorded(GridCommand.PlaceOrder.class)).noneMatch(p -> p.request().type() == OrderType.STOP_MARKET);
        assertThat(second.view().legs().sameAs(PositionLegs.hedge(BigDecimal.ONE, new BigDecimal("-2")))).isTrue();
    }

    @Test
    void eachLegKeepsItsOwnProtectiveStopAndTheLongLegsStopFiringClosesTheShortLegToo() {
        GridDriver guarded = holdingBothLegs();
        assertThat(guarded.venue.legs().sameAs(PositionLegs.hedge(BigDecimal.ONE, new BigDecimal("-2")))).isTrue();

        List<OrderRequest> stops = stops(guarded);
        assertThat(stops).hasSize(2).allSatisfy(r -> {
            assertThat(r.closePosition()).isTrue();
            assertThat(r.reduceOnly()).isFalse();
        });
        OrderRequest longStop = stops.stream().filter(r -> r.positionSide() == PositionSide.LONG).findFirst().orElseThrow();
        OrderRequest shortStop = stops.stream().filter(r -> r.positionSide() == PositionSide.SHORT).findFirst().orElseThrow();
        assertThat(longStop.side()).isEqualTo(Side.SELL);
        assertThat(longStop.stopPrice()).as("below the band").isLessThan(new BigDecimal("100"));
        assertThat(shortStop.side()).isEqualTo(Side.BUY);
        assertThat(shortStop.stopPrice()).as("above the band").isGreaterThan(new BigDecimal("110"));

        // A gap through the lower line, with no limit filled on the way: the venue's long-leg stop closes the long
        // leg at 90, and the grid's stop-loss closes the short leg at market.
        guarded.price(new BigDecimal("90"), (r, remaining) -> BigDecimal.ZERO);

        assertThat(guarded.venue.legs().isFlat()).as(guarded.venue.legs().describe()).isTrue();
        assertThat(guarded.venue.openOrders()).as("the short leg's stop is cancelled too").isEmpty();
        assertThat(guarded.view().status()).isEqualTo(GridStatus.STOPPED);
        var report = guarded.view().lastStopLoss();
        assertThat(report.legs().sameAs(PositionLegs.hedge(BigDecimal.ONE, new BigDecimal("-2")))).as(report.legs().describe())
                .isTrue();
        assertThat(report.position()).isEqualByComparingTo("-1");
        // The long leg sold at 90 against its stop line; the short leg bought at 90 against the same trigger:
        // a loss on the first, a gain on the second, each counted by its own side.
        BigDecimal line = longStop.stopPrice();
        BigDecimal expected = line.subtract(new BigDecimal("90")).multiply(BigDecimal.ONE)
                .add(new BigDecimal("90").subtract(line).multiply(new BigDecimal("2")));
        assertThat(report.slippageCost()).isEqualByComparingTo(expected);
    }
}
