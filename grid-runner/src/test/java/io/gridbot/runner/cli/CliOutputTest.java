package io.gridbot.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gridbot.core.config.GridConfig;
import io.gridbot.core.log.LogEntry;
import io.gridbot.core.log.LogType;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.GridbotMain;
import io.gridbot.runner.testing.GridYaml;
import io.gridbot.runner.web.grid.ConfigDocument;
import io.gridbot.runner.web.grid.GridBoard;
import io.gridbot.runner.web.grid.GridRow;
import io.gridbot.runner.web.grid.GridSnapshot;
import io.gridbot.runner.web.grid.LiveGrids;
import io.gridbot.runner.web.grid.LogPage;
import io.gridbot.runner.web.grid.StatisticsReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 13 on the database path: {@code --output json|yaml} prints the API's documents, {@code status} lists every
 * grid, {@code config show --output yaml} round-trips through {@code config apply}, choices are read in any case,
 * and every time option takes a date.
 */
class CliOutputTest {

    /** Every optional field set, away from its default, on the simulated venue's BTCUSDT. */
    static final String EVERY_FIELD = """
            name: every_field
            exchange: simulated
            symbol: BTCUSDT
            mode: long
            spacing: percentage
            spacingPct: 0.4
            centrePrice: 26000
            lowerPrice: 25000
            upperPrice: 27000
            levels: 21
            orderQty: 0.010
            maxPosition: 0.150
            stopLossBufferPct: 1.5
            refreshIntervalMs: 2000
            timeInForce: gtx
            positionMode: one_way
            makerFeeRate: 0.0001
            protectiveStop: false
            protectiveStopTrigger: mark
            cooldownMs: 7000
            partialFillTimeoutMs: 300000
            logCapacity: 500
            priceTick: 0.1
            qtyStep: 0.001
            minQty: 0.001
            minNotional: 5
            maxOpenOrders: 150
            """;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int grid(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = GridbotMain.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--data-dir=" + dir.resolve("data");
        return cli.execute(all);
    }

    private Database db() {
        return Database.open(DatabaseSettings.embedded(dir.resolve("data")));
    }

    private GridConfig stored(String name) {
        try (Database db = db()) {
            return db.configs().find(name).orElseThrow().config();
        }
    }

    @BeforeEach
    void twoGrids() throws Exception {
        assertThat(grid("config", "apply", "-f", Files.writeString(dir.resolve("every.yaml"), EVERY_FIELD).toString()))
                .as(err.toString()).isZero();
        assertThat(grid("config", "apply", "-f", Files.writeString(dir.resolve("short.yaml"),
                GridYaml.shortBtc("short_one")).toString())).as(err.toString()).isZero();
        try (Database db = db()) {
            long id = db.configs().find("short_one").orElseThrow().id();
            db.tradeLog().append(id, List.of(
                    new LogEntry(Instant.parse("2023-09-01T10:00:00Z").toEpochMilli(), LogType.WARN,
                            "late on the first of September", null, null),
                    new LogEntry(Instant.parse("2023-09-02T00:00:00Z").toEpochMilli(), LogType.FILL,
                            "filled at midnight", null, 3)), System.currentTimeMillis());
        }
    }

    @Test
    void statusWithoutAGridListsEveryGridWithItsVenueStateAndWorkingOrders() {
        assertThat(grid("status")).isZero();

        assertThat(out.toString().lines().toList()).hasSize(3);
        assertThat(out.toString()).contains("NAME", "EXCHANGE", "WORKING")
                .containsPattern("every_field +simulated +BTCUSDT +long +STOPPED +0 +0\\.00 +0 entries, 0 exits")
                .containsPattern("short_one +simulated +BTCUSDT +short +STOPPED");
    }

    @Test
    void jsonIsTheDocumentTheApiServesForTheSameQuestion() throws Exception {
        try (Database db = db()) {
            GridBoard board = new GridBoard(db, LiveGrids.none(), System::currentTimeMillis);

            assertThat(grid("status", "--output", "json")).isZero();
            assertThat(JSON.readValue(out.toString(), new TypeReference<List<GridRow>>() { })).isEqualTo(board.rows());

            assertThat(grid("status", "--config", "short_one", "-o", "JSON")).isZero();
            GridSnapshot snapshot = JSON.readValue(out.toString(), GridSnapshot.class);
            GridSnapshot served = board.snapshot(board.grid("short_one").orElseThrow());
            assertThat(snapshot.row()).isEqualTo(served.row());
            assertThat(snapshot.lowerPrice()).isEqualTo("60000");
            assertThat(snapshot).usingRecursiveComparison().ignoringFields("atMs").isEqualTo(served);

            assertThat(grid("config", "show", "--config", "every_field", "--output", "json")).isZero();
            assertThat(JSON.readValue(out.toString(), ConfigDocument.class))
                    .isEqualTo(board.config(board.grid("every_field").orElseThrow()));

            assertThat(grid("config", "list", "--output", "json")).isZero();
            assertThat(JSON.readValue(out.toString(), new TypeReference<List<ConfigDocument>>() { }))
                    .isEqualTo(board.configs());

            assertThat(grid("stats", "--config", "short_one", "--period", "day_7", "--output", "json")).isZero();
            StatisticsReport report = JSON.readValue(out.toString(), StatisticsReport.class);
            assertThat(report.period()).isEqualTo("DAY_7");
            assertThat(report.grid()).isEqualTo("short_one");

            assertThat(grid("logs", "--config", "short_one", "--output", "json")).isZero();
            LogPage page = JSON.readValue(out.toString(), LogPage.class);
            assertThat(page.entries()).extracting(LogPage.Row::detail)
                    .containsExactly("filled at midnight", "late on the first of September");
        }
    }

