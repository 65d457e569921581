package io.gridbot.core.machine;

import static io.gridbot.core.testing.Book.entries;
import static io.gridbot.core.testing.Book.prices;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.event.GridEvent;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.core.spacing.Spacing;
import io.gridbot.core.status.GridStatus;
import io.gridbot.core.testing.Configs;
import io.gridbot.core.testing.GridDriver;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Lifecycle paths beyond the basics: percentage lines, stop-loss while paused, safe mode and back. */
class MoreLifecycleTest {

    @Test
    void AC6_1_percentageLinesAreCentredOnTheFirstPriceAndKeptAfterwards() {
        GridDriver grid = GridDriver.started(Configs.small(GridMode.NEUTRAL)
                .spacing(new Spacing.Percentage(new BigDecimal("1"), null)).band(null, null).build(), new BigDecimal("200"));

        assertThat(grid.view().ladder().price(grid.view().ladder().centreLine())).isEqualByComparingTo("200");
        assertThat(grid.view().ladder().price(6)).isEqualByComparingTo("202");
        assertThat(prices(entries(grid, Side.SELL))).containsExactly("202.0", "204.0", "206.0");
        assertThat(grid.recorded(GridCommand.LadderBuilt.class)).hasSize(1);

        grid.price("201");
        assertThat(grid.view().ladder().price(5)).isEqualByComparingTo("200");
    }

    @Test
    void theStopLossStaysArmedWhilePaused() {
        GridDriver grid = GridDriver.started(Configs.workedExample().build(), new BigDecimal("62000"));
        grid.price("62400");
        grid.send(new GridEvent.ControlRequested(grid.now(), Control.PAUSE));

        grid.price("59000");

        assertThat(grid.view().status()).isEqualTo(GridStatus.STOPPED);
        assertThat(grid.view().lastStopLoss()).isNotNull();
        assertThat(grid.venue.position()).isEqualByComparingTo("0");
    }

    @Test
    void resumingFromSafeModeResynchronisesAndCarriesOn() {
        GridDriver grid = GridDriver.started(Configs.workedExample().build(), new BigDecimal("62000"));
        grid.price("62105.3");
        grid.send(new GridEvent.StreamHealth(grid.now(), GridEvent.StreamState.GAVE_UP, 3));
        assertThat(grid.view().status()).isEqualTo(GridStatus.SAFE_MODE);

        grid.send(new GridEvent.StreamHealth(grid.now(), GridEvent.StreamState.CONNECTED, 0));
        grid.send(new GridEvent.ControlRequested(grid.now(), Control.RESUME));
        grid.price("62000");

        assertThat(grid.view().status()).isEqualTo(GridStatus.RUNNING);
        assertThat(entries(grid, Side.SELL)).hasSize(11);
        assertThat(grid.venue.position()).isEqualByComparingTo("-0.010");
    }

    @Test
    void aPostOnlyEntryThatWouldTakeCoolsItsLineDown() {
        GridDriver grid = GridDriver.started(Configs.workedExample().timeInForce(TimeInForce.GTX).build(),
                new BigDecimal("62000"));
        grid.price("62105.3");
        grid.venue.rejectNextCreates(ExchangeErrorKind.POST_ONLY_WOULD_TAKE);
        grid.price("61842.1"); // the exit fills; the returning entry is refused as a taker

        assertThat(prices(entries(grid, Side.SELL))).doesNotContain("62105.3");
        grid.advance(5_000);
        assertThat(prices(entries(grid, Side.SELL))).contains("62105.3");
        assertThat(entries(grid, Side.SELL)).allMatch(o -> o.timeInForce() == TimeInForce.GTX);
    }

    @Test
    void aLostAcknowledgementIsResolvedByQueryingTheVenue() {
        GridDriver grid = GridDriver.started(Configs.workedExample().build(), new BigDecimal("62000"));
        grid.venue.timeOutNextCreatesButPlaceThem(1);
        grid.price("62105.3"); // the exit's answer times out, yet the exit rests

        assertThat(grid.recorded(GridCommand.QueryOrder.class)).hasSize(1);
        grid.advance(5_000);
        assertThat(grid.venue.openOrders()).filteredOn(r -> r.request.reduceOnly()).hasSize(1);
        grid.price("61842.1");
        assertThat(grid.venue.position()).isEqualByComparingTo("0");
    }
}
