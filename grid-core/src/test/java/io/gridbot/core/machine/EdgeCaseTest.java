package io.gridbot.core.machine;

import static io.gridbot.core.testing.Book.entries;
import static io.gridbot.core.testing.Book.exits;
import static io.gridbot.core.testing.Book.prices;
import static io.gridbot.core.testing.Book.resting;
import static io.gridbot.core.testing.Book.stops;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.event.GridEvent;
import io.gridbot.core.event.GridEvent.StreamState;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.level.LevelState;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Intent;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.core.order.Side;
import io.gridbot.core.status.GridStatus;
import io.gridbot.core.testing.Configs;
import io.gridbot.core.testing.GridDriver;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Edge cases 1, 3 and 4, and AC12.1, AC12.3 and AC12.4. */
class EdgeCaseTest {

    private final GridDriver grid = GridDriver.started(Configs.workedExample().build(), new BigDecimal("62000"));

    @Test
    void EC4_aPartlyFilledEntryStaysAndIsNotPlacedAgain() {
        grid.clearRecorded();
        grid.price(new BigDecimal("62105.3"), (order, rem) -> new BigDecimal("0.007"));

        assertThat(grid.view().levels().get(8).state()).isEqualTo(LevelState.ENTRY_WORKING);
        assertThat(grid.venue.position()).isEqualByComparingTo("-0.007");
        assertThat(grid.recorded(GridCommand.PlaceOrder.class)).noneMatch(p -> p.purpose() instanceof GridCommand.Purpose.Line l && l.line() == 8);
        assertThat(exits(grid, Side.BUY)).isEmpty();
    }

    @Test
    void EC4_afterTenMinutesTheRestIsCancelledAndTheFilledPartIsExited() {
        grid.price(new BigDecimal("62105.3"), (order, rem) -> new BigDecimal("0.007"));
        grid.price("62000");

        for (int i = 0; i < 599; i++) {
            grid.advance(1_000);
        }
        assertThat(grid.view().levels().get(8).state()).isEqualTo(LevelState.ENTRY_WORKING);
        grid.advance(1_000);

        assertThat(exits(grid, Side.BUY)).singleElement().satisfies(exit -> {
            assertThat(exit.quantity()).isEqualByComparingTo("0.007");
            assertThat(exit.price()).isEqualByComparingTo("61842.1");
        });
        assertThat(grid.venue.position()).isEqualByComparingTo("-0.007");
    }

    @Test
    void EC4_theRestFillingCompletesTheEntryNormally() {
        grid.price(new BigDecimal("62105.3"), (order, rem) -> new BigDecimal("0.007"));
        grid.price("62105.3");

        assertThat(exits(grid, Side.BUY)).singleElement()
                .satisfies(exit -> assertThat(exit.quantity()).isEqualByComparingTo("0.010"));
    }

    @Test
    void EC3_rateLimitPausesNewOrdersForThirtySecondsThenReleasesExitsFirst() {
        grid.venue.rejectNextCreates(ExchangeErrorKind.RATE_LIMITED);
        grid.price("62400"); // two entries fill; the first create after it hits the limit
        grid.clearRecorded();

        grid.advance(10_000).advance(10_000);
        assertThat(grid.recorded(GridCommand.PlaceOrder.class)).isEmpty();

        grid.advance(10_001);
        var places = grid.recorded(GridCommand.PlaceOrder.class).stream()
                .filter(p -> p.purpose() instanceof GridCommand.Purpose.Line).toList();
        assertThat(places).isNotEmpty();
        assertThat(((GridCommand.Purpose.Line) places.get(0).purpose()).intent()).isEqualTo(Intent.EXIT);
        assertThat(grid.view().recentLog()).anySatisfy(e -> assertThat(e.detail()).contains("rate limited"));
    }

    @Test
    void EC3_aRateLimitPauseHoldsNewGridOrdersButNotTheProtectiveStop() {
        grid.venue.rejectNextCreates(ExchangeErrorKind.RATE_LIMITED, ExchangeErrorKind.RATE_LIMITED,
                ExchangeErrorKind.RATE_LIMITED);
        grid.price("62105.3"); // an entry fills; its exit and the protective stop hit the limit
        assertThat(stops(grid)).isEmpty();
        grid.clearRecorded();

        grid.advance(5_000).advance(5_000); // well inside the 30 s pause

        assertThat(stops(grid)).as("the position is protected during the pause").singleElement();
        assertThat(grid.recorded(GridCommand.PlaceOrder.class)).allMatch(p -> p.request().type()
                == io.gridbot.core.order.OrderType.STOP_MARKET);
    }

