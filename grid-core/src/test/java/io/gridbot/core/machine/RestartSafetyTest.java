package io.gridbot.core.machine;

import static io.gridbot.core.testing.Book.exits;
import static io.gridbot.core.testing.Book.prices;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.config.GridConfig;
import io.gridbot.core.event.GridEvent;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.Side;
import io.gridbot.core.status.GridStatus;
import io.gridbot.core.testing.Configs;
import io.gridbot.core.testing.GridDriver;
import io.gridbot.core.testing.PaperVenue;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 on the worked example (short, 60,000 to 65,000 in 20 lines, stop-loss lines 59,700 and 65,325):
 * a start beyond a stop-loss line, client ids across restarts, and drift nobody reports.
 */
class RestartSafetyTest {

    private final GridConfig config = Configs.workedExample().build();

    @Test
    void aStartWithThePriceAlreadyBeyondAStopLossLineIsRefusedWithItsReasonInsteadOfStopLossing() {
        GridDriver grid = GridDriver.started(config, new BigDecimal("65400"));

        assertThat(grid.view().status()).isEqualTo(GridStatus.STOPPED);
        assertThat(grid.view().stopLossCount()).as("no stop-loss").isZero();
        assertThat(grid.recorded(GridCommand.PlaceOrder.class)).isEmpty();
        assertThat(grid.recorded(GridCommand.StatusChanged.class)).last().satisfies(s -> {
            assertThat(s.to()).isEqualTo(GridStatus.STOPPED);
            assertThat(s.reason()).contains("start refused", "65400", "65325", "above the band");
        });
        assertThat(grid.view().recentLog()).anySatisfy(e -> assertThat(e.detail()).contains("start refused"));
    }

    @Test
    void noClientOrderIdIsUsedTwiceAcrossARestartWhoseSavedLevelsLagBehind() {
        GridDriver first = GridDriver.started(config, new BigDecimal("62000"));
        first.price("62150"); // the sell entry at 62,105.3 fills, its exit rests at 61,842.1
        first.price("61800"); // the exit fills, the entry returns at 62,105.3
        // The entry is cancelled, and the process dies before any level was saved (they are written behind).
        String entry = first.venue.openOrders().stream().map(r -> r.request)
                .filter(q -> q.price().compareTo(new BigDecimal("62105.3")) == 0).map(OrderRequest::clientOrderId)
                .findFirst().orElseThrow();
        first.venue.execute(List.of(new GridCommand.CancelOrder("BTCUSDT", entry)), first.now());
        Set<String> usedBefore = new HashSet<>();
        first.venue.placed().forEach(q -> usedBefore.add(q.clientOrderId()));

        GridDriver second = GridDriver.on(GridMachine.restore(config, first.view().ladder(), List.of()), first.venue,
                first.now() + 2_000);
        second.send(new GridEvent.ControlRequested(second.now(), Control.START));
        second.price("61900");

        assertThat(second.recorded(GridCommand.PlaceOrder.class)).as("the entry at 62,105.3 is placed again")
                .anySatisfy(p -> assertThat(p.request().price()).isEqualByComparingTo("62105.3"));
        assertThat(second.recorded(GridCommand.PlaceOrder.class)).extracting(p -> p.request().clientOrderId())
                .doesNotContainAnyElementsOf(usedBefore);
    }

    @Test
    void anOrderStreamThatStopsDeliveringIsFoundByThePeriodicReconciliationAndTreatedAsLost() {
        GridDriver grid = GridDriver.started(config, new BigDecimal("62000"));
        PaperVenue venue = grid.venue;
        // The sell entry at 62,105.3 fills, but the stream, still connected, never says so.
        venue.trade(new BigDecimal("62150"), grid.now(), (order, remaining) -> remaining);
        grid.advance(30_000);
        assertThat(grid.view().position()).isEqualByComparingTo("0");

        grid.advance(30_000); // one minute of running: the periodic reconciliation

        assertThat(grid.view().position()).as("resolved as at a restart").isEqualByComparingTo("-0.010");
        assertThat(prices(exits(grid, Side.BUY))).containsExactly("61842.1");
        assertThat(grid.view().recentLog()).anySatisfy(e -> assertThat(e.detail()).contains("drift", "no update said so"));
        assertThat(grid.view().driftsFound()).isEqualTo(1);
        assertThat(grid.view().recentLog()).anySatisfy(e -> assertThat(e.detail()).contains("treated as lost"));
        assertThat(grid.view().streamUp()).isFalse();

        // While the stream is silent the venue is polled every 5 s; its next delivery ends the suspicion.
        grid.clearRecorded();
        grid.advance(5_000);
        assertThat(grid.recorded(GridCommand.RequestSnapshot.class)).hasSize(1);
        grid.price("61800"); // the exit fills and the stream delivers it
        assertThat(grid.view().streamUp()).isTrue();
        assertThat(grid.view().position()).isEqualByComparingTo("0");
    }

