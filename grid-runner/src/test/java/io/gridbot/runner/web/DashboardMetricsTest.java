package io.gridbot.runner.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.GridbotMain;
import io.gridbot.runner.web.auth.PasswordHash;
import io.gridbot.runner.web.grid.LiveGrids;
import io.gridbot.stats.export.CsvExport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The dashboard's figures for the demo's five weeks of real BTCUSDT prices against an independent
 * recomputation from its own fills download: cash flows, fees and the position valued at the last price the
 * replay kept (the end of the series, which the grid's page shows) must give the total PnL the statistics show, with
 * no average-cost accounting involved. And one run's figures are the same in its summary, the replay's, {@code grid
 * stats}, the export and the dashboard.
 */
class DashboardMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.assertj.core.data.Offset<BigDecimal> EXACT_ENOUGH =
            org.assertj.core.data.Offset.offset(new BigDecimal("1e-20"));

    @TempDir
    Path dir;

    @Test
    void theStatisticsOfTheReplayedDemoMatchACashFlowRecomputationFromTheFillsCsv() throws Exception {
        CommandLine cli = new CommandLine(new GridbotMain());
        cli.setOut(new PrintWriter(new StringWriter()));
        assertThat(cli.execute("demo", "--data-dir=" + dir)).isZero();

        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            db.dashboardUsers().save("alice", PasswordHash.of("correct horse".toCharArray()), 0);
            try (DashboardServer server = DashboardServer.start(new DashboardServer.Settings("127.0.0.1", 0), db,
                    LiveGrids.none())) {
                HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
                String cookie = login(http, server);
                JsonNode stats = JSON.readTree(get(http, server, cookie, "/api/grids/demo_short_grid/statistics?period=ALL"));
                List<String> csv = get(http, server, cookie, "/grids/demo_short_grid/export/fills.csv").lines().toList();

                assertThat(csv.get(0)).isEqualTo(String.join(",", CsvExport.FILL_COLUMNS));
                int side = CsvExport.FILL_COLUMNS.indexOf("side");
                int price = CsvExport.FILL_COLUMNS.indexOf("price");
                int qty = CsvExport.FILL_COLUMNS.indexOf("qty");
                int fee = CsvExport.FILL_COLUMNS.indexOf("fee");
                BigDecimal cash = BigDecimal.ZERO;
                BigDecimal fees = BigDecimal.ZERO;
                BigDecimal position = BigDecimal.ZERO;
                for (String row : csv.subList(1, csv.size())) {
                    String[] f = row.split(",", -1);
                    BigDecimal p = new BigDecimal(f[price]);
                    BigDecimal q = new BigDecimal(f[qty]);
                    boolean buy = f[side].equals("BUY");
                    cash = buy ? cash.subtract(p.multiply(q)) : cash.add(p.multiply(q));
                    position = buy ? position.add(q) : position.subtract(q);
                    fees = fees.add(new BigDecimal(f[fee]));
                }
                JsonNode page = JSON.readTree(get(http, server, cookie, "/api/grids/demo_short_grid"));
                BigDecimal last = new BigDecimal(page.path("row").path("lastPrice").asText());
                assertThat(last).as("the series' last close").isEqualByComparingTo("26900.09");
                BigDecimal funding = new BigDecimal(stats.path("funding").asText());
                BigDecimal total = cash.subtract(fees).add(funding).add(position.multiply(last));

                assertThat(stats.path("totalTrades").asLong()).isEqualTo(csv.size() - 1).isEqualTo(885);
                assertThat(new BigDecimal(stats.path("fees").asText())).isEqualByComparingTo(fees);
                assertThat(new BigDecimal(stats.path("currentPosition").asText())).isEqualByComparingTo(position);
                // Average-cost accounting divides (34 significant digits): it may differ from exact cash flows
                // in the 30th decimal, nowhere a trader could see.
                assertThat(new BigDecimal(stats.path("totalPnl").asText())).isCloseTo(total, EXACT_ENOUGH);
                assertThat(new BigDecimal(stats.path("realizedPnl").asText()).subtract(fees).add(funding)
                        .add(new BigDecimal(stats.path("unrealizedPnl").asText()))).isCloseTo(total, EXACT_ENOUGH);

                JsonNode curve = JSON.readTree(get(http, server, cookie, "/api/grids/demo_short_grid/equity"));
                assertThat(new BigDecimal(curve.get(curve.size() - 1).path("equity").asText()))
                        .as("the equity curve ends at the same figure").isCloseTo(total, EXACT_ENOUGH);
            }
        }
    }

    /**
     * Issue 15: the demo's summary said max drawdown 228.04, {@code grid stats} and the dashboard 85.54. The summary
     * took every 60th trade's price, the others fills only and ran to the wall clock. Now every surface computes the
     * same statistics from the same fills and marks, over the same period.
     */
    @Test
    void oneRunsSummaryReplayStatsExportAndDashboardGiveTheSameFigures() throws Exception {
        StringWriter demo = new StringWriter();
        CommandLine cli = new CommandLine(new GridbotMain());
        cli.setOut(new PrintWriter(demo));
        String data = "--data-dir=" + dir;
        assertThat(cli.execute("demo", data)).isZero();
        StringWriter others = new StringWriter();
        cli.setOut(new PrintWriter(others));
        assertThat(cli.execute("stats", "--config", "demo_short_grid", data)).isZero();
        String statsText = others.toString();
        others.getBuffer().setLength(0);
        assertThat(cli.execute("stats", "--config", "demo_short_grid", "--output", "JSON", data)).isZero();
        JsonNode statsJson = JSON.readTree(others.toString());
        assertThat(cli.execute("export", "--config", "demo_short_grid", "--out", dir.resolve("export").toString(), data))
                .isZero();
        Path grid = dir.resolve("demo.yaml");
        java.nio.file.Files.writeString(grid, "name: demo_short_grid\nexchange: simulated\nsymbol: BTCUSDT\nmode: short\n"
                + "lowerPrice: 25600\nupperPrice: 27400\nlevels: 37\norderQty: 0.010\nmaxPosition: 0.150\n"
                + "stopLossBufferPct: 3\npriceTick: 0.1\nqtyStep: 0.001\nminQty: 0.001\nminNotional: 5\n");
        others.getBuffer().setLength(0);
        assertThat(cli.execute("replay", "--config-file", grid.toString(), "--prices", "builtin", "--out",
                dir.resolve("replay").toString())).isZero();
        String replay = others.toString();

        JsonNode dashboard;
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            db.dashboardUsers().save("alice", PasswordHash.of("correct horse".toCharArray()), 0);
            try (DashboardServer server = DashboardServer.start(new DashboardServer.Settings("127.0.0.1", 0), db,
                    LiveGrids.none())) {
                HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
                dashboard = JSON.readTree(get(http, server, login(http, server),
                        "/api/grids/demo_short_grid/statistics?period=ALL"));
            }
        }
        java.util.Map<String, String> exported = allTimeRow(dir.resolve("export/demo_short_grid-statistics.csv"));
        java.util.Map<String, String> replayed = allTimeRow(dir.resolve("replay/demo_short_grid-statistics.csv"));
        record Figure(String json, String csv, String demo, String replay, String stats) {
        }
        List<Figure> figures = List.of(
                new Figure("realizedPnl", "realized_pnl", "realized PnL +(\\S+) USDT", "realized (\\S+),", "realized (\\S+),"),
                new Figure("fees", "fees", "\\n  fees +(\\S+) USDT", "fees (\\S+),", "fees (\\S+),"),
                new Figure("totalPnl", "total_pnl", "total PnL +(\\S+) USDT", "total PnL (\\S+) USDT", "total (\\S+) USDT"),
                new Figure("maxDrawdown", "max_drawdown", "max drawdown +(\\S+) USDT", "max drawdown (\\S+),",
                        "max drawdown (\\S+) \\("));
        for (Figure f : figures) {
            BigDecimal exact = new BigDecimal(dashboard.path(f.json()).asText());
            String cents = exact.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
            assertThat(new BigDecimal(statsJson.path(f.json()).asText())).as(f.json()).isEqualByComparingTo(exact);
            BigDecimal eight = exact.setScale(8, java.math.RoundingMode.HALF_EVEN);
            assertThat(new BigDecimal(exported.get(f.csv()))).as("export " + f.csv()).isEqualByComparingTo(eight);
            assertThat(new BigDecimal(replayed.get(f.csv()))).as("replay " + f.csv()).isEqualByComparingTo(eight);
            assertThat(first(demo.toString(), f.demo())).as("demo " + f.json()).isEqualTo(cents);
            assertThat(first(replay, f.replay())).as("replay " + f.json()).isEqualTo(cents);
            assertThat(first(statsText, f.stats())).as("stats " + f.json()).isEqualTo(cents);
        }
        assertThat(exported.get("from_utc")).isEqualTo(replayed.get("from_utc")).isEqualTo("2023-08-26T03:00:00Z");
        assertThat(exported.get("to_utc")).isEqualTo(replayed.get("to_utc")).isEqualTo("2023-09-29T20:19:45Z");
        assertThat(exported.get("avg_position")).isEqualTo(replayed.get("avg_position"));
    }

    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in " + text).isTrue();
        return m.group(1);
    }

    private static java.util.Map<String, String> allTimeRow(Path csv) throws Exception {
        List<String> lines = java.nio.file.Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        String all = lines.stream().filter(l -> l.contains(",ALL,")).findFirst().orElseThrow();
        String[] cells = all.split(",", -1);
        java.util.Map<String, String> row = new java.util.HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), cells[i]);
        }
        return row;
    }

    private static String get(HttpClient http, DashboardServer server, String cookie, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.uri().resolve(path)).header("Cookie", cookie)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    private static String login(HttpClient http, DashboardServer server) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(server.uri().resolve("/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(m.find()).isTrue();
        String body = "csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8) + "&username=alice&password="
                + URLEncoder.encode("correct horse", StandardCharsets.UTF_8);
        HttpResponse<String> done = http.send(HttpRequest.newBuilder(server.uri().resolve("/login"))
                .header("Cookie", form.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0])
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return done.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    }
}
