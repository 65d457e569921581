package io.gridbot.runner.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.web.grid.LiveGrids;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The dashboard's options: off unless asked for, on 127.0.0.1:8080 by default, a warning off loopback. */
class DashboardOptionsTest {

    @TempDir
    Path dir;

    private static DashboardOptions parse(String... args) {
        DashboardOptions options = new DashboardOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void offUnlessAskedForThenOnLoopback8080() {
        assertThat(parse().settings()).isEmpty();
        assertThat(parse("--dashboard").settings()).contains(new DashboardServer.Settings("127.0.0.1", 8080));
        assertThat(parse("--dashboard-port", "9000").settings()).contains(new DashboardServer.Settings("127.0.0.1", 9000));
        assertThat(parse("--dashboard", "--dashboard-bind", "0.0.0.0").settings().orElseThrow().loopbackOnly()).isFalse();
        assertThat(parse("--dashboard").settings().orElseThrow().loopbackOnly()).isTrue();
        assertThat(parse("--dashboard").settings().orElseThrow().behindTls()).isFalse();
        assertThat(parse("--dashboard", "--dashboard-behind-tls").settings())
                .contains(new DashboardServer.Settings("127.0.0.1", 8080, true));
    }

    @Test
    void listeningBeyondLoopbackWarnsAndSaysHowToAddAUser() throws Exception {
        StringWriter out = new StringWriter();
        try (Database db = Database.open(DatabaseSettings.embedded(dir));
             DashboardServer server = DashboardOptions.on("0.0.0.0", 0).start(db, LiveGrids.none(),
                     new PrintWriter(out, true)).orElseThrow()) {
            assertThat(out.toString()).contains("WARNING", "0.0.0.0", "TLS", "grid user add");
            assertThat(server.uri().getPort()).isPositive();
        }
    }
}
