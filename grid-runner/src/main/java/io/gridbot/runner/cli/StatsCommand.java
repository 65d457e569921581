package io.gridbot.runner.cli;

import io.gridbot.core.stoploss.StopLossReport;
import io.gridbot.persistence.Database;
import io.gridbot.runner.link.GridSource;
import io.gridbot.runner.web.grid.StatisticsReport;
import io.gridbot.runner.store.StatisticsSource;
import io.gridbot.runner.store.OpenMode;
import io.gridbot.runner.store.StoreOptions;
import io.gridbot.stats.export.CsvExport;
import io.gridbot.stats.metrics.GridStatistics;
import io.gridbot.stats.metrics.Period;
import io.gridbot.stats.metrics.Rounding;
import io.gridbot.stats.metrics.StatisticsCalculator;
import io.gridbot.stats.metrics.StatisticsInput;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code grid stats} and {@code grid export}. */
public final class StatsCommand {

    private StatsCommand() {
    }

    /** Shared options. */
    abstract static class Base implements Callable<Integer> {
        @Option(names = "--config", required = true, description = "the grid's name")
        String name;

        @Option(names = "--capital", defaultValue = "0", description = "capital in USDT, for yield and drawdown percentages")
        BigDecimal capital;

        @Option(names = "--until", paramLabel = "TIME", converter = TimeArgument.Converter.class,
                description = "the figures as they stood then (default: now): a date (2023-09-01, to the end of that"
                        + " day in UTC), a UTC time (2023-09-01T12:00) or an instant (2023-09-01T12:00:00Z)")
        TimeArgument until;

        @Mixin
        StoreOptions store;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        long untilMs() {
            return until == null ? Long.MAX_VALUE : until.lastMs();
        }

        /** Refuses a negative capital; true when it is fine. */
        boolean capitalOk() {
            if (capital.signum() < 0) {
                spec.commandLine().getErr().println("--capital must not be negative");
                return false;
            }
            return true;
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Show a grid's statistics for a period.")
    public static final class Show extends Base {
        @Option(names = "--period", defaultValue = "ALL",
                description = "${COMPLETION-CANDIDATES}, any case (default ${DEFAULT-VALUE})")
        Period period;

        @Mixin
        LinkOptions link;

        @Mixin
        OutputOptions output;

        @Override
        public Integer call() {
            if (!capitalOk()) {
                return 2;
            }
            try (GridSource grids = link.open(store)) {
                Optional<StatisticsReport> report = grids.statistics(name, period, capital, untilMs());
                if (report.isEmpty()) {
                    spec.commandLine().getErr().println(GridText.noSuchGrid(name));
                    return 1;
                }
                if (output.text()) {
                    Rounding round = grids.config(name).map(c -> Rounding.of(c.config().rules()))
                            .orElseGet(() -> Rounding.quote(""));
                    GridText.statistics(spec.commandLine().getOut(), report.get(), round);
                } else {
                    output.print(spec.commandLine().getOut(), report.get());
                }
                return 0;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a grid's fills, orders, stop-losses and statistics (every period) as CSV files.")
    public static final class Export extends Base {
        @Option(names = "--out", required = true, description = "directory for fills.csv, orders.csv, stop-losses.csv, statistics.csv")
        Path out;

        @Override
        public Integer call() throws Exception {
            if (!capitalOk()) {
                return 2;
            }
            try (Database db = store.open(OpenMode.EXISTING)) {
                var grid = StoreOptions.grid(db, name, spec.commandLine().getErr());
                if (grid.isEmpty()) {
                    return 1;
                }
                long clock = System.currentTimeMillis();
                long asked = Math.min(clock, untilMs());
                StatisticsInput input = StatisticsSource.read(db, grid.get(), asked, capital, asked == clock
                        ? StatisticsSource.marketPrice(db, grid.get().id()) : List.of());
                long now = StatisticsSource.end(grid.get(), input, asked);
                List<GridStatistics> report = Arrays.stream(Period.values())
                        .map(p -> StatisticsCalculator.compute(input, p, now)).toList();
                Files.createDirectories(out);
                try (Writer w = Files.newBufferedWriter(out.resolve(name + "-fills.csv"))) {
                    CsvExport.writeFills(w, input.fills(), input.positionMode());
                }
                try (Writer w = Files.newBufferedWriter(out.resolve(name + "-orders.csv"))) {
                    CsvExport.writeOrders(w, input.orders());
                }
                List<StopLossReport> stopLosses = db.reports().stopLosses(grid.get().id(), name).stream()
                        .filter(r -> r.triggeredAtMs() <= asked).toList();
                try (Writer w = Files.newBufferedWriter(out.resolve(name + "-stop-losses.csv"))) {
                    CsvExport.writeStopLosses(w, stopLosses);
                }
                try (Writer w = Files.newBufferedWriter(out.resolve(name + "-statistics.csv"))) {
                    CsvExport.writeStatistics(w, report);
                }
                spec.commandLine().getOut().printf("wrote %d fills, %d orders, %d stop-losses and %d statistics rows to %s%n",
                        input.fills().size(), input.orders().size(), stopLosses.size(), report.size(), out);
                return 0;
            }
        }
    }
}
