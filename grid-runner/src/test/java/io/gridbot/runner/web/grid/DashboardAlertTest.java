package io.gridbot.runner.web.grid;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.log.LogEntry;
import io.gridbot.core.log.LogType;
import org.junit.jupiter.api.Test;

/** Issue 19: which trade-log entries are alert banners, and what they say. */
class DashboardAlertTest {

    private static DashboardAlert alert(LogType type, String detail) {
        return DashboardAlert.of("g", new LogEntry(1_000, type, detail, null, null)).orElse(null);
    }

    @Test
    void aStatusChangeIntoStopLossOrSafeModeIsAnAlertWithItsReason() {
        DashboardAlert stop = alert(LogType.INFO, "status RUNNING -> STOP_LOSS: price 23700 at or below 23750");
        assertThat(stop.kind()).isEqualTo("STOP_LOSS");
        assertThat(stop.message()).isEqualTo("stop-loss triggered: price 23700 at or below 23750; the position is being closed");
        DashboardAlert safe = alert(LogType.INFO, "status RUNNING -> SAFE_MODE: stream reconnects exhausted");
        assertThat(safe.kind()).isEqualTo("SAFE_MODE");
        assertThat(safe.message()).startsWith("safe mode: stream reconnects exhausted");
    }

    @Test
    void balanceWarningsAndErrorsAreAlertsButOtherEntriesAreNot() {
        assertThat(alert(LogType.WARN, "insufficient balance: no new entries for 60 s, exits kept").kind())
                .isEqualTo("BALANCE");
        assertThat(alert(LogType.ERROR, "unexpected error in the grid core: boom\n\tat x").message())
                .isEqualTo("unexpected error in the grid core: boom");
        assertThat(alert(LogType.ERROR, "venue stream gave up after 10 attempts: safe mode, all grid orders cancelled"))
                .as("its status change is the banner").isNull();
        assertThat(alert(LogType.INFO, "status PAUSED -> RUNNING: resumed")).isNull();
        assertThat(alert(LogType.WARN, "stream reconnecting")).isNull();
        assertThat(alert(LogType.FILL, "BUY 0.010 @ 25900")).isNull();
    }

    @Test
    void oneEventHasOneIdAtEveryRead() {
        String detail = "status RUNNING -> STOP_LOSS: price";
        assertThat(alert(LogType.INFO, detail).id()).isEqualTo(alert(LogType.INFO, detail).id())
                .isNotEqualTo(DashboardAlert.of("h", new LogEntry(1_000, LogType.INFO, detail, null, null))
                        .orElseThrow().id());
    }
}
