package io.gridbot.runner.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.log.LogEntry;
import io.gridbot.core.log.LogType;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.web.DashboardServer;
import io.gridbot.runner.web.grid.ControlOutcome;
import io.gridbot.runner.web.grid.GridRow;
import io.gridbot.runner.web.grid.LiveGrids;
import io.gridbot.runner.web.grid.LogFilter;
import io.gridbot.stats.metrics.Period;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's link to a daemon (issue 13): against a real dashboard server it reads the very documents
 * the database path builds; against a local fake speaking the JSON captured from that server it reads the same
 * records, sends the bearer token, and falls back to the database when nothing listens or nothing answers in
 * time, but not when the token is refused.
 */
class DaemonApiTest {

    private static final SymbolRules BTC = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);
    private static final Duration CONNECT = Duration.ofSeconds(2);
    private static final Duration READ = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private Database db;
    private DashboardServer server;
    private DatabaseSource database;
    private HttpServer fake;

    @BeforeEach
    void aServerOverOneGrid() throws Exception {
        db = Database.open(DatabaseSettings.embedded(dir));
        long id = db.configs().create(GridConfig.builder("g", BTC).exchange("simulated").mode(GridMode.NEUTRAL)
                .band(new BigDecimal("25000"), new BigDecimal("27000")).levels(21).orderQty(new BigDecimal("0.010"))
                .maxPosition(new BigDecimal("0.050")).build(), 0);
        db.tradeLog().append(id, List.of(new LogEntry(1_000, LogType.WARN, "first", null, null),
                new LogEntry(2_000, LogType.FILL, "second", "c-1", 4)), 3_000);
        server = DashboardServer.start(new DashboardServer.Settings("127.0.0.1", 0), db, LiveGrids.none());
        database = new DatabaseSource(db, System::currentTimeMillis, "test");
    }

    @AfterEach
    void stop() {
        if (fake != null) {
            fake.stop(0);
        }
        server.close();
        db.close();
    }

    private DaemonApi api(String token) {
        return new DaemonApi(server.uri(), token, CONNECT, READ);
    }

    @Test
    void theApiAnswersWithTheDocumentsTheDatabaseBuilds() throws Exception {
        try (DaemonApi api = api(server.controlToken())) {
            assertThat(api.grids()).isEqualTo(database.grids());
            assertThat(api.grid("g").orElseThrow()).usingRecursiveComparison().ignoringFields("atMs")
                    .isEqualTo(database.grid("g").orElseThrow());
            assertThat(api.configs()).isEqualTo(database.configs());
            assertThat(api.config("g")).isEqualTo(database.config("g"));
            assertThat(api.statistics("g", Period.DAY_7, new BigDecimal("1000"), Long.MAX_VALUE).orElseThrow())
                    .usingRecursiveComparison().ignoringFields("fromMs", "toMs")
                    .isEqualTo(database.statistics("g", Period.DAY_7, new BigDecimal("1000"), Long.MAX_VALUE)
                            .orElseThrow());
            LogFilter fills = new LogFilter(0L, Long.MAX_VALUE, Set.of(LogType.FILL), null, 0, 10);
            assertThat(api.logs("g", fills)).isEqualTo(database.logs("g", fills));
            assertThat(api.logs("g", fills).orElseThrow().entries()).extracting(r -> r.detail()).containsExactly("second");
            LogFilter early = new LogFilter(0L, 1_500, Set.of(), null, 0, 10);
            assertThat(api.logs("g", early).orElseThrow().entries()).extracting(r -> r.detail()).containsExactly("first");

            assertThat(api.grid("nope")).isEmpty();
            assertThat(api.config("nope")).isEmpty();
            assertThat(api.logs("nope", fills)).isEmpty();
            assertThat(api.where()).isEqualTo("the daemon at " + server.uri());
        }
    }

    @Test
    void aControlNoDaemonTakesExpiresAlikeThroughTheApiAndTheDatabase() throws Exception {
        try (DaemonApi api = api(server.controlToken())) {
            ControlOutcome viaApi = api.control("g", Control.PAUSE, 100, 100).orElseThrow();
            ControlOutcome viaDb = database.control("g", Control.PAUSE, 100, 100).orElseThrow();

            assertThat(viaApi).isEqualTo(viaDb);
            assertThat(viaApi.result()).isEqualTo(ControlOutcome.UNANSWERED);
            assertThat(viaApi.error()).isEqualTo("no daemon answered within 0.1 s; the request expired");
            assertThat(api.control("nope", Control.PAUSE, 100, 100)).isEmpty();
        }
    }

    @Test
    void aFakeDaemonSpeakingTheCapturedJsonIsReadIntoTheSameRecordsWithTheBearerToken() throws Exception {
        Map<String, String> captured = new ConcurrentHashMap<>();
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("api/grids", "api/grids/g", "api/grids/g/config")) {
            captured.put("/" + path, http.send(HttpRequest.newBuilder(server.uri().resolve(path))
                    .header("Authorization", "Bearer " + server.controlToken()).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        }
        Map<String, String> authorization = new ConcurrentHashMap<>();
        fake = fake(exchange -> {
            authorization.put(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"));
            String body = captured.get(exchange.getRequestURI().getPath());
            byte[] bytes = (body == null ? "{\"error\":\"no grid named 'x'\"}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });

        try (DaemonApi api = new DaemonApi(uri(fake), "gbt_secret", CONNECT, READ)) {
            List<GridRow> rows = api.grids();
            assertThat(rows).isEqualTo(database.grids());
            assertThat(rows.get(0).exchange()).isEqualTo("simulated");
            assertThat(api.grid("g").orElseThrow().row()).isEqualTo(database.grid("g").orElseThrow().row());
            assertThat(api.config("g")).isEqualTo(database.config("g"));
            assertThat(api.config("g").orElseThrow().config().levels()).isEqualTo(21);
            assertThat(api.grid("x")).isEmpty();
        }
        assertThat(authorization).containsEntry("/api/grids", "Bearer gbt_secret");
    }

    @Test
    void nothingListeningFallsBackToTheDatabase() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        DaemonApi absent = new DaemonApi(URI.create("http://127.0.0.1:" + closed + "/"), "t", CONNECT, READ);
        try (GridLink link = new GridLink(List.of(absent), () -> database)) {
            assertThat(link.grids()).isEqualTo(database.grids());
            assertThat(link.where()).isEqualTo("the database");
        } finally {
            db = Database.open(DatabaseSettings.embedded(dir)); // the link closed the database it was given
        }
    }

    @Test
    void theFirstDaemonThatAnswersServesTheCommand() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        List<DaemonApi> daemons = List.of(new DaemonApi(URI.create("http://127.0.0.1:" + closed + "/"), "t", CONNECT, READ),
                api(server.controlToken()));
        try (GridLink link = new GridLink(daemons, () -> {
            throw new AssertionError("the database is not opened when a daemon answers");
        })) {
            assertThat(link.grids()).isEqualTo(database.grids());
            assertThat(link.config("g")).isEqualTo(database.config("g"));
            assertThat(link.where()).isEqualTo("the daemon at " + server.uri());
        }
    }

    @Test
    void aRefusedTokenStopsTheCommandWithTheReasonAndNoFallback() {
        try (GridLink link = new GridLink(List.of(api("gbt_wrong")), () -> {
            throw new AssertionError("a refused token must not be worked around");
        })) {
            assertThatThrownBy(link::grids).isInstanceOf(DaemonRefused.class)
                    .hasMessageContaining("refused the API token (401")
                    .hasMessageContaining("GRIDBOT_API_TOKEN")
                    .hasMessageNotContaining("gbt_wrong");
        }
    }

    @Test
    void aDaemonThatDoesNotAnswerInTimeCountsAsAbsent() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        fake = fake(exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS); // holds the request past the client's timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        DaemonApi slow = new DaemonApi(uri(fake), "t", CONNECT, Duration.ofMillis(300));
        try (GridLink link = new GridLink(List.of(slow), () -> database)) {
            assertThat(link.grids()).isEqualTo(database.grids());
            assertThat(link.where()).isEqualTo("the database");
        } finally {
            release.countDown();
            db = Database.open(DatabaseSettings.embedded(dir));
        }
    }

    private static HttpServer fake(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", handler);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return server;
    }

    private static URI uri(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }
}
