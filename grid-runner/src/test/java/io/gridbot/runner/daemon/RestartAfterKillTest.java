package io.gridbot.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.runner.testing.DaemonProcess;
import io.gridbot.runner.testing.Eventually;
import io.gridbot.runner.testing.ServerDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A daemon on the embedded database, killed with SIGKILL and started again at once, comes up the first
 * time, every time: the killed process's lock file is still there, and H2 needs a few seconds to see that
 * it is stale (the restart used to fail with Flyway's "Unable to obtain connection" after the pool's 3 s).
 * Real processes: each round starts a daemon with its dashboard, waits until the dashboard answers, kills
 * the process and starts the next one without a pause. The same on MariaDB ({@code GRID_TEST_JDBC_URL}).
 */
class RestartAfterKillTest {

    private static final int ROUNDS = 4;
    private static final Pattern DASHBOARD = Pattern.compile("dashboard: (http://\\S+)");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Process daemon(int round, ServerDatabase server) throws Exception {
        ProcessBuilder daemon = new ProcessBuilder(DaemonProcess.command("daemon", "--data-dir",
                dir.resolve("data").toString(), "--http-port", "0"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("daemon-" + round + ".log").toFile());
        daemon.environment().remove("GRIDBOT_DB_URL");
        if (server != null) {
            daemon.environment().put("GRIDBOT_DB_URL", server.settings().jdbcUrl());
            daemon.environment().put("GRIDBOT_DB_USER", server.settings().user());
            daemon.environment().put("GRIDBOT_DB_PASSWORD", server.settings().password());
        }
        return daemon.start();
    }

    /** The dashboard's address once the daemon says it; fails at once, with its output, if the daemon exits. */
    private URI dashboardOf(Process daemon, int round) throws Exception {
        Path log = dir.resolve("daemon-" + round + ".log");
        return Eventually.awaitValue("round " + round + ": the daemon up", Duration.ofSeconds(90), () -> {
            String out = read(log);
            Matcher m = DASHBOARD.matcher(out);
            if (m.find()) {
                return URI.create(m.group(1));
            }
            if (!daemon.isAlive()) {
                throw new AssertionError("round " + round + ": the daemon exited with " + daemon.exitValue() + ":\n" + out);
            }
            return null;
        });
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"embedded", "mariadb"})
    void aDaemonKilledWithSigkillComesUpAgainAtTheFirstRestartEveryRound(String kind) throws Exception {
        ServerDatabase server = kind.equals("mariadb") ? ServerDatabase.create() : null;
        Process previous = null;
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                Process daemon = daemon(round, server);
                previous = daemon;
                URI dashboard = dashboardOf(daemon, round);
                HttpResponse<String> login = http.send(HttpRequest.newBuilder(dashboard.resolve("/login"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(login.statusCode()).as("round %d: the dashboard answers", round).isEqualTo(200);
                assertThat(daemon.isAlive()).isTrue();
                daemon.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, the lock file stays behind
                if (server == null) {
                    assertThat(Files.exists(dir.resolve("data/gridbot.lock.db"))).as("the killed daemon's lock is left")
                            .isTrue();
                }
            }
        } finally {
            if (previous != null && previous.isAlive()) {
                previous.destroyForcibly().waitFor();
            }
            if (server != null) {
                server.close();
            }
        }
    }
}
