package io.gridbot.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridbot.runner.GridbotMain;
import io.gridbot.runner.link.DaemonEndpoint;
import io.gridbot.runner.testing.DaemonProcess;
import io.gridbot.runner.testing.Eventually;
import io.gridbot.runner.testing.GridYaml;
import io.gridbot.runner.web.grid.GridRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 13 end to end: with a real daemon process running, the commands of its data directory ask its API (found
 * through the endpoint it publishes) and a command answered that way loads none of the persistence stack (no H2,
 * Flyway, HikariCP or jOOQ class); control goes through the API too; once the daemon has stopped, the same
 * command reads the database again.
 */
class CliThroughDaemonTest {

    /** The persistence stack's packages, none of which a command answered by a daemon may load. */
    private static final List<String> PERSISTENCE = List.of(" org.h2.", " org.flywaydb.", " com.zaxxer.hikari.",
            " org.jooq.");
    private static final String GRID = GridYaml.shortBtcOnTheShippedMarket("through_api");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private int grid(String... args) {
        out.getBuffer().setLength(0);
        CommandLine cli = GridbotMain.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data-dir=" + dir.resolve("data"));
        return cli.execute(all.toArray(String[]::new));
    }

    /** Runs {@code grid status --output json -v} in a JVM of its own that logs every class it loads. */
    private Process cliProcess(String name) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(DaemonProcess.command(
                List.of("-Xlog:class+load=info:file=" + dir.resolve(name + ".classes")), "-v", "status", "--output",
                "json", "--data-dir", dir.resolve("data").toString()))
                .redirectOutput(dir.resolve(name + ".out").toFile()).redirectError(dir.resolve(name + ".err").toFile());
        builder.environment().remove("GRIDBOT_DB_URL");
        builder.environment().remove("GRIDBOT_API_URL");
        return builder.start();
    }

    private String read(String file) throws IOException {
        Path path = dir.resolve(file);
        return Files.exists(path) ? Files.readString(path) : "";
    }

    @Test
    void withADaemonRunningTheCommandsAskItsApiAndLoadNoPersistence() throws Exception {
        Path data = dir.resolve("data");
        assertThat(grid("config", "apply", "-f", Files.writeString(dir.resolve("g.yaml"), GRID).toString()))
                .as(out.toString()).isZero();
        ProcessBuilder daemonBuilder = new ProcessBuilder(DaemonProcess.command("daemon", "--http-port", "0",
                "--speed", "1", "--data-dir", data.toString()))
                .redirectOutput(dir.resolve("daemon.out").toFile()).redirectError(dir.resolve("daemon.err").toFile());
        daemonBuilder.environment().remove("GRIDBOT_DB_URL");
        Process daemon = daemonBuilder.start();
        try {
            DaemonEndpoint endpoint = Eventually.awaitValue("the daemon's endpoint", Duration.ofSeconds(90), () -> {
                assertThat(daemon.isAlive()).as("the daemon runs: %s", dir).isTrue();
                return DaemonEndpoint.published(data).stream().findFirst().orElse(null);
            });

            // The daemon holds the embedded database's lock: these answers can only come through its API.
            assertThat(grid("start", "--config", "through_api")).as(out.toString()).isZero();
            assertThat(out.toString()).contains("through_api: start accepted by");
            assertThat(grid("pause", "--config", "through_api")).as(out.toString()).isZero();
            assertThat(out.toString()).contains("pause accepted");
            assertThat(grid("status", "--config", "through_api")).as(out.toString()).isZero();
            assertThat(out.toString()).contains("state PAUSED", "working orders:");
            assertThat(grid("logs", "--config", "through_api", "--type", "info", "--since", "2000-01-01")).isZero();
            assertThat(out.toString()).contains("INFO");

            Process viaApi = cliProcess("via-api");
            assertThat(viaApi.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(viaApi.exitValue()).as(read("via-api.err")).isZero();
            assertThat(read("via-api.out")).startsWith("[");
            List<GridRow> rows = new ObjectMapper().readValue(read("via-api.out"), new TypeReference<List<GridRow>>() { });
            assertThat(rows).extracting(GridRow::name, GridRow::status).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("through_api", "PAUSED"));
            assertThat(read("via-api.err")).contains("answered by the daemon at " + endpoint.api());
            String loaded = read("via-api.classes");
            assertThat(loaded).contains(" io.gridbot.runner.link.DaemonApi ");
            PERSISTENCE.forEach(stack -> assertThat(loaded).as("loaded from %s", stack).doesNotContain(stack));
            assertThat(read("via-api.err")).doesNotContain(endpoint.token());
        } finally {
            daemon.destroy();
            assertThat(daemon.waitFor(60, TimeUnit.SECONDS)).as("the daemon stopped").isTrue();
        }

        Process viaDatabase = cliProcess("via-db");
        assertThat(viaDatabase.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(viaDatabase.exitValue()).as(read("via-db.err")).isZero();
        assertThat(read("via-db.err")).contains("answered by the database");
        assertThat(read("via-db.classes")).as("the check sees the stack when it is loaded").contains(" org.h2.");
        assertThat(new ObjectMapper().readTree(read("via-db.out")).get(0).path("status").asText()).isEqualTo("PAUSED");
    }
}
