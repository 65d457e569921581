package io.gridbot.runner.replay;

import io.gridbot.core.config.GridConfig;
import io.gridbot.exchange.binance.data.BinanceDataFile;
import io.gridbot.exchange.replay.FundingSchedule;
import io.gridbot.exchange.replay.MalformedDataException;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.runner.config.GridFile;
import io.gridbot.runner.venue.SimulatedVenue;
import io.gridbot.stats.export.CsvExport;
import io.gridbot.stats.metrics.GridStatistics;
import io.gridbot.stats.metrics.Rounding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code grid replay}: runs each grid of a YAML file on the simulated exchange over a recorded price file,
 * as fast as possible, and writes its fills, orders, stop-losses and statistics as CSV. How to check a
 * configuration before risking money. The summary says which fill model and fees were used (maker: the grid's
 * {@code makerFeeRate}; taker: {@code --taker-fee-rate}), the leverage, the funding settled, each stop-loss, and,
 * loudly, a liquidation.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay grids over a recorded price file on the simulated exchange; write fills and statistics as CSV.")
public final class ReplayCommand implements Callable<Integer> {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Option(names = "--config-file", required = true, description = "YAML file of one or more grids")
    Path configFile;

    /** The {@code --prices} value that names the series shipped in the jar, the demo's. */
    static final String BUILTIN = "builtin";

    @Option(names = "--prices", required = true, description = "Binance data file: 1m klines, aggTrades or bookTicker "
            + "(.csv or .csv.gz), a futures WebSocket capture (one JSON message a line, plain or gzipped), or '" + BUILTIN
            + "': the BTCUSDT 1m klines shipped in the jar, 2023-08-26 to 2023-09-29. It is checked through before "
            + "anything is replayed")
    Path prices;

    @Option(names = "--kind", defaultValue = "KLINES", description = "the price file's kind: ${COMPLETION-CANDIDATES} "
            + "(default ${DEFAULT-VALUE}); WS_CAPTURE plays the trade, aggTrade and bookTicker messages of each grid's symbol")
    BinanceDataFile.Kind kind;

    @Option(names = "--out", description = "directory for <grid>-fills.csv, <grid>-orders.csv, <grid>-stop-losses.csv "
            + "and <grid>-statistics.csv")
    Path out;

