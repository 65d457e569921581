package io.gridbot.runner.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.runner.GridbotMain;
import java.io.InputStream;
import java.math.BigDecimal;
import java.io.PrintWriter;
import java.io.StringWriter;
import io.gridbot.runner.testing.GridYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReplayCommandTest {

    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = new CommandLine(new GridbotMain());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void aGridFileIsReplayedOverARecordedFileIntoCsv() throws Exception {
        Path prices = dir.resolve("link.csv.gz");
        try (InputStream in = getClass().getResourceAsStream("/io/gridbot/exchange/binance/data/LINKUSDT-1m-2023-02-first3000.csv.gz")) {
            Files.copy(in, prices);
        }
        Path grid = dir.resolve("grid.yaml");
        Files.writeString(grid, """
                name: link_neutral
                exchange: simulated
                symbol: LINKUSDT
                mode: neutral
                lowerPrice: 6.700
                upperPrice: 7.400
                levels: 36
                orderQty: 1.00
                maxPosition: 8.00
                stopLossBufferPct: 3
                priceTick: 0.001
                qtyStep: 0.01
                minQty: 0.01
                minNotional: 5
                """);
        StringWriter out = new StringWriter();

        int code = run(out, new StringWriter(), "replay", "--config-file", grid.toString(), "--prices", prices.toString(),
                "--out", dir.resolve("out").toString());

        assertThat(code).isZero();
        assertThat(out.toString()).contains("12,000 trades").contains("[##############################] 100%  12,000 trades");
        assertThat(Files.readAllLines(dir.resolve("out/link_neutral-fills.csv")).get(0)).startsWith("time_ms,time_utc");
        assertThat(Files.readAllLines(dir.resolve("out/link_neutral-statistics.csv"))).hasSize(2);
        assertThat(Files.readAllLines(dir.resolve("out/link_neutral-orders.csv")).size()).isGreaterThan(10);
    }

    @Test
    void builtinReplaysTheSeriesShippedInTheJarForEveryGridOfTheFile() throws Exception {
        Path grid = dir.resolve("grid.yaml");
        String btc = GridYaml.shortBtcOnTheShippedMarketFields();
        Files.writeString(grid, "grids:\n  - name: first\n" + btc.indent(4)
                + "  - name: second\n" + btc.indent(4));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = run(out, err, "replay", "--config-file", grid.toString(), "--prices", "builtin");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("replaying first (short BTCUSDT) over BTCUSDT_1m_spot_20230826-20230929.csv.gz",
                "replaying second (short BTCUSDT) over BTCUSDT_1m_spot_20230826-20230929.csv.gz");
        assertThat(out.toString().split("200,000 trades, ", -1)).hasSize(3);
        assertThat(out.toString()).doesNotContain("status STOPPED");
    }

    @Test
    void builtinIsKlinesOnly() throws Exception {
        Path grid = dir.resolve("grid.yaml");
        Files.writeString(grid, "name: x\nexchange: simulated\nsymbol: BTCUSDT\nmode: short\nlowerPrice: 25600\n"
                + "upperPrice: 27400\nlevels: 19\norderQty: 0.010\nmaxPosition: 0.150\nstopLossBufferPct: 3\n"
                + "priceTick: 0.1\nqtyStep: 0.001\nminQty: 0.001\nminNotional: 5\n");
        StringWriter err = new StringWriter();

        int code = run(new StringWriter(), err, "replay", "--config-file", grid.toString(), "--prices", "builtin",
                "--kind", "AGG_TRADES");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("the builtin series is 1m klines");
    }

    @Test
    void badInputGetsAClearErrorAndANonZeroExit() throws Exception {
        Path grid = dir.resolve("grid.yaml");
        Files.writeString(grid, "name: x\nlevels: 2\n");
        StringWriter err = new StringWriter();

        int code = run(new StringWriter(), err, "replay", "--config-file", grid.toString(), "--prices", "/nope.csv");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("grid x: symbol: is required", "grid x: priceTick: is required");
    }

    /** Issue 15: the summary printed -99.47100000000000000000000000000160; money reads to the cent. */
    @Test
    void theSummaryLinesMoneyFiguresHaveNoMoreThanTwoDecimals() throws Exception {
        Path prices = dir.resolve("link.csv.gz");
        try (InputStream in = getClass().getResourceAsStream("/io/gridbot/exchange/binance/data/LINKUSDT-1m-2023-02-first3000.csv.gz")) {
            Files.copy(in, prices);
        }
        Path grid = dir.resolve("grid.yaml");
        Files.writeString(grid, "name: link_long\nexchange: simulated\nsymbol: LINKUSDT\nmode: long\nlowerPrice: 6.700\n"
                + "upperPrice: 7.400\nlevels: 36\norderQty: 1.37\nmaxPosition: 20.00\nstopLossBufferPct: 3\n"
                + "priceTick: 0.001\nqtyStep: 0.01\nminQty: 0.01\nminNotional: 5\n");
        StringWriter out = new StringWriter();

        assertThat(run(out, new StringWriter(), "replay", "--config-file", grid.toString(), "--prices", prices.toString()))
                .isZero();

        String summary = out.toString().lines().filter(l -> l.contains("trades, ")).findFirst().orElseThrow();
        java.util.regex.Matcher money = java.util.regex.Pattern
                .compile("(realized|fees|total PnL|max drawdown) (-?[0-9.]+)").matcher(summary);
        int figures = 0;
        while (money.find()) {
            figures++;
            assertThat(money.group(2)).as(summary).matches("-?\\d+\\.\\d{2}");
        }
        assertThat(figures).as(summary).isEqualTo(4);
        assertThat(summary).containsPattern("position -?\\d+\\.\\d{2},"); // the quantity step
    }

    /**
     * Issue 15: the replay wrote no stop-loss report, and the protective stop's left it without a close price or
     * slippage. The news spike of 2023-08-29 crosses this grid's stop line.
     */
    @Test
    void aStopLossIsWrittenToItsCsvAndPrintedWithItsClosePriceAndSlippage() throws Exception {
        Path grid = dir.resolve("grid.yaml");
        Files.writeString(grid, "name: tight\nexchange: simulated\nsymbol: BTCUSDT\nmode: short\nlowerPrice: 25600\n"
                + "upperPrice: 26400\nlevels: 17\norderQty: 0.010\nmaxPosition: 0.150\nstopLossBufferPct: 1\n"
                + "priceTick: 0.1\nqtyStep: 0.001\nminQty: 0.001\nminNotional: 5\n");
        StringWriter out = new StringWriter();

        assertThat(run(out, new StringWriter(), "replay", "--config-file", grid.toString(), "--prices", "builtin",
                "--out", dir.resolve("out").toString())).isZero();

        java.util.List<String> rows = Files.readAllLines(dir.resolve("out/tight-stop-losses.csv"));
        assertThat(rows.get(0)).startsWith("triggered_ms,triggered_utc,trigger_price,stop_line,position,close_price");
        assertThat(rows).hasSize(2);
        String[] row = rows.get(1).split(",", -1);
        assertThat(row[5]).as("close price").isNotEmpty();
        assertThat(row[8]).as("slippage").isNotEmpty();
        assertThat(new BigDecimal(row[9])).as("slippage cost").isEqualByComparingTo(
                new BigDecimal(row[8]).multiply(new BigDecimal(row[4]).abs()));
        // the fills' realized_pnl, the stop's STOP fill included, adds up to the statistics' realized PnL
        java.util.List<String> fills = Files.readAllLines(dir.resolve("out/tight-fills.csv"));
        int realized = java.util.List.of(fills.get(0).split(",")).indexOf("realized_pnl");
        assertThat(fills).anyMatch(f -> f.contains(",STOP,"));
        BigDecimal sum = fills.stream().skip(1).map(f -> new BigDecimal(f.split(",", -1)[realized]))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        java.util.List<String> stats = Files.readAllLines(dir.resolve("out/tight-statistics.csv"));
        int statsRealized = java.util.List.of(stats.get(0).split(",")).indexOf("realized_pnl");
        assertThat(sum.setScale(8, java.math.RoundingMode.HALF_EVEN))
                .isEqualByComparingTo(new BigDecimal(stats.get(1).split(",", -1)[statsRealized]));
        assertThat(out.toString()).containsPattern("  stop-loss 2023-08-29T[0-9:]+Z: .*; closed -0\\.\\d{3} at \\d+\\.\\d, "
                + "slippage \\d+\\.\\d \\(\\d+\\.\\d{2} USDT\\)").contains("stop-losses 1");
    }
}
