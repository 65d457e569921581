package io.gridbot.core.machine;

import static io.gridbot.core.testing.Book.entries;
import static io.gridbot.core.testing.Book.exits;
import static io.gridbot.core.testing.Book.prices;
import static io.gridbot.core.testing.Book.resting;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.config.GridConfig;
import io.gridbot.core.event.GridEvent;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.level.Level;
import io.gridbot.core.level.LevelState;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Intent;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.core.spacing.GridLadder;
import io.gridbot.core.testing.Configs;
import io.gridbot.core.testing.GridDriver;
import io.gridbot.core.testing.PaperVenue;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FR-6 (AC6.4–6.7) and clarification A: a restarted grid continues from what the venue holds. */
class RestartReconciliationTest {

    private final GridConfig config = Configs.workedExample().build();
    private final GridDriver first = GridDriver.started(config, new BigDecimal("62000"));

    private GridDriver restartOnSameVenue(GridLadder ladder, List<Level> levels, String price) {
        SharedVenueDriver driver = new SharedVenueDriver(GridMachine.restore(config, ladder, levels), first.venue,
                first.now() + 60_000);
        driver.start(new BigDecimal(price));
        return driver.driver;
    }

    @Test
    void AC6_5_aRestartMapsEveryOpenOrderToItsLevelAndPlacesNoDuplicate() {
        first.price("62400");
        int restingBefore = resting(first).size();
        GridView before = first.view();

        GridDriver second = restartOnSameVenue(before.ladder(), before.levels(), "62400");

        assertThat(second.recorded(GridCommand.PlaceOrder.class)).isEmpty();
        assertThat(second.recorded(GridCommand.CancelOrder.class)).isEmpty();
        assertThat(resting(second)).hasSize(restingBefore);
        assertThat(second.view().levels()).extracting(Level::state)
                .containsExactlyElementsOf(before.levels().stream().map(Level::state).toList());
        assertThat(second.view().position()).isEqualByComparingTo("-0.020");
    }

    @Test
    void AC6_4_withNothingPersistedTheLevelsAreRebuiltFromTheVenueAlone() {
        first.price("62400");

        GridDriver second = restartOnSameVenue(null, List.of(), "62400");

        assertThat(second.recorded(GridCommand.PlaceOrder.class)).isEmpty();
        assertThat(second.view().levels().get(8).state()).isEqualTo(LevelState.EXIT_WORKING);
        assertThat(second.view().levels().get(9).state()).isEqualTo(LevelState.EXIT_WORKING);
        assertThat(second.view().levels().get(10).state()).isEqualTo(LevelState.ENTRY_WORKING);
        // the next fill still works end to end
        second.price("62105.3");
        assertThat(second.venue.position()).isEqualByComparingTo("-0.010");
    }

    @Test
    void AC6_6_anOrphanOrderOfThisGridIsCancelledAndAForeignOneLeftAlone() {
        String tag = ClientOrderId.tagOf(config.name());
        String orphan = ClientOrderId.of(tag, ClientOrderId.Kind.ENTRY, Side.SELL, 12, 1);
        first.venue.placeByHand(OrderRequest.limit("manual-1", "BTCUSDT", Side.SELL, new BigDecimal("70000.0"),
                new BigDecimal("0.001"), TimeInForce.GTC, false, PositionSide.BOTH), first.now());
        first.send(new GridEvent.ControlRequested(first.now(), Control.PAUSE));
        // an order of ours at a price no line has (e.g. from an older band)
        first.venue.execute(List.of(new GridCommand.CancelOrder("BTCUSDT", ClientOrderId.of(tag,
                ClientOrderId.Kind.ENTRY, Side.SELL, 12, 1))), first.now());
        first.venue.execute(List.of(new GridCommand.PlaceOrder(OrderRequest.limit(orphan, "BTCUSDT", Side.SELL,
                new BigDecimal("63200.0"), new BigDecimal("0.010"), TimeInForce.GTC, false, PositionSide.BOTH),
                new GridCommand.Purpose.Line(Intent.ENTRY, 12))),
                first.now());

        GridDriver second = restartOnSameVenue(first.view().ladder(), first.view().levels(), "62000");

        assertThat(second.recorded(GridCommand.CancelOrder.class)).extracting(GridCommand.CancelOrder::clientOrderId)
                .contains(orphan).doesNotContain("manual-1");
        assertThat(prices(entries(second, Side.SELL))).contains("63157.9", "70000.0").doesNotContain("63200.0");
        assertThat(second.view().recentLog()).anySatisfy(e -> assertThat(e.detail()).contains("not placed by this grid"));
    }

