package io.gridbot.runner.bench;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.log.LogEntry;
import io.gridbot.core.log.LogType;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.Side;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.web.DashboardServer;
import io.gridbot.runner.web.auth.PasswordHash;
import io.gridbot.runner.web.grid.LiveGrids;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard's page loads with a million trade-log rows (issue 7: "well under 3 s"): one grid with
 * {@code rows} log entries and {@code fills} fills on the embedded database, then each page and each of the
 * requests its script makes, timed over HTTP as a logged-in browser would make them. A log entry is written
 * before each run, as a live grid does, so that no answer comes from the database's cache of the last result. Not a test: run with
 * {@code ./mvnw -q -pl grid-runner exec:exec@dashboard-bench} after an install.
 */
public final class DashboardPageLoadBenchmark {

    private static final int RUNS = 7;

    private DashboardPageLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int fills = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        SymbolRules btc = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
                new BigDecimal("0.001"), new BigDecimal("5"), 200);
        try (Database db = Database.open(DatabaseSettings.embedded(Files.createTempDirectory("gridbot-dashboard-bench")))) {
            long id = db.configs().create(GridConfig.builder("g", btc).exchange("simulated").mode(GridMode.NEUTRAL)
                    .band(new BigDecimal("25000"), new BigDecimal("27000")).levels(41).orderQty(new BigDecimal("0.010"))
                    .maxPosition(new BigDecimal("0.200")).stopLossBufferPct(new BigDecimal("5")).build(), 0);
            long t0 = System.nanoTime();
            seed(db, id, rows, fills);
            System.out.printf("seeded %,d log rows and %,d fills in %.1f s%n", db.tradeLog().count(id), fills,
                    (System.nanoTime() - t0) / 1e9);
            db.dashboardUsers().save("bench", PasswordHash.of("bench-password".toCharArray()), 0);
            try (DashboardServer server = DashboardServer.start(new DashboardServer.Settings("127.0.0.1", 0), db,
                    LiveGrids.none())) {
                HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
                String cookie = login(http, server.uri());
                System.out.printf("%-44s %10s %10s %10s%n", "request", "median ms", "max ms", "bytes");
                for (String path : List.of("/", "/grids/g", "/assets/grid.js", "/api/grids", "/api/grids/g",
                        "/api/grids/g/logs", "/api/grids/g/logs?types=FILL", "/api/grids/g/logs?types=ERROR", "/api/grids/g/logs?types=WARN,ERROR",
                        "/api/grids/g/logs?q=line%2017", "/api/grids/g/logs?q=no-such-text",
                        "/api/grids/g/statistics?period=ALL", "/api/grids/g/statistics?period=HOUR_1",
                        "/api/grids/g/equity", "/grids/g/export/fills.csv")) {
                    time(http, server.uri().resolve(path), cookie, path, () -> db.tradeLog().append(id, List.of(
                            new LogEntry(System.currentTimeMillis(), LogType.INFO, "tick", null, null)), 0));
                }
            }
        }
    }

    private static void seed(Database db, long id, int rows, int fills) {
        long start = 1_700_000_000_000L;
        LogType[] types = {LogType.ORDER, LogType.ORDER, LogType.FILL, LogType.INFO, LogType.WARN};
        List<LogEntry> batch = new ArrayList<>(10_000);
        for (int i = 0; i < rows; i++) {
            LogType type = i % 50_000 == 0 ? LogType.ERROR : types[i % types.length];
            batch.add(new LogEntry(start + i * 1_000L, type, type.name().toLowerCase() + " entry " + i + " line " + (i % 41)
                    + " @ " + (25_000 + i % 2_000), "gb_x_EB_" + (i % 41) + "_" + i, i % 41 - 20));
            if (batch.size() == 10_000) {
                db.tradeLog().append(id, batch, start);
                batch.clear();
            }
        }
        db.tradeLog().append(id, batch, start);
        List<Fill> ledger = new ArrayList<>(1_000);
        for (int i = 0; i < fills; i++) {
            Side side = i % 2 == 0 ? Side.BUY : Side.SELL;
            ledger.add(new Fill(start + i * 60_000L, "gb_x_E" + (side == Side.BUY ? "B" : "S") + "_" + (i % 41) + "_" + i,
                    "x" + i, "t" + i, ClientOrderId.Kind.ENTRY, side, i % 41, new BigDecimal(25_000 + (i * 37) % 2_000),
                    new BigDecimal("0.010"), new BigDecimal("0.05"), "USDT", BigDecimal.ZERO));
            if (ledger.size() == 1_000) {
                db.fills().append(id, ledger);
                ledger.clear();
            }
        }
        db.fills().append(id, ledger);
    }

    private static String login(HttpClient http, URI base) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(base.resolve("/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String anonymous = form.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String body = "csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8) + "&username=bench&password=bench-password";
        HttpResponse<String> done = http.send(HttpRequest.newBuilder(base.resolve("/login")).header("Cookie", anonymous)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        return done.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    }

    /** Times a request; {@code between} runs untimed before each, so no run is served from H2's result cache. */
    private static void time(HttpClient http, URI uri, String cookie, String label, Runnable between) throws Exception {
        long[] ms = new long[RUNS];
        long bytes = 0;
        for (int i = 0; i < RUNS; i++) {
            between.run();
            long t = System.nanoTime();
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            ms[i] = (System.nanoTime() - t) / 1_000_000;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(label + " answered " + r.statusCode());
            }
            bytes = r.body().length;
        }
        Arrays.sort(ms);
        System.out.printf("%-44s %10d %10d %,10d%n", label, ms[RUNS / 2], ms[RUNS - 1], bytes);
    }
}
