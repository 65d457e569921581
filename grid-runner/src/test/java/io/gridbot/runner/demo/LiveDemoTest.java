package io.gridbot.runner.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.status.GridStatus;
import io.gridbot.persistence.Database;
import io.gridbot.runner.link.DaemonEndpoint;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.testing.Eventually;
import io.gridbot.runner.web.DashboardOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grid demo --keep-running}'s live part: the demo grid trades on the simulated market, with the dashboard up. */
class LiveDemoTest {

    @TempDir
    Path dir;

    @Test
    void theDemoGridTradesLiveAndTheDashboardServesIt() throws Exception {
        StringWriter out = new StringWriter();
        // The first trade through one of the grid's prices comes 35 recorded hours in: at 15,000 times real time
        // (a trade every millisecond, the feed's fastest) that is seconds.
        try (Database db = Database.open(DatabaseSettings.embedded(dir));
             LiveDemo live = LiveDemo.start(db, dir, DashboardOptions.on("127.0.0.1", 0), 15_000, new PrintWriter(out, true))) {
            long id = db.configs().find(LiveDemo.NAME).orElseThrow().id();
            await("running", () -> db.runtime().status(id) == GridStatus.RUNNING);
            await("a fill on the recorded market", () -> !db.fills().between(id, 0, Long.MAX_VALUE).isEmpty());

            HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(live.uri().resolve("/login"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(out.toString()).contains("dashboard: " + live.uri(), "grid user add");
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    live.uri().resolve("/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains(LiveDemo.NAME);
            assertThat(DaemonEndpoint.published(dir)).singleElement()
                    .satisfies(e -> assertThat(e.api()).isEqualTo(live.uri()));
        }
        assertThat(DaemonEndpoint.published(dir)).as("withdrawn when the demo ends").isEmpty();
    }

    @Test
    void aSecondRunStartsAFreshGrid() throws Exception {
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            long first;
            try (LiveDemo live = LiveDemo.start(db, dir, DashboardOptions.on("127.0.0.1", 0), 60, new PrintWriter(new StringWriter()))) {
                first = db.configs().find(LiveDemo.NAME).orElseThrow().id();
                assertThat(live.uri().getHost()).isEqualTo("127.0.0.1");
            }
            try (LiveDemo again = LiveDemo.start(db, dir, DashboardOptions.on("127.0.0.1", 0), 60, new PrintWriter(new StringWriter()))) {
                long second = db.configs().find(LiveDemo.NAME).orElseThrow().id();
                assertThat(second).isNotEqualTo(first);
                assertThat(again.uri().getPort()).isPositive();
            }
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Eventually.await(what, Duration.ofSeconds(60), condition);
    }
}
