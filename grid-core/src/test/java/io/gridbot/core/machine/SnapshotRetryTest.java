package io.gridbot.core.machine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.event.GridEvent;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.status.GridStatus;
import io.gridbot.core.testing.Configs;
import io.gridbot.core.testing.GridDriver;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Seen in the soak (issue 14): a 429 storm made a snapshot fail, and every grid paused "after an unexpected
 * error", waiting for a person. A snapshot that fails for a passing reason is asked again after the venue's
 * retry-after (AC12.3's cooldown) or a backoff, placing nothing meanwhile; other failures, and passing ones
 * that go on, still pause the grid (AC12.7).
 */
class SnapshotRetryTest {

    private final GridDriver grid = new GridDriver(GridMachine.create(Configs.workedExample().build()),
            new BigDecimal("62000"), 0).manual();

    private void startWithoutAnswer() {
        grid.send(new GridEvent.ControlRequested(0, Control.START));
        grid.send(new GridEvent.PriceTick(0, new BigDecimal("62000")));
        assertThat(grid.recorded(GridCommand.RequestSnapshot.class)).hasSize(1);
        grid.clearRecorded();
    }

    private void answerSnapshots(long atMs) {
        grid.venue.execute(grid.recorded(GridCommand.RequestSnapshot.class).stream().map(GridCommand.class::cast)
                .toList(), atMs).forEach(grid::send);
    }

    @Test
    void AC12_3_aRateLimitedSnapshotIsAskedAgainAfterTheRetryAfterAndTheGridRunsWithoutAPerson() {
        startWithoutAnswer();
        grid.send(new GridEvent.SnapshotFailed(10, ExchangeErrorKind.RATE_LIMITED, 30_000, "Too many requests"));
        assertThat(grid.view().status()).as("not paused").isEqualTo(GridStatus.INITIALIZING);

        grid.send(new GridEvent.TimerTick(29_000));
        assertThat(grid.recorded(GridCommand.RequestSnapshot.class)).as("not before the retry-after").isEmpty();
        assertThat(grid.recorded(GridCommand.PlaceOrder.class)).as("nothing placed meanwhile").isEmpty();

        grid.send(new GridEvent.TimerTick(30_010));
        assertThat(grid.recorded(GridCommand.RequestSnapshot.class)).hasSize(1);
        answerSnapshots(30_020);
        assertThat(grid.view().status()).isEqualTo(GridStatus.RUNNING);
        assertThat(grid.recorded(GridCommand.PlaceOrder.class)).isNotEmpty();
    }

    @Test
    void aRunningGridKeepsRunningThroughANetworkFailureOfItsDriftCheck() {
        grid.send(new GridEvent.ControlRequested(0, Control.START));
        grid.send(new GridEvent.PriceTick(0, new BigDecimal("62000")));
        answerSnapshots(5);
        assertThat(grid.view().status()).isEqualTo(GridStatus.RUNNING);
        grid.clearRecorded();
        long check = 5;
        while (grid.recorded(GridCommand.RequestSnapshot.class).isEmpty()) { // the periodic drift check falls due
            check += 1_000;
            grid.send(new GridEvent.TimerTick(check));
        }
        grid.clearRecorded();
        grid.send(new GridEvent.SnapshotFailed(check + 5, ExchangeErrorKind.NETWORK, 0, "connection reset"));
        assertThat(grid.view().status()).isEqualTo(GridStatus.RUNNING);
        grid.send(new GridEvent.TimerTick(check + 1_010)); // the first backoff: 1 s
        assertThat(grid.recorded(GridCommand.RequestSnapshot.class)).hasSize(1);
        answerSnapshots(check + 1_020);
        assertThat(grid.view().status()).isEqualTo(GridStatus.RUNNING);
    }

    @Test
    void AC12_7_aSnapshotRefusedForAnotherReasonPausesTheGrid() {
        startWithoutAnswer();
        grid.send(new GridEvent.SnapshotFailed(10, ExchangeErrorKind.AUTHENTICATION, 0, "Invalid API-key"));
        assertThat(grid.view().status()).isEqualTo(GridStatus.PAUSED);
        assertThat(grid.recorded(GridCommand.Alert.class)).anyMatch(a -> a.kind() == GridCommand.AlertKind.UNEXPECTED_ERROR);
    }

    @Test
    void AC12_7_aPassingFailureThatGoesOnPausesTheGridInTheEnd() {
        startWithoutAnswer();
        long now = 10;
        for (int i = 0; i < SnapshotRetry.MAX_IN_A_ROW; i++) {
            grid.send(new GridEvent.SnapshotFailed(now, ExchangeErrorKind.EXCHANGE_UNAVAILABLE, 0, "503"));
            assertThat(grid.view().status()).as("failure " + (i + 1)).isEqualTo(GridStatus.INITIALIZING);
            now += 31_000; // past the longest backoff
            grid.send(new GridEvent.TimerTick(now));
            assertThat(grid.recorded(GridCommand.RequestSnapshot.class)).as("asked again " + (i + 1)).hasSize(i + 1);
        }
        grid.send(new GridEvent.SnapshotFailed(now, ExchangeErrorKind.EXCHANGE_UNAVAILABLE, 0, "503"));
        assertThat(grid.view().status()).isEqualTo(GridStatus.PAUSED);
    }
}
