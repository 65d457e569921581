package io.gridbot.runner.web;

import static io.gridbot.runner.web.DashboardFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridbot.core.status.GridStatus;
import io.gridbot.runner.store.StatisticsSource;
import io.gridbot.runner.testing.MarketFeed;
import io.gridbot.stats.export.CsvExport;
import io.gridbot.stats.metrics.GridStatistics;
import io.gridbot.stats.metrics.Period;
import io.gridbot.stats.metrics.StatisticsCalculator;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard over HTTP, without a browser: the security model, the data it serves, and its controls. */
class DashboardHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"csrf\" content=\"([^\"]+)\"");

    @TempDir
    Path dir;

    private DashboardFixture f;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** A browser's state: its session cookie and the page's CSRF token. */
    private record Browser(String cookie, String csrf) {
    }

    @BeforeEach
    void start() throws Exception {
        f = new DashboardFixture(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(f.uri(path)).timeout(Duration.ofSeconds(10)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Browser browser, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(f.uri(path)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (browser.cookie() != null) {
            b.header("Cookie", browser.cookie());
        }
        if (browser.csrf() != null) {
            b.header("X-CSRF-Token", browser.csrf());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookieOf(HttpResponse<?> response) {
        return response.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]).orElse(null);
    }

    private static String find(Pattern p, String html) {
        Matcher m = p.matcher(html);
        assertThat(m.find()).as("token in page").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> submitLogin(String cookie, String csrf, String user, String password) throws Exception {
        String form = "csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&username=" + URLEncoder.encode(user,
                StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(f.uri("/login")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Browser login() throws Exception {
        HttpResponse<String> form = get("/login", null);
        String anonymous = cookieOf(form);
        HttpResponse<String> done = submitLogin(anonymous, find(CSRF_FIELD, form.body()), DashboardFixture.USER,
                DashboardFixture.PASSWORD);
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        String cookie = cookieOf(done);
        HttpResponse<String> page = get("/", cookie);
        return new Browser(cookie, find(CSRF_META, page.body()));
    }

    @Test
    void everythingButTheLoginPageAndAssetsNeedsALogin() throws Exception {
        assertThat(get("/", null).statusCode()).isEqualTo(303);
        assertThat(get("/", null).headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(get("/grids/g", null).statusCode()).isEqualTo(303);
        assertThat(get("/api/grids", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/live/grids/g", null).statusCode()).isEqualTo(401);
        assertThat(get("/grids/g/export/fills.csv", null).statusCode()).isEqualTo(401);
        assertThat(get("/login", null).statusCode()).isEqualTo(200);
        assertThat(get("/assets/app.css", null).statusCode()).isEqualTo(200);
        assertThat(get("/assets/..%2Fpages%2Fgrid.html", null).statusCode()).isBetween(400, 404);
        assertThat(get("/assets/nothing.js", null).statusCode()).isEqualTo(404);
        var headers = get("/login", null).headers();
        assertThat(headers.firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'",
                "frame-ancestors 'none'");
        assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void aLoginChecksTheHashedPasswordAndStartsAFreshStrictHttpOnlySession() throws Exception {
        HttpResponse<String> form = get("/login", null);
        String anonymous = cookieOf(form);
        String csrf = find(CSRF_FIELD, form.body());

        HttpResponse<String> wrong = submitLogin(anonymous, csrf, DashboardFixture.USER, "not the password");
        assertThat(wrong.statusCode()).isEqualTo(303);
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).contains("failed=refused");
        assertThat(get("/api/grids", anonymous).statusCode()).isEqualTo(401);

        HttpResponse<String> right = submitLogin(anonymous, csrf, DashboardFixture.USER, DashboardFixture.PASSWORD);
        String setCookie = right.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/");
        String session = cookieOf(right);
        assertThat(session).isNotEqualTo(anonymous);
        assertThat(get("/api/grids", session).statusCode()).isEqualTo(200);
        assertThat(get("/api/grids", anonymous).statusCode()).as("the pre-login session is gone").isEqualTo(401);
        assertThat(f.db.dashboardUsers().find(DashboardFixture.USER).orElseThrow().passwordHash())
                .startsWith("pbkdf2-sha256$210000$").doesNotContain(DashboardFixture.PASSWORD);
    }

    @Test
    void behindATlsProxyTheSessionCookieIsSecure() throws Exception {
        HttpResponse<String> plain = get("/login", null);
        assertThat(plain.headers().firstValue("Set-Cookie").orElseThrow()).as("plain HTTP").doesNotContainIgnoringCase("Secure");

        for (String[] header : new String[][] {{"X-Forwarded-Proto", "https"}, {"Forwarded", "for=192.0.2.60;proto=https"}}) {
            HttpResponse<String> proxied = http.send(HttpRequest.newBuilder(f.uri("/login")).header(header[0], header[1])
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(proxied.headers().firstValue("Set-Cookie").orElseThrow()).as(header[0]).contains("; Secure");
        }

        try (DashboardServer behindTls = DashboardServer.start(new DashboardServer.Settings("127.0.0.1", 0, true), f.db,
                io.gridbot.runner.web.grid.LiveGrids.of(f.daemon::views))) {
            HttpResponse<String> form = http.send(HttpRequest.newBuilder(behindTls.uri().resolve("/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(form.headers().firstValue("Set-Cookie").orElseThrow()).as("--dashboard-behind-tls").contains("; Secure");
            String loginForm = "csrf=" + URLEncoder.encode(find(CSRF_FIELD, form.body()), StandardCharsets.UTF_8)
                    + "&username=" + DashboardFixture.USER + "&password=" + URLEncoder.encode(DashboardFixture.PASSWORD,
                    StandardCharsets.UTF_8);
            HttpResponse<String> in = http.send(HttpRequest.newBuilder(behindTls.uri().resolve("/login"))
                    .header("Cookie", cookieOf(form)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(loginForm)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(in.statusCode()).isEqualTo(303);
            assertThat(in.headers().firstValue("Set-Cookie").orElseThrow()).as("the logged-in session").contains("; Secure");
        }
    }

    @Test
    void aLoginFormWithoutItsCsrfTokenIsRefused() throws Exception {
        HttpResponse<String> form = get("/login", null);
        HttpResponse<String> forged = submitLogin(cookieOf(form), "forged", DashboardFixture.USER, DashboardFixture.PASSWORD);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void tenThousandAnonymousLoginPagesDoNotLockOutTheUserWhoseFormIsOpen() throws Exception {
        HttpResponse<String> form = get("/login", null);
        String cookie = cookieOf(form);
        String csrf = find(CSRF_FIELD, form.body());
        // 10,100 visitors' login pages, four at a time.
        try (var visitors = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(visitors.submit(() -> {
                    for (int i = 0; i < 10_100 / 4; i++) {
                        assertThat(get("/login", null).statusCode()).isEqualTo(200);
                    }
                    return null;
                }));
            }
            for (var run : runs) {
                run.get(120, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
        HttpResponse<String> done = submitLogin(cookie, csrf, DashboardFixture.USER, DashboardFixture.PASSWORD);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
    }

    @Test
    void repeatedFailuresLockTheNameForAMinute() throws Exception {
        HttpResponse<String> form = get("/login", null);
        String cookie = cookieOf(form);
        String csrf = find(CSRF_FIELD, form.body());
        for (int i = 0; i < 5; i++) {
            submitLogin(cookie, csrf, DashboardFixture.USER, "guess" + i);
        }
        HttpResponse<String> locked = submitLogin(cookie, csrf, DashboardFixture.USER, DashboardFixture.PASSWORD);
        assertThat(locked.headers().firstValue("Location").orElseThrow()).contains("failed=locked");
    }

    @Test
    void everyPostNeedsTheSessionsCsrfToken() throws Exception {
        Browser b = login();
        String body = "{\"action\":\"start\"}";
        assertThat(post("/api/grids/g/control", new Browser(b.cookie(), null), body).statusCode()).isEqualTo(403);
        assertThat(post("/api/grids/g/control", new Browser(b.cookie(), "wrong"), body).statusCode()).isEqualTo(403);
        assertThat(post("/logout", new Browser(b.cookie(), null), "{}").statusCode()).isEqualTo(403);
        assertThat(f.db.runtime().pendingAll(0)).as("nothing reached the daemon").isEmpty();
        assertThat(post("/logout", b, "{}").statusCode()).isEqualTo(200);
        assertThat(get("/api/grids", b.cookie()).statusCode()).isEqualTo(401);
    }

    @Test
    void theButtonsGoThroughTheDaemonAndTheGridPageFollowsTheGridLive() throws Exception {
        Browser b = login();
        HttpResponse<String> started;
        // A start is answered once the grid runs, which takes prices: the market trades meanwhile.
        try (MarketFeed market = new MarketFeed(p -> f.trade(p.toPlainString()))) {
            market.at("26050.0");
            started = post("/api/grids/g/control", b, "{\"action\":\"start\"}");
        }
        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(started.body()).path("outcome").asText()).contains("start accepted by test-daemon");
        f.trade("26050.0");
        await("running", () -> f.db.runtime().status(f.gridId) == GridStatus.RUNNING && f.buysResting());

        try (InputStream events = http.send(HttpRequest.newBuilder(f.uri("/api/live/grids/g"))
                .header("Cookie", b.cookie()).build(), HttpResponse.BodyHandlers.ofInputStream()).body();
             BufferedReader lines = new BufferedReader(new InputStreamReader(events, StandardCharsets.UTF_8))) {
            JsonNode first = nextEvent(lines, "grid");
            assertThat(first.path("row").path("status").asText()).isEqualTo("RUNNING");
            f.trade("25890.0"); // buys at 26000 and 25900 fill
            JsonNode moved = null;
            for (int i = 0; i < 40 && (moved == null || moved.path("row").path("position").asText().equals("0")
                    || moved.path("row").path("lastPrice").asText().equals("26050")); i++) {
                moved = nextEvent(lines, "grid");
            }
            assertThat(new BigDecimal(moved.path("row").path("position").asText())).isPositive();
            assertThat(new BigDecimal(moved.path("row").path("lastPrice").asText())).isLessThan(new BigDecimal("26050"));
            assertThat(moved.path("levels").size()).isEqualTo(21);
        }

        HttpResponse<String> paused = post("/api/grids/g/control", b, "{\"action\":\"pause\"}");
        assertThat(JSON.readTree(paused.body()).path("outcome").asText()).contains("pause accepted");
        await("paused", () -> f.db.runtime().status(f.gridId) == GridStatus.PAUSED);
        assertThat(post("/api/grids/g/control", b, "{\"action\":\"explode\"}").statusCode()).isEqualTo(400);
    }

    private static JsonNode nextEvent(BufferedReader lines, String event) throws Exception {
        String line;
        boolean wanted = false;
        while ((line = lines.readLine()) != null) {
            if (line.equals("event: " + event)) {
                wanted = true;
            } else if (wanted && line.startsWith("data: ")) {
                return JSON.readTree(line.substring(6));
            }
        }
        throw new AssertionError("the stream ended");
    }

    @Test
    void statisticsAndCsvDownloadsMatchTheIndependentRecomputation() throws Exception {
        Browser b = login();
        post("/api/grids/g/control", b, "{\"action\":\"start\"}");
        f.trade("26050.0");
        await("orders", f::buysResting);
        f.trade("25890.0");
        await("fills stored", () -> f.db.fills().between(f.gridId, 0, Long.MAX_VALUE).size() >= 2);

        await("the live price moved", () -> f.daemon.views().get(0).lastPrice().compareTo(new BigDecimal("26050")) < 0);
        // The statistics value the position at the engine's live price: read it and the ledger on both sides
        // of the request and keep an answer for which neither changed.
        JsonNode stats = null;
        BigDecimal price = null;
        for (int i = 0; i < 50 && stats == null; i++) {
            BigDecimal before = f.daemon.views().get(0).lastPrice();
            int fillsBefore = f.db.fills().between(f.gridId, 0, Long.MAX_VALUE).size();
            JsonNode answer = JSON.readTree(get("/api/grids/g/statistics?period=DAY_1", b.cookie()).body());
            if (before.compareTo(f.daemon.views().get(0).lastPrice()) == 0
                    && fillsBefore == f.db.fills().between(f.gridId, 0, Long.MAX_VALUE).size()) {
                stats = answer;
                price = before;
            } else {
                Thread.sleep(100);
            }
        }
        assertThat(stats).as("a stable live price").isNotNull();
        long now = System.currentTimeMillis();
        var grid = f.db.configs().find("g").orElseThrow();
        GridStatistics expected = StatisticsCalculator.compute(StatisticsSource.read(f.db, grid, now, BigDecimal.ZERO,
                List.of(new io.gridbot.stats.ledger.PricePoint(now, price))), Period.DAY_1, now);
        assertThat(stats.path("period").asText()).isEqualTo("DAY_1");
        assertThat(stats.path("totalTrades").asLong()).isEqualTo(expected.totalTrades()).isGreaterThanOrEqualTo(2);
        assertThat(new BigDecimal(stats.path("fees").asText())).isEqualByComparingTo(expected.fees());
        assertThat(new BigDecimal(stats.path("realizedPnl").asText())).isEqualByComparingTo(expected.realizedPnl());
        assertThat(new BigDecimal(stats.path("unrealizedPnl").asText())).isEqualByComparingTo(expected.unrealizedPnl());
        assertThat(new BigDecimal(stats.path("currentPosition").asText())).isEqualByComparingTo(expected.currentPosition());
        assertThat(get("/api/grids/g/statistics?period=YEAR", b.cookie()).statusCode()).isEqualTo(400);

        HttpResponse<String> fills = get("/grids/g/export/fills.csv", b.cookie());
        assertThat(fills.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment", "g-fills.csv");
        List<String> rows = fills.body().lines().toList();
        assertThat(rows.get(0)).isEqualTo(String.join(",", CsvExport.FILL_COLUMNS));
        assertThat(rows).hasSize(1 + (int) expected.totalTrades());
        assertThat(get("/grids/g/export/orders.csv", b.cookie()).body().lines().findFirst())
                .contains(String.join(",", CsvExport.ORDER_COLUMNS));
        assertThat(get("/grids/g/export/statistics.csv", b.cookie()).body().lines().toList())
                .first().isEqualTo(String.join(",", CsvExport.STATISTICS_COLUMNS));
        assertThat(get("/grids/g/export/statistics.csv", b.cookie()).body().lines()).hasSize(1 + Period.values().length);
        assertThat(get("/grids/g/export/secrets.csv", b.cookie()).statusCode()).isEqualTo(404);

        JsonNode curve = JSON.readTree(get("/api/grids/g/equity", b.cookie()).body());
        assertThat(curve.size()).isGreaterThanOrEqualTo(2);
        JsonNode list = JSON.readTree(get("/api/grids", b.cookie()).body());
        assertThat(list.get(0).path("name").asText()).isEqualTo("g");
        assertThat(list.get(0).path("trades").asLong()).isEqualTo(expected.totalTrades());
    }

    @Test
    void theLogIsFilteredByTypeAndKeyword() throws Exception {
        Browser b = login();
        f.db.tradeLog().append(f.gridId, List.of(
                new io.gridbot.core.log.LogEntry(1_000, io.gridbot.core.log.LogType.INFO, "grid started", null, null),
                new io.gridbot.core.log.LogEntry(2_000, io.gridbot.core.log.LogType.FILL, "BUY 0.010 @ 25900 line 9", "c1", -1),
                new io.gridbot.core.log.LogEntry(3_000, io.gridbot.core.log.LogType.FILL, "SELL 0.010 @ 26000 line 10", "c2", 0)),
                3_000);
        JsonNode all = JSON.readTree(get("/api/grids/g/logs", b.cookie()).body());
        assertThat(all.path("entries").size()).isEqualTo(3);
        assertThat(all.path("entries").get(0).path("detail").asText()).startsWith("SELL"); // newest first
        JsonNode fills = JSON.readTree(get("/api/grids/g/logs?types=FILL&q=BUY", b.cookie()).body());
        assertThat(fills.path("entries").size()).isEqualTo(1);
        assertThat(fills.path("entries").get(0).path("clientOrderId").asText()).isEqualTo("c1");
        assertThat(get("/api/grids/g/logs?types=NOPE", b.cookie()).statusCode()).isEqualTo(400);
    }

    @Test
    void aConfigIsValidatedFieldByFieldAndARunningGridMustBePausedBeforeAnEdit() throws Exception {
        Browser b = login();
        HttpResponse<String> bad = post("/api/configs", b, "{\"name\":\"h\",\"exchange\":\"simulated\",\"symbol\":\"BTCUSDT\","
                + "\"mode\":\"sideways\",\"levels\":\"many\",\"orderQty\":\"0.01\",\"priceTick\":\"0.1\",\"qtyStep\":\"0.001\","
                + "\"lowerPrice\":\"27000\",\"upperPrice\":\"25000\"}");
        assertThat(bad.statusCode()).isEqualTo(422);
        JsonNode problems = JSON.readTree(bad.body()).path("problems");
        assertThat(problems.path("mode").asText()).contains("must be one of");
        assertThat(problems.path("levels").asText()).contains("whole number");
        assertThat(f.db.configs().find("h")).isEmpty();

        JsonNode fields = JSON.readTree(get("/api/grids/g/config", b.cookie()).body()).path("fields");
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = JSON.convertValue(fields, Map.class);
        copy.put("name", "h");
        HttpResponse<String> created = post("/api/configs", b, JSON.writeValueAsString(copy));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(f.db.configs().find("h")).hasValueSatisfying(h -> assertThat(h.config().levels()).isEqualTo(21));
        assertThat(post("/api/configs", b, JSON.writeValueAsString(copy)).statusCode()).as("names are unique").isEqualTo(422);

        post("/api/grids/g/control", b, "{\"action\":\"start\"}");
        await("running", () -> f.db.runtime().status(f.gridId) == GridStatus.RUNNING
                || f.db.runtime().status(f.gridId) == GridStatus.INITIALIZING);
        copy.put("name", "g");
        copy.put("levels", "31");
        HttpResponse<String> refused = post("/api/grids/g/config", b, JSON.writeValueAsString(copy));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).path("problems").path("_form").asText()).isNotBlank();
        assertThat(f.db.configs().find("g").orElseThrow().config().levels()).isEqualTo(21);

        f.trade("26050.0");
        post("/api/grids/g/control", b, "{\"action\":\"pause\"}");
        await("paused", () -> f.db.runtime().status(f.gridId) == GridStatus.PAUSED);
        HttpResponse<String> edited = post("/api/grids/g/config", b, JSON.writeValueAsString(copy));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(f.db.configs().find("g").orElseThrow().config().levels()).isEqualTo(31);
    }

    /** The stored grid "g" as the form shows it, renamed. */
    private Map<String, Object> copyOfG(Browser b, String name) throws Exception {
        JsonNode fields = JSON.readTree(get("/api/grids/g/config", b.cookie()).body()).path("fields");
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = JSON.convertValue(fields, Map.class);
        copy.put("name", name);
        return copy;
    }

    private List<String> storedNames() {
        return f.db.configs().list().stream().map(g -> g.config().name()).toList();
    }

    @Test
    void secondGridOnASymbolIsRefusedNamingTheHolder() throws Exception {
        Browser b = login();
        f.startGrid();

        HttpResponse<String> second = post("/api/configs", b, JSON.writeValueAsString(copyOfG(b, "h")));

        assertThat(second.statusCode()).as(second.body()).isEqualTo(422);
        assertThat(JSON.readTree(second.body()).path("problems").path("symbol").asText())
                .contains("BTCUSDT on simulated is held by grid 'g'");
        assertThat(storedNames()).containsExactly("g");
    }

    @Test
    void numbersTheDatabaseCannotKeepAndRepeatedFieldsAreFieldErrorsAndNothingIsStored() throws Exception {
        Browser b = login();
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("upperPrice", "1.0e+999999999");
        cases.put("qtyStep", "0.0000000000000000001");
        cases.put("maxPosition", "123456789012345678901234");
        cases.put("minNotional", "1e-2147483647");
        cases.put("lowerPrice", "1e+9999999999");
        for (var c : cases.entrySet()) {
            Map<String, Object> copy = copyOfG(b, "h");
            copy.put(c.getKey(), c.getValue());
            HttpResponse<String> refused = post("/api/configs", b, JSON.writeValueAsString(copy));
            assertThat(refused.statusCode()).as(c + ": " + refused.body()).isEqualTo(422);
            assertThat(JSON.readTree(refused.body()).path("problems").path(c.getKey()).asText()).as(c.toString())
                    .isNotBlank().doesNotContain("Exception");
        }
        String twice = JSON.writeValueAsString(copyOfG(b, "h"));
        twice = twice.substring(0, twice.length() - 1) + ",\"levels\":\"31\"}";
        HttpResponse<String> repeated = post("/api/configs", b, twice);
        assertThat(repeated.statusCode()).as(repeated.body()).isEqualTo(422);
        assertThat(JSON.readTree(repeated.body()).path("problems").path("levels").asText()).contains("twice");
        assertThat(storedNames()).containsExactly("g");
    }

    @Test
    void theExchangeMustBeTradableAndTheSymbolListedWithTheRulesConfigured() throws Exception {
        Browser b = login();
        Map<String, String[]> cases = Map.of(
                "exchange", new String[] {"kraken", "unknown venue 'kraken' (venues found: binance, bybit, okx, simulated)"},
                "symbol", new String[] {"ETHUSDT", "lists BTCUSDT only"},
                "priceTick", new String[] {"0.01", "0.01 is not the venue's tick size 0.1"});
        for (var c : cases.entrySet()) {
            Map<String, Object> copy = copyOfG(b, "h");
            copy.put(c.getKey(), c.getValue()[0]);
            HttpResponse<String> refused = post("/api/configs", b, JSON.writeValueAsString(copy));
            assertThat(refused.statusCode()).as(c.getKey() + ": " + refused.body()).isEqualTo(422);
            assertThat(JSON.readTree(refused.body()).path("problems").path(c.getKey()).asText()).as(c.getKey())
                    .contains(c.getValue()[1]);
        }
        assertThat(storedNames()).containsExactly("g");
    }

    @Test
    void theFormOffersExactlyTheVenuesFound() throws Exception {
        Browser b = login();
        JsonNode choices = JSON.readTree(get("/api/config-choices", b.cookie()).body());

        assertThat(choices.path("exchange").isArray()).as(choices.toString()).isTrue();
        assertThat(choices.path("exchange").toString()).isEqualTo("[\"binance\",\"bybit\",\"okx\",\"simulated\"]");
    }

    @Test
    void unknownGridsAnswer404() throws Exception {
        Browser b = login();
        assertThat(get("/api/grids/nope", b.cookie()).statusCode()).isEqualTo(404);
        assertThat(get("/api/grids/nope/statistics", b.cookie()).statusCode()).isEqualTo(404);
    }
}