    @Test
    void AC12_4_insufficientBalanceStopsEntriesButKeepsExits() {
        grid.price("62105.3");
        grid.venue.rejectNextCreates(ExchangeErrorKind.INSUFFICIENT_BALANCE);
        grid.price("61842.1"); // the exit fills; the entry that returns at 62105.3 lacks margin
        grid.advance(5_000).advance(5_000);
        assertThat(prices(entries(grid, Side.SELL))).doesNotContain("62105.3");
        assertThat(grid.recorded(GridCommand.Alert.class))
                .anyMatch(a -> a.kind() == GridCommand.AlertKind.INSUFFICIENT_BALANCE);

        grid.price("62368.4");
        assertThat(prices(exits(grid, Side.BUY))).containsExactly("62105.3");

        grid.price("62000").advance(GridMachine.BALANCE_RETRY_MS);
        assertThat(prices(entries(grid, Side.SELL))).contains("62105.3", "62368.4");
    }

    @Test
    void AC12_3_aFillOfAnOrderOfThisGridThatNothingTracksAsksTheVenueForASnapshotOncePerCooldown() {
        String untracked = ClientOrderId.of(ClientOrderId.tagOf("my_short_grid"), ClientOrderId.Kind.ENTRY,
                Side.SELL, 8, 999_999);
        grid.clearRecorded();

        grid.send(new GridEvent.OrderUpdate(grid.now(), untracked, "x-1", OrderStatus.FILLED,
                new BigDecimal("0.010"), new BigDecimal("0.010"), new BigDecimal("62105.3"), BigDecimal.ZERO, "USDT", "t-1"));
        grid.send(new GridEvent.OrderUpdate(grid.now(), untracked, "x-1", OrderStatus.FILLED,
                new BigDecimal("0.010"), new BigDecimal("0.010"), new BigDecimal("62105.3"), BigDecimal.ZERO, "USDT", "t-1"));

        assertThat(grid.recorded(GridCommand.RequestSnapshot.class)).hasSize(1);
    }

    @Test
    void AC12_3_anOrphanOfThisGridWhoseCancelTheVenueRefusesIsCancelledAgainOnTheTimer() {
        String stray = ClientOrderId.of(ClientOrderId.tagOf("my_short_grid"), ClientOrderId.Kind.ENTRY,
                Side.SELL, 8, 999_999);
        grid.venue.rejectNextCancels(ExchangeErrorKind.OTHER);

        grid.venue.placeByHand(OrderRequest.limit(stray, "BTCUSDT", Side.SELL, new BigDecimal("62050.0"),
                new BigDecimal("0.010"), TimeInForce.GTC, false, PositionSide.BOTH), grid.now()).forEach(grid::send);
        assertThat(grid.recorded(GridCommand.CancelOrder.class)).anyMatch(c -> c.clientOrderId().equals(stray));
        assertThat(grid.venue.openOrders()).as("the cancel was refused")
                .anyMatch(r -> r.request.clientOrderId().equals(stray));

        grid.advance(5_000);

        assertThat(grid.venue.openOrders()).noneMatch(r -> r.request.clientOrderId().equals(stray));
    }

    @Test
    void AC12_1_whileTheStreamIsDownNothingNewIsPlaced() {
        grid.send(new GridEvent.StreamHealth(grid.now(), StreamState.DISCONNECTED, 0));
        grid.clearRecorded();

        grid.price("62105.3").advance(5_000);

        assertThat(grid.recorded(GridCommand.PlaceOrder.class)).isEmpty();
        grid.send(new GridEvent.StreamHealth(grid.now(), StreamState.CONNECTED, 0));
        assertThat(grid.recorded(GridCommand.RequestSnapshot.class)).hasSize(1);
        assertThat(exits(grid, Side.BUY)).hasSize(1);
    }

