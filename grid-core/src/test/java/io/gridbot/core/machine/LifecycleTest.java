package io.gridbot.core.machine;

import static io.gridbot.core.testing.Book.entries;
import static io.gridbot.core.testing.Book.exits;
import static io.gridbot.core.testing.Book.resting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.config.InvalidConfigException;
import io.gridbot.core.event.GridEvent;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.level.LevelState;
import io.gridbot.core.order.Side;
import io.gridbot.core.status.GridStatus;
import io.gridbot.core.testing.Configs;
import io.gridbot.core.testing.GridDriver;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** FR-13: start, pause, resume, stop and status. */
class LifecycleTest {

    private final GridDriver grid = GridDriver.started(Configs.workedExample().build(), new BigDecimal("62000"));

    private GridDriver control(Control control) {
        return grid.send(new GridEvent.ControlRequested(grid.now(), control));
    }

    @Test
    void AC13_2_startBuildsTheLinesAsksForTheVenueStateAndPlacesOrders() {
        GridDriver fresh = new GridDriver(GridMachine.create(Configs.workedExample().build()), new BigDecimal("62000"), 0);
        fresh.send(new GridEvent.ControlRequested(0, Control.START));

        assertThat(fresh.recorded(GridCommand.LadderBuilt.class)).hasSize(1);
        assertThat(fresh.recorded(GridCommand.RequestSnapshot.class)).hasSize(1);
        assertThat(fresh.view().status()).isEqualTo(GridStatus.INITIALIZING);
        assertThat(resting(fresh)).isEmpty(); // no price yet

        fresh.price("62000");
        assertThat(fresh.view().status()).isEqualTo(GridStatus.RUNNING);
        assertThat(entries(fresh, Side.SELL)).hasSize(12);
    }

    @Test
    void AC13_4_aGridPausedByAFaultBeforeItEverSawTheVenueAsksForItAgainOnResumeBeforePlacingAnything() {
        GridDriver fresh = new GridDriver(GridMachine.create(Configs.workedExample().build()), new BigDecimal("62000"), 0)
                .manual();
        fresh.send(new GridEvent.ControlRequested(0, Control.START));
        fresh.send(new GridEvent.PriceTick(0, new BigDecimal("62000")));
        fresh.send(new GridEvent.Fault(1, "the snapshot's request failed"));
        assertThat(fresh.view().status()).isEqualTo(GridStatus.PAUSED);
        fresh.clearRecorded();

        fresh.send(new GridEvent.ControlRequested(2, Control.RESUME));

        assertThat(fresh.recorded(GridCommand.PlaceOrder.class)).isEmpty();
        assertThat(fresh.recorded(GridCommand.RequestSnapshot.class)).hasSize(1);
        assertThat(fresh.view().status()).isEqualTo(GridStatus.INITIALIZING);
        fresh.venue.execute(fresh.recorded(GridCommand.RequestSnapshot.class).stream()
                .map(GridCommand.class::cast).toList(), 3).forEach(fresh::send);
        assertThat(fresh.view().status()).isEqualTo(GridStatus.RUNNING);
        assertThat(fresh.recorded(GridCommand.PlaceOrder.class)).isNotEmpty();
    }

    @Test
    void AC13_2_anInvalidConfigurationCannotMakeAGrid() {
        assertThatThrownBy(() -> GridMachine.create(Configs.workedExample().levels(3).build()))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("levels");
    }

    @Test
    void AC13_4_pauseKeepsOrdersAndPositionAndPlacesNothingNew() {
        grid.price("62105.3");
        int before = resting(grid).size();
        control(Control.PAUSE).clearRecorded();

        grid.price("62368.4").advance(5_000);

        assertThat(grid.view().status()).isEqualTo(GridStatus.PAUSED);
        assertThat(grid.recorded(GridCommand.PlaceOrder.class)).isEmpty();
        assertThat(grid.recorded(GridCommand.CancelOrder.class)).isEmpty();
        assertThat(resting(grid)).hasSize(before - 1); // the second entry filled; its exit waits
        assertThat(grid.venue.position()).isEqualByComparingTo("-0.020");
    }

    @Test
    void whilePausedTheProtectiveStopStillFollowsThePosition() {
        control(Control.PAUSE);

        grid.price("62105.3"); // a resting entry fills while paused

        assertThat(grid.venue.position()).isEqualByComparingTo("-0.010");
        assertThat(io.gridbot.core.testing.Book.stops(grid)).singleElement()
                .satisfies(stop -> assertThat(stop.side()).isEqualTo(Side.BUY));
        assertThat(exits(grid, Side.BUY)).isEmpty(); // but no new grid order
    }

    @Test
    void AC13_6_resumeContinuesWithoutReinitialising() {
        grid.price("62105.3");
        control(Control.PAUSE);
        grid.price("62368.4");
        grid.clearRecorded();

        control(Control.RESUME);

        assertThat(grid.view().status()).isEqualTo(GridStatus.RUNNING);
        assertThat(grid.recorded(GridCommand.LadderBuilt.class)).isEmpty();
        assertThat(grid.recorded(GridCommand.RequestSnapshot.class)).isEmpty();
        assertThat(exits(grid, Side.BUY)).hasSize(2);
    }

    @Test
    void AC13_8_stopCancelsEverythingClosesThePositionAndClearsTheLevels() {
        grid.price("62400");

        control(Control.STOP);

        assertThat(grid.view().status()).isEqualTo(GridStatus.STOPPED);
        assertThat(grid.venue.openOrders()).isEmpty();
        assertThat(grid.venue.position()).isEqualByComparingTo("0");
        assertThat(grid.view().levels()).allMatch(l -> l.state() == LevelState.IDLE);
        assertThat(grid.view().lastStopLoss()).isNull();
    }

    @Test
    void AC13_10_statusShowsStatePositionOrdersAndRecentErrors() {
        grid.price("62105.3");
        grid.send(new GridEvent.Fault(grid.now(), "disk full"));

        GridView view = grid.view();
        assertThat(view.status()).isEqualTo(GridStatus.PAUSED);
        assertThat(view.position()).isEqualByComparingTo("-0.010");
        assertThat(view.openOrders()).isEqualTo(resting(grid).size());
        assertThat(view.recentLog()).anySatisfy(e -> assertThat(e.detail()).contains("disk full"));
    }

    @Test
    void AC12_7_anUnexpectedErrorPausesTheGridAndRaisesAnAlert() {
        grid.send(new GridEvent.Fault(grid.now(), "boom"));

        assertThat(grid.view().status()).isEqualTo(GridStatus.PAUSED);
        assertThat(grid.recorded(GridCommand.Alert.class))
                .anyMatch(a -> a.kind() == GridCommand.AlertKind.UNEXPECTED_ERROR);
    }

    @Test
    void aMalformedEventPausesTheGridInsteadOfThrowing() {
        var out = grid.deliver(new GridEvent.PriceTick(grid.now(), null));

        assertThat(grid.view().status()).isEqualTo(GridStatus.PAUSED);
        assertThat(out).anyMatch(c -> c instanceof GridCommand.RecordLog r && r.entry().detail().contains("NullPointer"));
    }

    @Test
    void controlsThatDoNotApplyAreIgnoredWithAWarning() {
        control(Control.START);
        control(Control.RESUME);

        assertThat(grid.view().status()).isEqualTo(GridStatus.RUNNING);
        assertThat(grid.view().recentLog()).anySatisfy(e -> assertThat(e.detail()).contains("start ignored"));
    }
}
