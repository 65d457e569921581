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
 * recomputation from its own fills download: cash flows, fees and the position valued at the last fill's
 * price (the database holds no later price) must give the total PnL the statistics show, with no
 * average-cost accounting involved.
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
                BigDecimal last = null;
                for (String row : csv.subList(1, csv.size())) {
                    String[] f = row.split(",", -1);
                    BigDecimal p = new BigDecimal(f[price]);
                    BigDecimal q = new BigDecimal(f[qty]);
                    boolean buy = f[side].equals("BUY");
                    cash = buy ? cash.subtract(p.multiply(q)) : cash.add(p.multiply(q));
                    position = buy ? position.add(q) : position.subtract(q);
                    fees = fees.add(new BigDecimal(f[fee]));
                    last = p;
                }
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
