package io.gridbot.runner.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.Side;
import io.gridbot.core.stoploss.StopLossReport;
import io.gridbot.exchange.binance.data.BinanceDataFile;
import io.gridbot.exchange.sim.FillModel;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.runner.GridbotMain;
import io.gridbot.runner.config.GridFile;
import io.gridbot.runner.testing.GridYaml;
import io.gridbot.runner.venue.SimulatedVenue;
import io.gridbot.stats.metrics.GridStatistics;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 15's "done when" for fill models: over the kline series shipped in the jar, a trade must pass through a
 * price to fill it ({@code through}) gives fewer fills than a touch does, and the queue model no more; the
 * replay's {@code --fill-model}; and a stop-loss close in a kline replay that slips.
 */
class FillModelReplayTest {

    @TempDir
    Path dir;

    private static GridStatistics replay(GridConfig grid, FillModel model) throws Exception {
        return new ReplaySession(grid, SimSettings.defaults().withFillModel(model))
                .run(BinanceDataFile.open(SimulatedVenue.series(), BinanceDataFile.Kind.KLINES, "builtin"), 100_000,
                        (n, t) -> { })
                .statistics();
    }

    @Test
    void throughGivesFewerFillsThanTouchOnTheShippedKlineSeriesAndQueueNoMore() throws Exception {
        GridConfig grid = GridFile.read(new StringReader(GridYaml.shortBtcOnTheShippedMarket("fills"))).grids().get(0);
        Map<FillModel, GridStatistics> runs = new EnumMap<>(FillModel.class);
        for (FillModel model : FillModel.values()) {
            runs.put(model, replay(grid, model));
        }
        runs.forEach((model, s) -> System.out.printf("builtin series, short BTCUSDT 25600-27400 x19: %-7s %4d fills, "
                + "total PnL %s USDT%n", model.label(), s.totalTrades(), s.totalPnl().setScale(2, RoundingMode.HALF_EVEN)));

        long touch = runs.get(FillModel.TOUCH).totalTrades();
        assertThat(runs.get(FillModel.THROUGH).totalTrades()).isLessThan(touch);
        assertThat(runs.get(FillModel.QUEUE).totalTrades()).isLessThanOrEqualTo(touch);
    }

    @Test
    void aStopLossCloseInAKlineReplaySlipsPastItsTriggerButNotToTheCandlesExtreme() throws Exception {
        SymbolRules link = new SymbolRules("LINKUSDT", new BigDecimal("0.001"), new BigDecimal("0.01"), new BigDecimal("0.01"),
                new BigDecimal("5"), 200);
        GridConfig grid = GridConfig.builder("link-short", link).mode(GridMode.SHORT)
                .band(new BigDecimal("6.700"), new BigDecimal("7.000")).levels(16).orderQty(new BigDecimal("1.00"))
                .maxPosition(new BigDecimal("8.00")).stopLossBufferPct(new BigDecimal("1")).build();

        ReplaySession.Result r = new ReplaySession(grid, SimSettings.defaults()).run(BinanceDataFile.open(
                getClass().getResourceAsStream("/io/gridbot/exchange/binance/data/LINKUSDT-1m-2023-02-first3000.csv.gz"),
                BinanceDataFile.Kind.KLINES, "LINK"), 1_000, (n, t) -> { });

        StopLossReport report = r.journal().stopLosses().get(0);
        Fill close = r.journal().fills().stream().filter(f -> f.kind() == ClientOrderId.Kind.STOP).findFirst().orElseThrow();
        // The candle of 02-01 19:53 rose from 7.039 to 7.075 through the venue-side stop at 7.070: the close buys
        // a tenth of the minute's range (7.039 to 7.075) above the trigger, not at the trigger nor at the high.
        assertThat(report.stopLine()).isEqualByComparingTo("7.07");
        assertThat(close.side()).isEqualTo(Side.BUY);
        assertThat(close.price()).isEqualByComparingTo("7.074");
    }

    private String replayCli(String... extra) throws Exception {
        Path file = dir.resolve("grid.yaml");
        Files.writeString(file, GridYaml.shortBtcOnTheShippedMarket("fills"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new GridbotMain());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] args = {"replay", "--config-file", file.toString(), "--prices", "builtin"};
        String[] all = Stream.concat(Arrays.stream(args), Arrays.stream(extra))
                .toArray(String[]::new);

        int code = cli.execute(all);

        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    @Test
    void replayFillsThroughUnlessToldOtherwiseTakesTheModelInAnyCaseAndSaysWhichItUsed() throws Exception {
        assertThat(replayCli()).contains("  fill model through");
        assertThat(replayCli("--fill-model", "Queue")).contains("  fill model queue");
    }

    @Test
    void replayRefusesAnUnknownFillModelInOneLine() throws Exception {
        Path file = dir.resolve("grid.yaml");
        Files.writeString(file, GridYaml.shortBtcOnTheShippedMarket("fills"));
        StringWriter err = new StringWriter();

        int code = GridbotMain.commandLine().setErr(new PrintWriter(err)).execute("replay", "--config-file", file.toString(),
                "--prices", "builtin", "--fill-model", "fifo");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("'fifo' is not a fill model: touch, through or queue");
    }
}
