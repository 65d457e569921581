package io.gridbot.runner.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.metrics.HttpMonitoring;
import io.gridbot.runner.web.grid.LiveGrids;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The HTTP server's options: always on, 127.0.0.1:8080 by default, the older dashboard names still accepted, a
 * warning off loopback, and a taken port refused with the option to change.
 */
class DashboardOptionsTest {

    @TempDir
    Path dir;

    private static DashboardOptions parse(String... args) {
        DashboardOptions options = new DashboardOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void alwaysOnLoopback8080UnlessToldOtherwise() {
        assertThat(parse().settings()).isEqualTo(new DashboardServer.Settings("127.0.0.1", 8080));
        assertThat(parse("--dashboard").settings()).isEqualTo(new DashboardServer.Settings("127.0.0.1", 8080));
        assertThat(parse("--http-port", "0").settings()).isEqualTo(new DashboardServer.Settings("127.0.0.1", 0));
        assertThat(parse("--http-bind", "0.0.0.0").settings().loopbackOnly()).isFalse();
        assertThat(parse().settings().loopbackOnly()).isTrue();
        assertThat(parse("--http-behind-tls").settings()).isEqualTo(new DashboardServer.Settings("127.0.0.1", 8080, true));
    }

    @Test
    void theDashboardNamesOfTheOptionsStillWork() {
        assertThat(parse("--dashboard-port", "9000").settings()).isEqualTo(new DashboardServer.Settings("127.0.0.1", 9000));
        assertThat(parse("--dashboard", "--dashboard-bind", "0.0.0.0").settings().loopbackOnly()).isFalse();
        assertThat(parse("--dashboard", "--dashboard-behind-tls").settings())
                .isEqualTo(new DashboardServer.Settings("127.0.0.1", 8080, true));
    }

    @Test
    void aTakenPortIsRefusedWithTheOptionToChange() throws Exception {
        try (Database db = Database.open(DatabaseSettings.embedded(dir));
             java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> DashboardOptions.on("127.0.0.1",
                    taken.getLocalPort()).start(db, LiveGrids.none(), HttpMonitoring.NONE, new PrintWriter(new StringWriter())))
                    .isInstanceOf(DashboardOptions.UnusableAddressException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort()).hasMessageContaining("--http-port");
        }
    }

    @Test
    void listeningBeyondLoopbackWarnsAndSaysHowToAddAUser() throws Exception {
        StringWriter out = new StringWriter();
        try (Database db = Database.open(DatabaseSettings.embedded(dir));
             DashboardServer server = DashboardOptions.on("0.0.0.0", 0).start(db, LiveGrids.none(),
                     HttpMonitoring.NONE, new PrintWriter(out, true))) {
            assertThat(out.toString()).contains("WARNING", "0.0.0.0", "TLS", "grid user add");
            assertThat(server.uri().getPort()).isPositive();
        }
    }
}
