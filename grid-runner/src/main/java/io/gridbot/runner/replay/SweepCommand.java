package io.gridbot.runner.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridbot.exchange.binance.data.BinanceDataFile;
import io.gridbot.exchange.replay.FundingSchedule;
import io.gridbot.exchange.replay.MalformedDataException;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.runner.venue.SimulatedVenue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code grid sweep}: replays one grid over one price file under every combination of the values given for some
 * of its fields, the runs spread over the cores (each run alone on one thread, as {@code grid replay} runs it),
 * and prints one table: a row a configuration with its fills, realized PnL, fees, funding, total PnL, max drawdown
 * and whether it was liquidated. A combination that is not a valid grid is named on stderr and left out.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Replay one grid under many configurations (--vary field=v1,v2,...) over a price file; one table of results.")
public final class SweepCommand implements Callable<Integer> {

    @Option(names = "--config-file", required = true, description = "YAML file of the one grid the sweep starts from")
    Path configFile;

    @Option(names = "--prices", required = true, description = "the price file, as for grid replay, or '"
            + ReplayCommand.BUILTIN + "'; it is checked through once before any run")
    Path prices;

    @Option(names = "--kind", defaultValue = "KLINES", description = "the price file's kind: ${COMPLETION-CANDIDATES} "
            + "(default ${DEFAULT-VALUE})")
    BinanceDataFile.Kind kind;

    @Option(names = "--vary", required = true, paramLabel = "FIELD=V1,V2,...", description = "a grid field and its values, "
            + "e.g. levels=10,20,40 or mode=long,short,neutral; repeat it: every combination is one run")
    List<String> vary;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "also write the table as CSV, exact decimals")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "runs at once (default: the machine's cores)")
    Integer threads;

    @CommandLine.Mixin
    ReplayTerms terms;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Sweep.Variation> variations = new ArrayList<>();
        try {
            for (String v : vary) {
                Sweep.Variation variation = Sweep.Variation.parse(v);
                if (variations.stream().anyMatch(o -> o.field().equals(variation.field()))) {
                    throw new IllegalArgumentException("--vary " + v + ": " + variation.field() + " is varied twice");
                }
                variations.add(variation);
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        }
        if (threads != null && threads < 1) {
            err.println("--threads must be at least 1, not " + threads);
            return 1;
        }
        ObjectNode base = baseGrid(err);
        SimSettings venue = base == null ? null : terms.venue(err);
        FundingSchedule schedule = venue == null ? null : terms.fundingSchedule(err);
        if (schedule == null) {
            return 1;
        }
        boolean builtin = prices.toString().equals(ReplayCommand.BUILTIN) && !Files.exists(prices);
        if (!builtin && !(Files.isRegularFile(prices) && Files.isReadable(prices))) {
            err.println("cannot read the price file " + prices);
            return 1;
        }
        List<Sweep.Configuration> configurations = Sweep.configurations(base, variations);
        configurations.stream().filter(c -> !c.valid()).forEach(c -> err.println(c.label() + ": not run: "
                + String.join("; ", c.problems().stream().map(Object::toString).toList())));
        List<Sweep.Configuration> runs = configurations.stream().filter(Sweep.Configuration::valid).toList();
        if (runs.isEmpty()) {
            err.println("no combination is a valid grid: nothing to replay");
            return 1;
        }
        byte[] series = builtin ? ReplayCommand.shippedSeries() : null;
        String source = builtin ? SimulatedVenue.SERIES.substring(SimulatedVenue.SERIES.lastIndexOf('/') + 1)
                : prices.getFileName().toString();
        String symbol = runs.get(0).grid().symbol();
        try (InputStream in = open(series)) {
            BinanceDataFile.Contents contents = BinanceDataFile.check(in, kind, source, symbol);
            stdout.printf("checked %s: %,d trades%n", source, contents.trades());
        } catch (MalformedDataException e) {
            err.println(e.getMessage());
            return 1;
        }
        int pool = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        stdout.printf("sweeping %d configurations of %s over %s on %d threads%n", runs.size(), runs.get(0).grid().name(),
                source, pool);
        stdout.flush();
        long start = System.nanoTime();
        List<SweepTable.Row> rows = new ArrayList<>();
        ExecutorService executor = Executors.newFixedThreadPool(pool);
        try {
            List<Future<ReplaySession.Result>> results = new ArrayList<>();
            for (Sweep.Configuration c : runs) {
                results.add(executor.submit(() -> {
                    try (InputStream in = open(series)) {
                        return new ReplaySession(c.grid(), venue).withFunding(schedule)
                                .run(BinanceDataFile.open(in, kind, source, c.grid().symbol()), Long.MAX_VALUE, (n, t) -> { });
                    }
                }));
            }
            for (int i = 0; i < runs.size(); i++) {
                rows.add(SweepTable.Row.of(runs.get(i), results.get(i).get()));
            }
        } catch (ExecutionException e) {
            err.println("a run failed: " + (e.getCause() == null ? e : e.getCause()).getMessage());
            return 1;
        } finally {
            executor.shutdownNow();
        }
        List<String> fields = variations.stream().map(Sweep.Variation::field).toList();
        SweepTable.print(stdout, fields, rows);
        stdout.printf("%d configurations in %.1f s%n", rows.size(), (System.nanoTime() - start) / 1e9);
        if (out != null) {
            try (Writer w = Files.newBufferedWriter(out)) {
                SweepTable.writeCsv(w, fields, rows);
            }
            stdout.println("wrote " + out);
        }
        return 0;
    }

    private InputStream open(byte[] series) throws IOException {
        return series != null ? new ByteArrayInputStream(series) : Files.newInputStream(prices);
    }

    /** The one grid of the config file as a tree of fields, or {@code null} after saying why there is none. */
    private ObjectNode baseGrid(PrintWriter err) {
        JsonNode root;
        try {
            root = Sweep.YAML.readTree(configFile.toFile());
        } catch (IOException e) {
            err.println("cannot read " + configFile + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            return null;
        }
        JsonNode grid = root != null && root.has("grids") && root.get("grids").isArray() && root.get("grids").size() == 1
                ? root.get("grids").get(0) : root;
        if (!(grid instanceof ObjectNode object) || object.has("grids")) {
            err.println(configFile + ": a sweep starts from one grid: a mapping of its fields");
            return null;
        }
        return object;
    }
}