    @Test
    void AC6_7_aMissingGridOrderIsPlacedAgain() {
        String tag = ClientOrderId.tagOf(config.name());
        first.send(new GridEvent.ControlRequested(first.now(), Control.PAUSE));
        first.venue.execute(List.of(new GridCommand.CancelOrder("BTCUSDT",
                ClientOrderId.of(tag, ClientOrderId.Kind.ENTRY, Side.SELL, 15, 1))), first.now());
        assertThat(entries(first, Side.SELL)).hasSize(11);

        GridDriver second = restartOnSameVenue(first.view().ladder(), first.view().levels(), "62000");

        assertThat(entries(second, Side.SELL)).hasSize(12);
        assertThat(second.recorded(GridCommand.PlaceOrder.class)).singleElement()
                .satisfies(p -> assertThat(((GridCommand.Purpose.Line) p.purpose()).line()).isEqualTo(15));
    }

    @Test
    void aPositionWhoseExitFilledWhileDownIsReleased() {
        first.price("62400");
        GridView saved = first.view();
        // While the grid is down the market dips and one exit fills.
        first.venue.trade(new BigDecimal("62105.3"), first.now(), (o, rem) -> rem);

        GridDriver second = restartOnSameVenue(saved.ladder(), saved.levels(), "62200");

        assertThat(second.view().position()).isEqualByComparingTo("-0.010");
        assertThat(prices(exits(second, Side.BUY))).containsExactly("61842.1");
        assertThat(second.view().levels().get(9).state()).isIn(LevelState.IDLE, LevelState.ENTRY_WORKING);
    }

    /**
     * Seen in the soak (a daemon took over a grid whose last process had gone): an exit and another line's entry
     * filled while no one listened, so the position was what the saved levels claimed. The line whose exit filled
     * kept its claim and got a second exit, and the realized PnL of that line was booked twice.
     */
    @Test
    void anExitAndAnotherLinesEntryFilledWhileDownAreToldApartThoughThePositionAddsUpTheSame() {
        first.price("62400");
        GridView saved = first.view();
        // While the grid is down line 9's exit fills on a dip, and line 10's entry on the rise after it.
        first.venue.trade(new BigDecimal("62105.3"), first.now(), (o, rem) -> rem);
        first.venue.trade(new BigDecimal("62631.6"), first.now(), (o, rem) -> rem);
        assertThat(first.venue.position()).isEqualByComparingTo("-0.020");

        GridDriver second = restartOnSameVenue(saved.ladder(), saved.levels(), "62500");

        assertThat(second.view().position()).isEqualByComparingTo("-0.020");
        assertThat(second.view().levels().get(9).state()).isIn(LevelState.IDLE, LevelState.ENTRY_WORKING);
        assertThat(second.view().levels().get(10).state()).isEqualTo(LevelState.EXIT_WORKING);
        assertThat(prices(exits(second, Side.BUY))).containsExactlyInAnyOrder("61842.1", "62368.4");
        assertThat(prices(entries(second, Side.SELL))).doesNotContain("62631.6");
    }

    @Test
    void anUnexplainedPositionIsAdoptedByTheLinesThatWouldHaveOpenedIt() {
        first.send(new GridEvent.ControlRequested(first.now(), Control.STOP));
        // someone opens 0.020 short by hand while the grid is stopped
        first.venue.placeByHand(OrderRequest.limit("hand", "BTCUSDT", Side.SELL,
                new BigDecimal("61000.0"), new BigDecimal("0.020"), TimeInForce.GTC, false, PositionSide.BOTH), first.now());

        GridDriver second = restartOnSameVenue(first.view().ladder(), first.view().levels(), "62000");

        assertThat(second.view().position()).isEqualByComparingTo("-0.020");
        assertThat(prices(exits(second, Side.BUY))).hasSize(2);
        assertThat(second.view().recentLog()).anySatisfy(e -> assertThat(e.detail()).contains("adopts"));
    }

    @Test
    void clarificationA_aRestartFarFromTheCentreKeepsTheOriginalLines() {
        GridView saved = first.view();

        GridDriver second = restartOnSameVenue(saved.ladder(), saved.levels(), "64900");

        assertThat(second.view().ladder()).isEqualTo(saved.ladder());
        assertThat(second.recorded(GridCommand.LadderBuilt.class)).isEmpty();
    }

    /** Drives a restored machine against an existing paper venue. */
    private static final class SharedVenueDriver {
        final GridDriver driver;

        SharedVenueDriver(GridMachine machine, PaperVenue venue, long startMs) {
            this.driver = GridDriver.on(machine, venue, startMs);
        }

        void start(BigDecimal price) {
            driver.send(new GridEvent.ControlRequested(driver.now(), Control.START));
            driver.price(price);
        }
    }
}