    @Test
    void AC12_1_whenReconnectsAreExhaustedTheGridEntersSafeModeAndCancelsEverything() {
        grid.price("62105.3");
        grid.send(new GridEvent.StreamHealth(grid.now(), StreamState.RECONNECTING, 3));
        grid.send(new GridEvent.StreamHealth(grid.now(), StreamState.GAVE_UP, 3));

        assertThat(grid.view().status()).isEqualTo(GridStatus.SAFE_MODE);
        assertThat(resting(grid)).allMatch(o -> o.type() == io.gridbot.core.order.OrderType.STOP_MARKET);
        assertThat(grid.recorded(GridCommand.Alert.class)).anyMatch(a -> a.kind() == GridCommand.AlertKind.SAFE_MODE);
    }

    @Test
    void aCreateWithUnknownOutcomeKeepsItsLevelReservedUntilTheVenueAnswers() {
        GridDriver g = GridDriver.started(Configs.workedExample().maxPosition(new BigDecimal("0.010")).build(),
                new BigDecimal("62000"));
        g.price("62105.3").manual();
        var exitPlace = g.recorded(GridCommand.PlaceOrder.class).stream().filter(EdgeCaseTest::isExit)
                .findFirst().orElseThrow();
        g.clearRecorded();

        var out = g.deliver(new GridEvent.OrderRejected(g.now(), exitPlace.request().clientOrderId(),
                ExchangeErrorKind.TIMEOUT_UNKNOWN, 0, null, "timeout"));

        assertThat(out).anyMatch(c -> c instanceof GridCommand.QueryOrder);
        for (int i = 0; i < 5; i++) {
            assertThat(g.deliver(new GridEvent.TimerTick(g.now() + 1_000L * (i + 1))))
                    .noneMatch(c -> c instanceof GridCommand.PlaceOrder);
        }
    }

    @Test
    void aFailedQueryOfAnOrderWhoseOutcomeIsUnknownKeepsItsLineReservedAndAsksAgain() {
        GridDriver g = GridDriver.started(Configs.workedExample().maxPosition(new BigDecimal("0.010")).build(),
                new BigDecimal("62000"));
        g.price("62105.3").manual();
        String exit = g.recorded(GridCommand.PlaceOrder.class).stream().filter(EdgeCaseTest::isExit)
                .findFirst().orElseThrow().request().clientOrderId();
        g.deliver(new GridEvent.OrderRejected(g.now(), exit, ExchangeErrorKind.TIMEOUT_UNKNOWN, 0, "-1006", "unknown"));
        g.clearRecorded();

        // The venue cannot be asked just now: the order may still rest, so nothing is placed in its stead.
        var out = g.deliver(new GridEvent.OrderRejected(g.now(), exit, ExchangeErrorKind.EXCHANGE_UNAVAILABLE, 0, null,
                "503"));

        assertThat(out).noneMatch(c -> c instanceof GridCommand.PlaceOrder);
        List<GridCommand> later = new java.util.ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            later.addAll(g.deliver(new GridEvent.TimerTick(g.now() + 1_000L * i)));
        }
        assertThat(later).noneMatch(c -> c instanceof GridCommand.PlaceOrder);
        assertThat(later).filteredOn(GridCommand.QueryOrder.class::isInstance)
                .anyMatch(c -> ((GridCommand.QueryOrder) c).clientOrderId().equals(exit));
    }

    @Test
    void duplicatedAndReorderedFillsAreBookedOnce() {
        grid.price("62105.3");
        var fills = grid.recorded(GridCommand.RecordFill.class);
        assertThat(fills).hasSize(1);
        var fill = fills.get(0).fill();

        grid.send(new GridEvent.OrderUpdate(grid.now(), fill.clientOrderId(), fill.exchangeOrderId(),
                io.gridbot.core.order.OrderStatus.FILLED, new BigDecimal("0.010"), new BigDecimal("0.010"),
                fill.price(), BigDecimal.ZERO, null, fill.tradeId()));
        grid.send(new GridEvent.OrderUpdate(grid.now(), fill.clientOrderId(), fill.exchangeOrderId(),
                io.gridbot.core.order.OrderStatus.PARTIALLY_FILLED, new BigDecimal("0.005"), new BigDecimal("0.005"),
                fill.price(), BigDecimal.ZERO, null, "older"));

        assertThat(grid.recorded(GridCommand.RecordFill.class)).hasSize(1);
        assertThat(grid.view().position()).isEqualByComparingTo("-0.010");
    }

    private static boolean isExit(GridCommand.PlaceOrder p) {
        return p.purpose() instanceof GridCommand.Purpose.Line l && l.intent() == Intent.EXIT;
    }
}
