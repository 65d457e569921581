package io.gridbot.runner.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.runner.GridbotMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code /health} and {@code /metrics} of a daemon hosting a grid on the simulated venue (issue 13): the health
 * shows the database and the lease and turns DOWN when the database is cut; the metrics are Prometheus text
 * whose per-grid figures agree with {@code grid status} and the venue, and whose venue-call meters move.
 */
class DaemonMonitoringTest {

    private static final Map<String, String> GRID = Map.of("grid", "g", "exchange", "simulated", "symbol", "BTCUSDT");

    @TempDir
    Path dir;

    private MonitoredDaemon d;

    @BeforeEach
    void start() throws Exception {
        d = new MonitoredDaemon(dir);
        d.startGrid();
    }

    @AfterEach
    void stop() {
        d.close();
    }

    @Test
    void healthIsUpWithTheDatabaseTheStreamAndTheLeaseShown() throws Exception {
        HttpResponse<String> response = d.get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode health = d.health();
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("reasons")).isEmpty();
        assertThat(health.path("daemon").asText()).isEqualTo("monitored-daemon");
        assertThat(health.path("database").path("reachable").asBoolean()).isTrue();
        assertThat(health.path("database").path("writeBehind").asBoolean()).isTrue();
        assertThat(health.path("streams")).singleElement().satisfies(s -> {
            assertThat(s.path("grid").asText()).isEqualTo("g");
            assertThat(s.path("exchange").asText()).isEqualTo("simulated");
            assertThat(s.path("symbol").asText()).isEqualTo("BTCUSDT");
            assertThat(s.path("connected").asBoolean()).isTrue();
            assertThat(s.path("since").asText()).isNotBlank();
        });
        assertThat(health.path("leases")).singleElement().satisfies(l -> {
            assertThat(l.path("grid").asText()).isEqualTo("g");
            assertThat(l.path("fenced").asBoolean()).isFalse();
            java.time.Instant renewed = java.time.Instant.parse(l.path("renewedAt").asText());
            assertThat(java.time.Instant.parse(l.path("expiresAt").asText())).isEqualTo(renewed.plusSeconds(30));
            assertThat(java.time.Instant.parse(l.path("sendsOrdersUntil").asText())).isEqualTo(renewed.plusSeconds(15));
        });
    }

    @Test
    void healthIsDownWith503WhenTheDatabaseIsCut() throws Exception {
        d.db.close(); // every read and write fails from now on

        HttpResponse<String> response = d.get("/health");
        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode health = d.health();
        assertThat(health.path("status").asText()).isEqualTo("DOWN");
        assertThat(health.path("database").path("reachable").asBoolean()).isFalse();
        assertThat(health.path("reasons").toString()).contains("the database does not answer");
        assertThat(d.metrics().sum("gridbot_health", Map.of("status", "DOWN"))).isEqualTo(1);
        assertThat(d.metrics().sum("gridbot_database_up", Map.of())).isZero();
    }

    @Test
    void metricsAreReadableAndThePositionAndOrdersAgreeWithStatusAndTheVenue() throws Exception {
        d.trade("25890.0"); // the buys at 26,000 and 25,900 fill
        BigDecimal position = MonitoredDaemon.awaitValue("the fills in the ledger", () -> {
            BigDecimal p = statusPosition();
            return p.compareTo(new BigDecimal("0.020")) == 0 ? p : null;
        });
        MonitoredDaemon.await("the grid in step", () -> {
            try {
                PrometheusText m = d.metrics();
                return m.sum("gridbot_grid_order_drift", GRID) == 0
                        && m.sum("gridbot_grid_open_orders", Map.of("grid", "g", "kind", "entry"))
                        + m.sum("gridbot_grid_open_orders", Map.of("grid", "g", "kind", "exit")) == d.limitOrders().size();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        PrometheusText m = d.metrics();
        assertThat(m.sum("gridbot_grid_position", GRID)).isEqualTo(position.doubleValue());
        assertThat(m.sum("gridbot_grid_open_orders", Map.of("grid", "g", "kind", "exit")))
                .as("an exit for each filled buy").isEqualTo(2);
        assertThat(m.sum("gridbot_grid_stream_up", GRID)).isEqualTo(1);
        assertThat(m.sum("gridbot_grid_status", Map.of("grid", "g", "status", "RUNNING"))).isEqualTo(1);
        assertThat(m.sum("gridbot_grid_last_fill_age_seconds", GRID)).isBetween(0.0, 60.0);
        assertThat(m.sum("gridbot_grids_hosted", Map.of())).isEqualTo(1);
        assertThat(m.sum("gridbot_health", Map.of("status", "UP"))).isEqualTo(1);
        assertThat(m.sum("gridbot_order_ack_seconds_count", Map.of("grid", "g", "outcome", "accepted")))
                .as("every order placed was timed").isGreaterThanOrEqualTo(d.limitOrders().size());
        assertThat(m.names()).contains("jvm_memory_used_bytes", "hikaricp_connections_active", "jetty_threads_busy",
                "process_uptime_seconds", "gridbot_writebehind_backlog", "gridbot_writebehind_dropped_total");
    }

    @Test
    void aRateLimitHitIsCounted() throws Exception {
        assertThat(d.metrics().sum("gridbot_venue_rate_limit_hits_total", GRID)).isZero();
        d.exchange.faults().rejectNextCreates(1, ExchangeErrorKind.RATE_LIMITED);
        d.trade("25890.0"); // two fills: their exits and new entries are created, the first one refused
        MonitoredDaemon.await("the refusal counted", () -> {
            try {
                return d.metrics().sum("gridbot_venue_rate_limit_hits_total", GRID) == 1;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        PrometheusText m = d.metrics();
        assertThat(m.sum("gridbot_venue_refusals_total", Map.of("grid", "g", "kind", "rate_limited"))).isEqualTo(1);
        assertThat(m.sum("gridbot_order_ack_seconds_count", Map.of("grid", "g", "outcome", "refused"))).isEqualTo(1);
        assertThat(m.sum("gridbot_grid_order_drift", Map.of("grid", "g", "kind", "missing")))
                .as("the 30 s pause holds the ideal orders back").isPositive();
    }

    @Test
    void aVenueStreamDownMakesItDegradedStillAnswering200UntilTheStreamIsBack() throws Exception {
        d.exchange.dropStreams(); // reconnects follow as the venue's clock moves, and nothing moves it yet

        MonitoredDaemon.await("degraded", () -> status().equals("DEGRADED"));
        assertThat(d.get("/health").statusCode()).isEqualTo(200);
        JsonNode health = d.health();
        assertThat(health.path("streams")).singleElement().satisfies(s -> {
            assertThat(s.path("connected").asBoolean()).isFalse();
            assertThat(s.path("state").asText()).isIn("DISCONNECTED", "RECONNECTING");
        });
        assertThat(health.path("reasons").toString()).contains("grid g: the venue's streams are not connected");
        assertThat(d.metrics().sum("gridbot_grid_stream_up", GRID)).isZero();

        MonitoredDaemon.await("up again", () -> {
            d.exchange.trade("BTCUSDT", new BigDecimal("26050.0"), null, System.currentTimeMillis() + 120_000);
            return status().equals("UP");
        });
        assertThat(d.health().path("streams").get(0).path("connected").asBoolean()).isTrue();
    }

    @Test
    void neitherAnswerShowsASecret() throws Exception {
        String apiKey = "k3y-" + "A".repeat(40);
        String secret = "s3cr3t-" + "B".repeat(40);
        d.db.credentials(io.gridbot.persistence.secret.MasterKey.fromBase64(java.util.Base64.getEncoder()
                .encodeToString(new byte[32]))).save(new io.gridbot.persistence.secret.Credentials("binance", "main",
                apiKey, secret), 0);
        String hash = io.gridbot.runner.web.auth.PasswordHash.of("correct horse battery".toCharArray());
        d.db.dashboardUsers().save("alice", hash, 0);

        String answers = d.get("/health").body() + d.get("/metrics").body();
        assertThat(answers).doesNotContain(apiKey, secret, hash, "correct horse battery");
    }

    private String status() {
        try {
            return d.health().path("status").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private BigDecimal statusPosition() {
        StringWriter out = new StringWriter();
        CommandLine cli = GridbotMain.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        cli.execute("status", "--config", "g", "--data-dir", dir.toString());
        Matcher m = Pattern.compile("position (-?[0-9.]+);").matcher(out.toString());
        return m.find() ? new BigDecimal(m.group(1)) : BigDecimal.ZERO;
    }
}