    @CommandLine.Mixin
    ReplayTerms terms;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GridFile.Result file;
        try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
            file = GridFile.read(reader);
        } catch (IOException e) {
            err.println("cannot read " + configFile + ": " + e.getMessage());
            return 1;
        }
        if (!file.ok()) {
            file.problems().forEach(p -> err.println(configFile + ": " + p));
            return 1;
        }
        boolean builtin = prices.toString().equals(BUILTIN) && !Files.exists(prices);
        if (!builtin && !(Files.isRegularFile(prices) && Files.isReadable(prices))) {
            err.println("cannot read the price file " + prices);
            return 1;
        }
        if (builtin && kind != BinanceDataFile.Kind.KLINES) {
            err.println("the builtin series is 1m klines: drop --kind " + kind);
            return 1;
        }
        SimSettings venue = terms.venue(err);
        FundingSchedule schedule = venue == null ? null : terms.fundingSchedule(err);
        if (schedule == null) {
            return 1;
        }
        // The shipped series is small (under 1 MB): held in memory, it is read once for every grid of the file.
        byte[] series = builtin ? shippedSeries() : null;
        String source = builtin ? SimulatedVenue.SERIES.substring(SimulatedVenue.SERIES.lastIndexOf('/') + 1)
                : prices.getFileName().toString();
        // The whole file is checked first, so that a bad row near its end leaves nothing half-done behind.
        if (!checked(file.grids(), series, source, stdout, err)) {
            return 1;
        }
        if (out != null) {
            Files.createDirectories(out);
        }
        for (GridConfig grid : file.grids()) {
            stdout.printf("replaying %s (%s %s) over %s%n", grid.name(), grid.mode().name().toLowerCase(), grid.symbol(),
                    source);
            stdout.flush();
            ReplaySession.Result result;
            ProgressBar bar = new ProgressBar(stdout, System.console() != null, builtin ? series.length : Files.size(prices));
            try (InputStream in = bar.track(builtin ? new ByteArrayInputStream(series) : Files.newInputStream(prices))) {
                result = new ReplaySession(grid, venue).withFunding(schedule).run(
                        BinanceDataFile.open(in, kind, source, grid.symbol()), 10_000, bar::update);
            } catch (MalformedDataException e) {
                bar.abandon();
                err.println(e.getMessage());
                return 1;
            }
            bar.finish(result.trades());
            GridStatistics s = result.statistics();
            Rounding rounding = Rounding.of(grid.rules());
            stdout.printf("  %s%n", ReplaySummary.figures(result, rounding));
            result.journal().stopLosses().forEach(r -> stdout.printf("  stop-loss %s%n", ReplaySummary.stopLoss(r, rounding)));
            stdout.printf("  fill model %s%n", terms.fillModel.label());
            stdout.println(ReplaySummary.terms(result.venue(), terms.takerSource()));
            stdout.println(ReplaySummary.funding(result.funding(), result.journal().funding(), result.firstMs(),
                    result.lastMs(), rounding));
            result.liquidation().ifPresent(l -> stdout.println(ReplaySummary.liquidation(l, rounding)));
            if (out != null) {
                try (Writer w = Files.newBufferedWriter(out.resolve(grid.name() + "-fills.csv"))) {
                    CsvExport.writeFills(w, result.journal().fills(), grid.positionMode());
                }
                try (Writer w = Files.newBufferedWriter(out.resolve(grid.name() + "-orders.csv"))) {
                    CsvExport.writeOrders(w, result.journal().orders());
                }
                try (Writer w = Files.newBufferedWriter(out.resolve(grid.name() + "-stop-losses.csv"))) {
                    CsvExport.writeStopLosses(w, result.journal().stopLosses());
                }
                try (Writer w = Files.newBufferedWriter(out.resolve(grid.name() + "-statistics.csv"))) {
                    CsvExport.writeStatistics(w, List.of(s));
                }
                stdout.printf("  wrote %s-fills.csv, -orders.csv, -stop-losses.csv and -statistics.csv to %s%n",
                        grid.name(), out);
            }
        }
        return 0;
    }

    /** Reads the price file through its checks, for each symbol a capture is played for; false when it fails. */
    private boolean checked(List<GridConfig> grids, byte[] series, String source, PrintWriter stdout, PrintWriter err) {
        boolean capture = kind == BinanceDataFile.Kind.WS_CAPTURE;
        // the other kinds hold one symbol, whatever the grids say
        for (String symbol : grids.stream().map(GridConfig::symbol).distinct().limit(capture ? Long.MAX_VALUE : 1).toList()) {
            try (InputStream in = series != null ? new ByteArrayInputStream(series) : Files.newInputStream(prices)) {
                BinanceDataFile.Contents contents = BinanceDataFile.check(in, kind, source, symbol);
                stdout.printf("checked %s%s: %,d trades from %s to %s UTC%n", source, capture ? " for " + symbol : "",
                        contents.trades(), DAY.format(Instant.ofEpochMilli(contents.firstMs())),
                        DAY.format(Instant.ofEpochMilli(contents.lastMs())));
            } catch (MalformedDataException e) {
                err.println(e.getMessage());
                return false;
            } catch (IOException e) {
                err.println("cannot read the price file " + prices + ": " + e.getMessage());
                return false;
            }
        }
        return true;
    }

    static byte[] shippedSeries() throws IOException {
        try (InputStream in = SimulatedVenue.series()) {
            if (in == null) {
                throw new IOException("the recorded price series is missing from the jar: " + SimulatedVenue.SERIES);
            }
            return in.readAllBytes();
        }
    }
}
