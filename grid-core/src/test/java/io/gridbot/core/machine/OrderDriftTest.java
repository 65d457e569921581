package io.gridbot.core.machine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.event.GridEvent;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.testing.Configs;
import io.gridbot.core.testing.GridDriver;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The drift between the ideal order set and what rests, as the metrics read it (issue 13). */
class OrderDriftTest {

    private final GridDriver grid = GridDriver.started(Configs.workedExample().build(), new BigDecimal("62000"));

    @Test
    void aGridInStepHasNoDrift() {
        assertThat(grid.machine.drift()).isEqualTo(OrderDrift.NONE);
        grid.price("62105.3");
        assertThat(grid.machine.drift().total()).as("the exit of the fill is placed at once").isZero();
    }

    @Test
    void aRateLimitPauseLeavesIdealOrdersMissingUntilItEnds() {
        grid.venue.rejectNextCreates(ExchangeErrorKind.RATE_LIMITED);
        grid.price("62400"); // two entries fill; the first create after it hits the limit

        OrderDrift during = grid.machine.drift();
        assertThat(during.missing()).as("the exits and entries the pause holds back").isPositive();
        assertThat(during.total()).isEqualTo(during.missing() + during.surplus());

        grid.advance(10_000).advance(10_000).advance(10_001);
        assertThat(grid.machine.drift()).as("in step once the pause is over").isEqualTo(OrderDrift.NONE);
    }

    @Test
    void aPausedGridHasNoIdealSetToMiss() {
        grid.venue.rejectNextCreates(ExchangeErrorKind.RATE_LIMITED);
        grid.price("62400");
        grid.send(new GridEvent.ControlRequested(grid.now(), GridEvent.Control.PAUSE));
        assertThat(grid.machine.drift()).isEqualTo(OrderDrift.NONE);
    }
}
