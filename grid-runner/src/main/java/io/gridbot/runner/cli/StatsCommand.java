package io.gridbot.runner.cli;

import io.gridbot.persistence.Database;
import io.gridbot.runner.store.StatisticsSource;
import io.gridbot.runner.store.OpenMode;
import io.gridbot.runner.store.StoreOptions;
import io.gridbot.stats.export.CsvExport;
import io.gridbot.stats.metrics.GridStatistics;
import io.gridbot.stats.metrics.Period;
import io.gridbot.stats.metrics.StatisticsCalculator;
import io.gridbot.stats.metrics.StatisticsInput;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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

        @Mixin
        StoreOptions store;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
    }

    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Show a grid's statistics for a period.")
    public static final class Show extends Base {
        @Option(names = "--period", defaultValue = "ALL", description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
        Period period;

        @Override
        public Integer call() {
            try (Database db = store.open(OpenMode.EXISTING)) {
                var grid = StoreOptions.grid(db, name, spec.commandLine().getErr());
                if (grid.isEmpty()) {
                    return 1;
                }
                long now = System.currentTimeMillis();
                GridStatistics s = StatisticsCalculator.compute(StatisticsSource.read(db, grid.get(), now, capital,
                        StatisticsSource.marketPrice(db, grid.get().id())), period, now);
                PrintWriter out = spec.commandLine().getOut();
                out.printf("%s, %s%n", name, period);
                out.printf("  trades %d (%d entries, %d exits), cancels %d, fill rate %s, average time to fill %s%n",
                        s.totalTrades(), s.filledEntries(), s.filledExits(), s.canceledOrders(), plain(s.fillRate()),
                        s.avgTimeToFillMs() == null ? "-" : (s.avgTimeToFillMs() / 1000) + " s");
                out.printf("  realized %s, fees %s, funding %s, unrealized %s, total %s USDT%n", money(s.realizedPnl()),
                        money(s.fees()), money(s.funding()), money(s.unrealizedPnl()), money(s.totalPnl()));
                out.printf("  yield %s %%/day, max drawdown %s (%s %%), positions: max %s, average %s, now %s, stop-losses %d%n",
                        plain(s.yieldPctPerDay()), money(s.maxDrawdown()), plain(s.maxDrawdownPct()),
                        s.maxPosition().toPlainString(), s.avgPosition().setScale(6, RoundingMode.HALF_EVEN).toPlainString(),
                        s.currentPosition().toPlainString(), s.stopLossCount());
                s.positionPerLevel().forEach((level, qty) -> {
                    if (qty.signum() != 0) {
                        out.printf("  level %4d  %s%n", level, qty.toPlainString());
                    }
                });
                return 0;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a grid's fills, orders and statistics (every period) as CSV files.")
    public static final class Export extends Base {
        @Option(names = "--out", required = true, description = "directory for fills.csv, orders.csv, statistics.csv")
        Path out;

        @Override
        public Integer call() throws Exception {
            try (Database db = store.open(OpenMode.EXISTING)) {
                var grid = StoreOptions.grid(db, name, spec.commandLine().getErr());
                if (grid.isEmpty()) {
                    return 1;
                }
                long now = System.currentTimeMillis();
                StatisticsInput input = StatisticsSource.read(db, grid.get(), now, capital,
                        StatisticsSource.marketPrice(db, grid.get().id()));
                List<GridStatistics> report = Arrays.stream(Period.values())
                        .map(p -> StatisticsCalculator.compute(input, p, now)).toList();
                Files.createDirectories(out);
                try (Writer w = Files.newBufferedWriter(out.resolve(name + "-fills.csv"))) {
                    CsvExport.writeFills(w, input.fills());
                }
                try (Writer w = Files.newBufferedWriter(out.resolve(name + "-orders.csv"))) {
                    CsvExport.writeOrders(w, input.orders());
                }
                try (Writer w = Files.newBufferedWriter(out.resolve(name + "-statistics.csv"))) {
                    CsvExport.writeStatistics(w, report);
                }
                spec.commandLine().getOut().printf("wrote %d fills, %d orders and %d statistics rows to %s%n",
                        input.fills().size(), input.orders().size(), report.size(), out);
                return 0;
            }
        }
    }

    private static String money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String plain(BigDecimal v) {
        return v == null ? "-" : v.stripTrailingZeros().toPlainString();
    }
}
