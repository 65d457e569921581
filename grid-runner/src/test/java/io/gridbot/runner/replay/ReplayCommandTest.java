package io.gridbot.runner.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.runner.GridbotMain;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.io.PrintWriter;
import java.io.StringWriter;
import io.gridbot.runner.testing.GridYaml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
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
        Files.writeString(grid, LINK_GRID);
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

    private static final String LINK_SAMPLE = "/io/gridbot/exchange/binance/data/LINKUSDT-1m-2023-02-first3000.csv.gz";

    private static final String LINK_GRID = GridYaml.neutralLink("link_neutral");

    private byte[] linkSample() throws Exception {
        try (InputStream in = getClass().getResourceAsStream(LINK_SAMPLE)) {
            return in.readAllBytes();
        }
    }

    /** Replays {@code prices} with the LINK grid and asserts it failed with one line on stderr and wrote nothing. */
    private String refused(Path prices, String... kind) throws Exception {
        Path grid = dir.resolve("grid.yaml");
        Files.writeString(grid, LINK_GRID);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = {"replay", "--config-file", grid.toString(), "--prices", prices.toString(), "--out",
                dir.resolve("out").toString()};
        String[] all = Arrays.copyOf(args, args.length + kind.length);
        System.arraycopy(kind, 0, all, args.length, kind.length);

        int code = run(out, err, all);

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(out.toString()).doesNotContain("replaying");
        assertThat(dir.resolve("out")).doesNotExist();
        return err.toString().strip();
    }

    @Test
    void aTruncatedGzipIsOneLineOnStderrAnExitOfOneAndNoOutputFiles() throws Exception {
        // issue 15: a cut download gave a stack trace, after replaying what came before the cut
        byte[] whole = linkSample();
        Path prices = dir.resolve("link.csv.gz");
        Files.write(prices, Arrays.copyOf(whole, whole.length * 2 / 3));

        assertThat(refused(prices)).matches("link\\.csv\\.gz: truncated gzip stream after row \\d+");
    }

    @Test
    void aBinaryFileIsOneLineOnStderrAnExitOfOneAndNoOutputFiles() throws Exception {
        Path prices = dir.resolve("prices.csv");
        Files.write(prices, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0});

        assertThat(refused(prices)).isEqualTo("prices.csv: row 1: byte 0x7f at column 1 is not text (a binary file?)");
    }

    @Test
    void aBadLastRowStopsTheReplayBeforeItStarts() throws Exception {
        byte[] plain;
        try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream(LINK_SAMPLE))) {
            plain = in.readAllBytes();
        }
        String rows = new String(plain, StandardCharsets.US_ASCII);
        int last = rows.stripTrailing().lastIndexOf('\n') + 1;
        String[] f = rows.substring(last).strip().split(",");
        String swapped = String.join(",", f[0], f[1], f[3], f[2]) + "," + String.join(",", Arrays.copyOfRange(f, 4, f.length));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write((rows.substring(0, last) + swapped + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        Path prices = dir.resolve("link.csv.gz");
        Files.write(prices, gz.toByteArray());

        assertThat(refused(prices)).isEqualTo("link.csv.gz: row 3001: high " + f[3] + " is below low " + f[2]);
    }

    @Test
    void anEmptyOrHeaderOnlyFileHasNoDataRows() throws Exception {
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        Path header = dir.resolve("header.csv");
        Files.writeString(header, "agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker\n");

        assertThat(refused(empty)).isEqualTo("empty.csv: no data rows");
        assertThat(refused(header, "--kind", "AGG_TRADES")).isEqualTo("header.csv: no data rows");
    }

    @Test
    void aWebSocketCaptureIsReplayedForTheGridsSymbol() throws Exception {
        Path prices = dir.resolve("btcusdt.gz");
        try (InputStream in = getClass().getResourceAsStream("/io/gridbot/exchange/binance/data/btcusdt_20240808-first2000.gz")) {
            Files.copy(in, prices);
        }
        Path grid = dir.resolve("grid.yaml");
        Files.writeString(grid, """
                name: btc_ticks
                exchange: simulated
                symbol: BTCUSDT
                mode: neutral
                lowerPrice: 61600
                upperPrice: 62000
                levels: 9
                orderQty: 0.002
                maxPosition: 0.020
                stopLossBufferPct: 3
                priceTick: 0.1
                qtyStep: 0.001
                minQty: 0.001
                minNotional: 5
                """);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = run(out, err, "replay", "--config-file", grid.toString(), "--prices", prices.toString(), "--kind",
                "WS_CAPTURE", "--out", dir.resolve("out").toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("checked btcusdt.gz for BTCUSDT: 1,830 trades from 2024-08-08 23:54:16 to "
                + "2024-08-08 23:54:25 UTC", "1,830 trades, ");
        assertThat(dir.resolve("out/btc_ticks-fills.csv")).exists();
    }

    private Path longGridFile() throws Exception {
        Path grid = dir.resolve("long.yaml");
        Files.writeString(grid, """
                name: long_btc
                exchange: simulated
                symbol: BTCUSDT
                mode: long
                lowerPrice: 25000
                upperPrice: 27000
                levels: 21
                orderQty: 0.050
                maxPosition: 1.000
                makerFeeRate: 0.0001
                priceTick: 0.1
                qtyStep: 0.001
                minQty: 0.001
                minNotional: 5
                """);
        return grid;
    }

    @Test
    void aReplayThatBreachesTheMaintenanceMarginIsLiquidatedAndSaysSoLoudly() throws Exception {
        Path prices = dir.resolve("falling.csv");
        Files.writeString(prices, ReplayLiquidationTest.fallingCandles());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = run(out, err, "replay", "--config-file", longGridFile().toString(), "--prices", prices.toString(),
                "--balance", "300", "--leverage", "100");

        assertThat(code).as(err.toString()).isZero();
        String liquidated = out.toString().lines().filter(l -> l.startsWith("  LIQUIDATED at ")).findFirst().orElseThrow();
        assertThat(liquidated).matches("  LIQUIDATED at 2023-08-29 \\d\\d:\\d\\d UTC at \\d{5}\\.\\d: equity [-\\d.,]+ fell "
                + "below maintenance margin [\\d.,]+ \\(liquidation price \\d{5}\\.\\d\\); the venue closed [\\d.]+ with a liquidation fee of [\\d.,]+; the grid stopped");
        assertThat(out.toString()).contains("status STOPPED",
                "  fees: maker 0.0001 (the grid's makerFeeRate), taker 0.0005 (the venue's, --taker-fee-rate); leverage 100x, "
                        + "liquidation fee 1.25 % below the maintenance margin", "  funding: none");
    }

    @Test
    void aFundingFileOutsideTheReplaysTimeIsSaidToSettleNothing() throws Exception {
        Path funding = dir.resolve("funding.csv");
        try (InputStream in = getClass().getResourceAsStream("/io/gridbot/exchange/binance/data/funding_binance_BTCUSDT.csv")) {
            Files.copy(in, funding);
        }
        Path grid = dir.resolve("grid.yaml");
        Files.writeString(grid, GridYaml.shortBtcOnTheShippedMarket("short"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = run(out, err, "replay", "--config-file", grid.toString(), "--prices", "builtin", "--funding",
                funding.toString(), "--taker-fee-rate", "0.0004");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("  funding: funding.csv has no funding time within the replay "
                + "(2023-08-26 03:00 UTC to 2023-09-29 20:19 UTC; the file covers 2025-12-12 16:00 to 2026-06-10 08:00 UTC): "
                + "none settled", "taker 0.0004 (--taker-fee-rate)");
    }

    @Test
    void aBadFundingFileOrLeverageGetsOneLineAndANonZeroExit() throws Exception {
        Path funding = dir.resolve("funding.csv");
        Files.writeString(funding, "ts,rate\n1690848000000,0.0001\n1690848000000,0.0002\n");
        Path grid = dir.resolve("grid.yaml");
        Files.writeString(grid, GridYaml.shortBtcOnTheShippedMarket("short"));
        StringWriter err = new StringWriter();

        int code = run(new StringWriter(), err, "replay", "--config-file", grid.toString(), "--prices", "builtin",
                "--funding", funding.toString());
        StringWriter err2 = new StringWriter();
        int code2 = run(new StringWriter(), err2, "replay", "--config-file", grid.toString(), "--prices", "builtin",
                "--leverage", "200");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().trim()).isEqualTo("funding.csv row 3: time 1690848000000 (2023-08-01T00:00:00Z) is not "
                + "after the row before's 1690848000000 (2023-08-01T00:00:00Z)");
        assertThat(code2).isEqualTo(1);
        assertThat(err2.toString().trim()).isEqualTo("--leverage must be from 1 to 125 (the margin brackets' largest), not 200");
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