    @Test
    void yamlOfTheDataDocumentsReadsAsTheJson() throws Exception {
        assertThat(grid("status", "--config", "short_one", "--output", "json")).isZero();
        JsonNode json = JSON.readTree(out.toString());
        assertThat(grid("status", "--config", "short_one", "--output", "yaml")).isZero();
        JsonNode yaml = YAML.readTree(out.toString());

        assertThat(yaml.path("row")).isEqualTo(json.path("row"));
        assertThat(yaml.path("levels")).isEqualTo(json.path("levels"));
        assertThat(yaml.path("lowerPrice").isTextual()).isTrue();
    }

    @Test
    void configShowAsYamlIsAGridFileThatApplyStoresUnchanged() throws Exception {
        GridConfig before = stored("every_field");
        assertThat(grid("config", "show", "--config", "every_field", "--output", "yaml")).isZero();
        String shown = out.toString();
        assertThat(shown).contains("spacing: percentage", "centrePrice: 26000", "orderQty: 0.01",
                "protectiveStop: false", "timeInForce: gtx", "maxOpenOrders: 150");

        Path file = Files.writeString(dir.resolve("shown.yaml"), shown);
        assertThat(grid("config", "apply", "-f", file.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("updated every_field");

        assertThat(stored("every_field")).isEqualTo(before);
        assertThat(grid("config", "show", "--config", "every_field", "--output", "yaml")).isZero();
        assertThat(out.toString()).isEqualTo(shown);
    }

    @Test
    void configListAsYamlIsOneGridFileOfEveryGrid() throws Exception {
        GridConfig every = stored("every_field");
        GridConfig other = stored("short_one");
        assertThat(grid("config", "list", "--output", "yaml")).isZero();
        Path file = Files.writeString(dir.resolve("all.yaml"), out.toString());

        assertThat(grid("config", "apply", "-f", file.toString())).as(err.toString()).isZero();

        assertThat(out.toString()).contains("updated every_field", "updated short_one");
        assertThat(stored("every_field")).isEqualTo(every);
        assertThat(stored("short_one")).isEqualTo(other);
    }

    @Test
    void textAnswersKeepTheirContent() {
        assertThat(grid("status", "--config", "short_one")).isZero();
        assertThat(out.toString()).contains("short_one: short BTCUSDT on simulated, 20 lines from 60000 to 65000",
                "state STOPPED; position 0; working orders: 0 entries, 0 exits",
                "PnL: realized 0.00, fees 0.00, unrealized 0.00 at the last recorded price, total 0.00 USDT",
                "latest warnings and errors:", "WARN  late on the first of September");

        assertThat(grid("config", "show", "--config", "every_field")).isZero();
        assertThat(out.toString()).contains("every_field: long BTCUSDT on simulated, 21 lines from 25000 to 27000",
                "status STOPPED, spacing percentage 0.4 % around 26000", "open-order cap 150, protective stop off");

        assertThat(grid("config", "list")).isZero();
        assertThat(out.toString()).contains("STOPPED    every_field: long BTCUSDT on simulated");

        assertThat(grid("stats", "--config", "short_one")).isZero();
        assertThat(out.toString()).contains("short_one, ALL", "trades 0 (0 entries, 0 exits)");
    }

    @Test
    void choicesAreTakenInAnyCase() {
        assertThat(grid("logs", "--config", "short_one", "--type", "fill")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("[line 3] filled at midnight").doesNotContain("September")
                .doesNotContain("[level");
        assertThat(grid("logs", "--config", "short_one", "--type", "Warn,FILL")).isZero();
        assertThat(out.toString()).contains("filled at midnight", "September");
        assertThat(grid("stats", "--config", "short_one", "--period", "Day_30")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("short_one, DAY_30");
        assertThat(grid("status", "--output", "Yaml")).isZero();
    }

    @Test
    void aDateIsThatWholeDayInUtc() {
        assertThat(grid("logs", "--config", "short_one", "--since", "2023-09-01", "--until", "2023-09-01")).isZero();
        assertThat(out.toString()).contains("September").doesNotContain("midnight");

        assertThat(grid("logs", "--config", "short_one", "--since", "2023-09-02")).isZero();
        assertThat(out.toString()).contains("midnight").doesNotContain("September");

        assertThat(grid("logs", "--config", "short_one", "--from", "2023-09-01T10:00", "--to",
                "2023-09-01T23:59:59.999Z")).isZero();
        assertThat(out.toString()).contains("September").doesNotContain("midnight");

        assertThat(grid("stats", "--config", "short_one", "--until", "2023-09-01")).as(err.toString()).isZero();
    }

    @Test
    void aMalformedTimeGetsOneLineNamingTheOptionAndTheFormsAccepted() {
        assertThat(grid("logs", "--config", "short_one", "--since", "2023-13-01")).isEqualTo(2);

        assertThat(err.toString().lines().toList()).containsExactly("Invalid value for option '--since': "
                + "'2023-13-01' is no time: give " + TimeArgument.FORMS);
        assertThat(grid("stats", "--config", "short_one", "--until", "yesterday")).isEqualTo(2);
        assertThat(err.toString()).contains("'--until'", "'yesterday' is no time");
    }

    @Test
    void anUnknownGridIsNamed() {
        assertThat(grid("status", "--config", "nope", "--output", "json")).isEqualTo(1);
        assertThat(err.toString()).contains("no grid named 'nope'");
        assertThat(out.toString()).isEmpty();
    }
}
