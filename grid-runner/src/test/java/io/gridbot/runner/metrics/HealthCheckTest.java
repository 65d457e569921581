package io.gridbot.runner.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.log.LogEntry;
import io.gridbot.core.log.LogType;
import io.gridbot.core.machine.GridView;
import io.gridbot.core.machine.OrderDrift;
import io.gridbot.core.status.GridStatus;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.persistence.config.StoredGrid;
import io.gridbot.persistence.writebehind.WriteBehind;
import io.gridbot.runner.metrics.HealthReport.Status;
import io.gridbot.core.risk.PositionLegs;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which conditions make a daemon UP, DEGRADED or DOWN, as docs/monitoring.md states them (issue 13). */
class HealthCheckTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final GridConfig CONFIG = GridConfig.builder("g", MonitoredDaemon.BTC)
            .band(new BigDecimal("25000"), new BigDecimal("27000")).levels(21).orderQty(new BigDecimal("0.010"))
            .maxPosition(new BigDecimal("0.050")).stopLossBufferPct(new BigDecimal("5")).build();

    @TempDir
    Path dir;

    private Database db;
    private WriteBehind writes;
    private HealthCheck check;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseSettings.embedded(dir.resolve("db")));
        writes = new WriteBehind(db.tradeLog(), db.fills(), 10_000, 200, () -> NOW);
        check = new HealthCheck(db, writes, () -> NOW, "d1");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Monitoring.Observed grid(GridStatus status, boolean streamUp, long renewedAt, boolean mayTrade) {
        GridView view = new GridView("g", status, new BigDecimal("26000"), BigDecimal.ZERO, null, PositionLegs.FLAT, null,
                List.of(), 0, 0, 0, null, streamUp, 0, 0, 0, List.of());
        HostedGridState state = new HostedGridState(new StoredGrid(1, CONFIG, true, 0, 0), view, OrderDrift.NONE,
                NOW - 60_000, new HostedGridState.Lease(renewedAt, renewedAt + 30_000, renewedAt + 15_000, mayTrade));
        return new Monitoring.Observed(state, new StreamLog.Reading(streamUp, streamUp ? "CONNECTED" : "DISCONNECTED",
                NOW - 1_000));
    }

    @Test
    void aDaemonWithNothingWrongIsUpWithOrWithoutGrids() {
        assertThat(check.check(List.of()).status()).isEqualTo(Status.UP);
        HealthReport report = check.check(List.of(grid(GridStatus.RUNNING, true, NOW - 1_000, true)));
        assertThat(report.status()).isEqualTo(Status.UP);
        assertThat(report.httpStatus()).isEqualTo(200);
        assertThat(report.reasons()).isEmpty();
    }

    @Test
    void aStreamDownASafeModeOrALateRenewalIsDegraded() {
        assertThat(check.check(List.of(grid(GridStatus.RUNNING, false, NOW - 1_000, true))).reasons())
                .singleElement().asString().contains("grid g: the venue's streams are not connected (DISCONNECTED");
        assertThat(check.check(List.of(grid(GridStatus.SAFE_MODE, true, NOW - 1_000, true))).reasons())
                .containsExactly("grid g is in safe mode");
        assertThat(check.check(List.of(grid(GridStatus.STOPPED, false, NOW - 1_000, true))).status())
                .as("a stopped grid trades nothing").isEqualTo(Status.UP);
        HealthReport late = check.check(List.of(grid(GridStatus.RUNNING, true, NOW - 8_000, true)));
        assertThat(late.status()).isEqualTo(Status.DEGRADED);
        assertThat(late.httpStatus()).isEqualTo(200);
        assertThat(late.reasons()).singleElement().asString().contains("its lease was last renewed at");
    }

    @Test
    void aFencedGridIsDown() {
        HealthReport report = check.check(List.of(grid(GridStatus.RUNNING, true, NOW - 16_000, false)));
        assertThat(report.status()).isEqualTo(Status.DOWN);
        assertThat(report.httpStatus()).isEqualTo(503);
        assertThat(report.leases()).singleElement().satisfies(l -> assertThat(l.fenced()).isTrue());
        assertThat(report.reasons()).singleElement().asString().contains("it sends no orders");
    }

    @Test
    void aWriteBehindOutageIsDownEvenWhileTheDatabaseAnswersAgain() {
        Database gone = Database.open(DatabaseSettings.embedded(dir.resolve("gone")));
        WriteBehind failing = new WriteBehind(gone.tradeLog(), gone.fills(), 10_000, 200, () -> NOW);
        gone.close();
        failing.log(1, new LogEntry(NOW, LogType.INFO, "x", null, null));
        assertThat(failing.flush()).isFalse();

        HealthReport report = new HealthCheck(db, failing, () -> NOW, "d1").check(List.of());
        assertThat(report.status()).isEqualTo(Status.DOWN);
        assertThat(report.database().reachable()).isTrue();
        assertThat(report.database().writeBehind()).isFalse();
        assertThat(report.database().outageSince()).isEqualTo(java.time.Instant.ofEpochMilli(NOW).toString());
        assertThat(report.database().backlog()).isEqualTo(1);
        assertThat(report.reasons()).singleElement().asString().startsWith("the write-behind's writes fail since");
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsDown() {
        db.close();
        HealthReport report = check.check(List.of());
        assertThat(report.status()).isEqualTo(Status.DOWN);
        assertThat(report.database().reachable()).isFalse();
        assertThat(report.reasons()).containsExactly("the database does not answer");
    }
}
