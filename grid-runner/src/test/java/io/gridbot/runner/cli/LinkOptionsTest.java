package io.gridbot.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.link.DaemonRefused;
import io.gridbot.runner.link.GridLink;
import io.gridbot.runner.store.StoreOptions;
import io.gridbot.runner.web.DashboardServer;
import io.gridbot.runner.web.grid.GridRow;
import io.gridbot.runner.web.grid.LiveGrids;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 13: which daemon a command asks. {@code GRIDBOT_API_URL} with {@code GRIDBOT_API_TOKEN} (or {@code --api})
 * names one; a wrong token is refused with the reason; nothing at the address, and the database answers.
 */
class LinkOptionsTest {

    @TempDir
    Path dir;

    private Database db;
    private DashboardServer server;

    @BeforeEach
    void aServer() throws Exception {
        db = Database.open(DatabaseSettings.embedded(dir));
        db.configs().create(GridConfig.builder("g", new SymbolRules("BTCUSDT", new BigDecimal("0.1"),
                new BigDecimal("0.001"), BigDecimal.ZERO, BigDecimal.ZERO, 200)).exchange("simulated").levels(20)
                .orderQty(new BigDecimal("0.010")).band(new BigDecimal("25000"), new BigDecimal("27000")).build(), 0);
        server = DashboardServer.start(new DashboardServer.Settings("127.0.0.1", 0), db, LiveGrids.none());
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
    }

    private GridLink link(Map<String, String> env, String... args) {
        LinkOptions link = new LinkOptions();
        StoreOptions store = new StoreOptions();
        CommandLine cli = new CommandLine(new Object() {
            @CommandLine.Mixin
            LinkOptions l = link;
            @CommandLine.Mixin
            StoreOptions s = store;
        });
        cli.parseArgs(args);
        return link.open(store, env);
    }

    @Test
    void theEnvironmentNamesTheDaemonAndItsToken() {
        try (GridLink link = link(Map.of("GRIDBOT_API_URL", server.uri().toString(), "GRIDBOT_API_TOKEN",
                server.controlToken()), "--data-dir", dir.resolve("elsewhere").toString())) {
            assertThat(link.grids()).extracting(GridRow::name).containsExactly("g");
            assertThat(link.where()).isEqualTo("the daemon at " + server.uri());
        }
    }

    @Test
    void apiOnTheCommandLineWinsAndAWrongTokenIsRefusedWithTheReason() {
        try (GridLink link = link(Map.of("GRIDBOT_API_URL", "http://127.0.0.1:1/", "GRIDBOT_API_TOKEN", "gbt_nope"),
                "--api", server.uri().toString())) {
            assertThatThrownBy(link::grids).isInstanceOf(DaemonRefused.class).hasMessageContaining("401")
                    .hasMessageContaining("GRIDBOT_API_TOKEN");
        }
    }

    @Test
    void nothingAtTheAddressAndTheDatabaseAnswers() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        server.close();
        db.close();
        try (GridLink link = link(Map.of("GRIDBOT_API_URL", "http://127.0.0.1:" + closed + "/"), "--data-dir",
                dir.toString())) {
            assertThat(link.grids()).extracting(GridRow::name).containsExactly("g");
            assertThat(link.where()).isEqualTo("the database");
        }
        db = Database.open(DatabaseSettings.embedded(dir));
        server = DashboardServer.start(new DashboardServer.Settings("127.0.0.1", 0), db, LiveGrids.none());
    }
}
