package io.gridbot.runner.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.exchange.binance.data.BinanceDataFile;
import io.gridbot.exchange.replay.FundingSchedule;
import io.gridbot.exchange.sim.FillModel;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.runner.GridbotMain;
import io.gridbot.runner.config.GridFile;
import io.gridbot.runner.testing.GridYaml;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 15: grid sweep, many configurations of one grid over one price file, one table. */
class SweepCommandTest {

    private static final String GRID = GridYaml.neutralLink("link_sweep");

    @TempDir
    Path dir;

    private Path prices;
    private Path grid;

    @BeforeEach
    void files() throws Exception {
        prices = dir.resolve("link.csv.gz");
        try (InputStream in = getClass().getResourceAsStream("/io/gridbot/exchange/binance/data/LINKUSDT-1m-2023-02-first3000.csv.gz")) {
            Files.copy(in, prices);
        }
        grid = dir.resolve("grid.yaml");
        Files.writeString(grid, GRID);
    }

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = new CommandLine(new GridbotMain());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void aSweepOfTwoByTwoConfigurationsGivesFourRowsEqualToFourSingleReplays() throws Exception {
        Path csv = dir.resolve("sweep.csv");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = run(out, err, "sweep", "--config-file", grid.toString(), "--prices", prices.toString(),
                "--vary", "levels=20,36", "--vary", "mode=long,neutral", "--threads", "2", "--out", csv.toString());

        assertThat(code).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("levels,mode,fills,realized,fees,funding,total_pnl,max_drawdown,liquidated");
        List<String> expected = new ArrayList<>();
        for (String levels : List.of("20", "36")) {
            for (String mode : List.of("long", "neutral")) {
                GridConfig config = GridFile.read(new StringReader(GRID.replace("levels: 36", "levels: " + levels)
                        .replace("mode: neutral", "mode: " + mode))).grids().get(0);
                SimSettings venue = ReplayTerms.venueSettings(new BigDecimal("10000"), null, null, new PrintWriter(err))
                        .withFillModel(FillModel.THROUGH);
                ReplaySession.Result single;
                try (InputStream in = Files.newInputStream(prices)) {
                    single = new ReplaySession(config, venue).withFunding(FundingSchedule.NONE).run(
                            BinanceDataFile.open(in, BinanceDataFile.Kind.KLINES, "link.csv.gz", "LINKUSDT"),
                            Long.MAX_VALUE, (n, t) -> { });
                }
                Map<String, String> values = new LinkedHashMap<>();
                values.put("levels", levels);
                values.put("mode", mode);
                expected.add(String.join(",", SweepTable.Row.of(new Sweep.Configuration(values, config, List.of()), single)
                        .cells(List.of("levels", "mode"), false)));
                assertThat(single.statistics().totalTrades()).isPositive();
            }
        }
        assertThat(lines.subList(1, lines.size())).containsExactlyElementsOf(expected);
        assertThat(out.toString()).contains("sweeping 4 configurations of link_sweep over link.csv.gz on 2 threads")
                .containsPattern("(?m)^levels\\s+mode\\s+fills\\s+realized").contains("4 configurations in ");
    }

    @Test
    void aVaryOfAFieldNoGridHasGetsOneClearLineAndExitOne() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = run(out, err, "sweep", "--config-file", grid.toString(), "--prices", prices.toString(),
                "--vary", "levles=10,20");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().lines().toList()).singleElement().asString()
                .startsWith("--vary levles=10,20: 'levles' is not a grid field");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aVaryWithoutValuesGetsOneClearLineAndExitOne() {
        StringWriter err = new StringWriter();

        int code = run(new StringWriter(), err, "sweep", "--config-file", grid.toString(), "--prices", prices.toString(),
                "--vary", "levels");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().lines().toList()).containsExactly(
                "--vary levels: write field=value,value,... (e.g. levels=10,20,40)");
    }

    @Test
    void aCombinationThatIsNoValidGridIsNamedOnStderrAndTheOthersRun() throws Exception {
        Path csv = dir.resolve("sweep.csv");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = run(out, err, "sweep", "--config-file", grid.toString(), "--prices", prices.toString(),
                "--vary", "lowerPrice=6.700,7.500", "--out", csv.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString().lines().toList()).singleElement().asString().startsWith("lowerPrice=7.500: not run: ");
        assertThat(Files.readAllLines(csv)).hasSize(2).element(1).asString().startsWith("6.700,");
    }
}