    @Test
    void aQuietGridWhoseVenueAgreesIsNotReconciledByTheCheck() {
        GridDriver grid = GridDriver.started(config, new BigDecimal("62000"));
        grid.clearRecorded();

        grid.advance(60_000);

        assertThat(grid.recorded(GridCommand.RequestSnapshot.class)).hasSize(1);
        assertThat(grid.recorded(GridCommand.PlaceOrder.class)).isEmpty();
        assertThat(grid.recorded(GridCommand.CancelOrder.class)).isEmpty();
        assertThat(grid.view().driftsFound()).isZero();
        assertThat(grid.recorded(GridCommand.RecordLog.class)).noneMatch(l -> l.entry().detail().contains("reconciled"));
    }

    @Test
    void aStopBeforeTheRestartedGridHasSeenAPriceCancelsItsRestingOrdersByIdAndClosesItsPosition() {
        GridDriver first = GridDriver.started(config, new BigDecimal("62000"));
        first.price("62150"); // short 0.010; its exit and the other entries rest
        GridView saved = first.view();

        GridDriver second = GridDriver.on(GridMachine.restore(config, saved.ladder(), saved.levels()), first.venue,
                first.now() + 1_000);
        second.send(new GridEvent.ControlRequested(second.now(), Control.START)); // the snapshot waits for a price
        second.send(new GridEvent.ControlRequested(second.now(), Control.STOP));

        assertThat(second.view().status()).isEqualTo(GridStatus.STOPPED);
        assertThat(first.venue.openOrders()).isEmpty();
        assertThat(first.venue.position()).isEqualByComparingTo("0");
        assertThat(second.recorded(GridCommand.CancelAll.class)).isNotEmpty();
    }

    /**
     * Seen in CI (DrivenDaemonTest): a stop sent to a restarted grid before it adopted the dead holder's orders
     * cancelled them by id and reported stopped at once, so a cancel still on its way (or never sent once the grid
     * was let go) left an order resting behind a grid that said it stopped. Stopped now waits for a snapshot in
     * which none of the grid's orders rests.
     */
    @Test
    void aStopOfAGridThatHadNotAdoptedItsOrdersReportsStoppedOnlyOnceTheVenueShowsNoneResting() {
        GridDriver first = GridDriver.started(config, new BigDecimal("62000"));
        assertThat(first.venue.openOrders()).isNotEmpty();
        GridView saved = first.view();
        GridDriver second = GridDriver.on(GridMachine.restore(config, saved.ladder(), saved.levels()), first.venue,
                first.now() + 1_000).manual();
        second.send(new GridEvent.ControlRequested(second.now(), Control.START));
        second.send(new GridEvent.ControlRequested(second.now(), Control.STOP));

        List<GridCommand> cancels = second.deliver(first.venue.snapshot(second.now()));
        assertThat(cancels).anyMatch(c -> c instanceof GridCommand.CancelAll);
        assertThat(second.view().status()).as("its orders still rest").isEqualTo(GridStatus.STOPPING);
        assertThat(cancels).anyMatch(c -> c instanceof GridCommand.RequestSnapshot);

        // the cancels never reached the venue: the next snapshot shows the orders, which are cancelled again
        List<GridCommand> again = second.deliver(first.venue.snapshot(second.now()));
        assertThat(again).anyMatch(c -> c instanceof GridCommand.CancelAll);
        assertThat(second.view().status()).isEqualTo(GridStatus.STOPPING);

        first.venue.execute(again, second.now()).forEach(second::deliver);
        second.deliver(first.venue.snapshot(second.now()));
        assertThat(first.venue.openOrders()).isEmpty();
        assertThat(second.view().status()).isEqualTo(GridStatus.STOPPED);
    }
}
