package io.gridbot.runner.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.runner.testing.ServerDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: two simulated hours (every fault at least once) of two daemon processes trading three grids on
 * MariaDB through the soak's fault schedule; the run must break no invariant, crash no daemon and inject every
 * fault. {@code -Dgridbot.soak.hours=24} makes it the long run (see docs/soak.md).
 */
class SoakTest {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // the daemons' logs and the report stay when it fails
    Path dir;

    @Test
    void twoDaemonsTradeThroughEveryFaultAndTheLedgersAreTheVenuesTruth() throws Exception {
        try (ServerDatabase server = ServerDatabase.create()) {
            SoakReport report = new Soak(SoakPlan.fromProperties(2, 20261201L, 2), dir, server.settings()).run();
            System.out.println(report.describe());
            assertThat(report.missing()).as("every fault injected").isEmpty();
            assertThat(report.crashes()).as("daemon crashes").isZero();
            assertThat(report.violations().describe()).as("invariant breaks").isEqualTo("none");
            assertThat(report.executions().values()).as("every grid traded").allMatch(n -> n > 0);
        }
    }
}
