package io.gridbot.runner.cli;

import io.gridbot.core.level.Level;
import io.gridbot.core.level.LevelState;
import io.gridbot.core.log.LogEntry;
import io.gridbot.core.log.LogType;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.log.LogQuery;
import io.gridbot.persistence.runtime.GridRuntimeRepository;
import io.gridbot.runner.store.StatisticsSource;
import io.gridbot.runner.store.OpenMode;
import io.gridbot.runner.store.StoreOptions;
import io.gridbot.stats.metrics.GridStatistics;
import io.gridbot.stats.metrics.Period;
import io.gridbot.stats.metrics.StatisticsCalculator;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code grid status --config NAME}: state, position, working orders, PnL and the latest errors. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show a grid's state, position, orders and latest errors.")
public final class StatusCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, description = "the grid's name")
    String name;

    @Mixin
    StoreOptions store;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private static String money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = store.open(OpenMode.EXISTING)) {
            var grid = StoreOptions.grid(db, name, spec.commandLine().getErr());
            if (grid.isEmpty()) {
                return 1;
            }
            long id = grid.get().id();
            List<Level> levels = db.levels().levels(id);
            BigDecimal position = levels.stream().map(Level::signedPosition).reduce(BigDecimal.ZERO, BigDecimal::add);
            long entries = levels.stream().filter(l -> l.state() == LevelState.ENTRY_WORKING).count();
            long exits = levels.stream().filter(l -> l.state() == LevelState.EXIT_WORKING).count();
            out.println(ConfigCommand.describe(grid.get().config()));
            out.printf("  state %s; position %s; working orders: %d entries, %d exits%n", db.runtime().status(id),
                    position.toPlainString(), entries, exits);
            long now = System.currentTimeMillis();
            // The hosting daemon's market price, written every 5 s; without one, the last fill's price.
            Optional<GridRuntimeRepository.Mark> mark = db.runtime().mark(id);
            GridStatistics pnl = StatisticsCalculator.compute(StatisticsSource.read(db, grid.get(), now, BigDecimal.ZERO,
                    StatisticsSource.marketPrice(db, id)), Period.ALL, now);
            String valuedAt = mark.map(m -> "at the market " + m.price().stripTrailingZeros().toPlainString() + " ("
                    + Math.max(0, (now - m.atMs()) / 1000) + " s ago)").orElse("at the last fill's price");
            out.printf("  PnL: realized %s, fees %s, unrealized %s %s, total %s USDT%n", money(pnl.realizedPnl()),
                    money(pnl.fees()), money(pnl.unrealizedPnl()), valuedAt, money(pnl.totalPnl()));
            List<LogEntry> errors = db.tradeLog().query(new LogQuery(id, 0, Long.MAX_VALUE,
                    Set.of(LogType.ERROR, LogType.WARN), null, 0, 5)).entries();
            out.println(errors.isEmpty() ? "  no warnings or errors" : "  latest warnings and errors:");
            errors.forEach(e -> out.printf("    %s %-5s %s%n", Instant.ofEpochMilli(e.atMs()), e.type(),
                    e.detail().lines().findFirst().orElse("")));
            return 0;
        }
    }
}
