package io.gridbot.runner.cli;

import io.gridbot.core.log.LogEntry;
import io.gridbot.core.log.LogType;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.log.LogQuery;
import io.gridbot.persistence.log.TradeLogRepository;
import io.gridbot.runner.store.OpenMode;
import io.gridbot.runner.store.StoreOptions;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code grid logs --config NAME}: the trade log by time range, type and keyword. */
@Command(name = "logs", mixinStandardHelpOptions = true, description = "Show a grid's trade log, newest first.")
public final class LogsCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, description = "the grid's name")
    String name;

    @Option(names = "--from", description = "earliest time, ISO-8601 (e.g. 2026-11-24T00:00:00Z)")
    String from;

    @Option(names = "--to", description = "latest time, ISO-8601")
    String to;

    @Option(names = "--type", split = ",", description = "types: ${COMPLETION-CANDIDATES} (comma-separated)")
    List<LogType> types;

    @Option(names = "--keyword", description = "text the entry must contain")
    String keyword;

    @Option(names = "--page", defaultValue = "0", description = "page, from 0 (default ${DEFAULT-VALUE})")
    int page;

    @Option(names = "--size", defaultValue = "50", description = "entries per page, 1 to 1000 (default ${DEFAULT-VALUE})")
    int size;

    @Mixin
    StoreOptions store;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long fromMs;
        long toMs;
        try {
            fromMs = from == null ? 0 : Instant.parse(from).toEpochMilli();
            toMs = to == null ? Long.MAX_VALUE : Instant.parse(to).toEpochMilli();
        } catch (DateTimeParseException e) {
            err.println("--from and --to take ISO-8601 times such as 2026-11-24T00:00:00Z: " + e.getParsedString());
            return 2;
        }
        if (size < 1 || size > 1_000 || page < 0) {
            err.println("--size must be 1 to 1000 and --page at least 0");
            return 2;
        }
        try (Database db = store.open(OpenMode.EXISTING)) {
            var grid = StoreOptions.grid(db, name, err);
            if (grid.isEmpty()) {
                return 1;
            }
            Set<LogType> wanted = types == null ? Set.of() : EnumSet.copyOf(types);
            TradeLogRepository.Page result = db.tradeLog().query(new LogQuery(grid.get().id(), fromMs, toMs, wanted, keyword,
                    page, size));
            for (LogEntry e : result.entries()) {
                out.printf("%s %-5s %s%s%s%n", Instant.ofEpochMilli(e.atMs()), e.type(),
                        e.levelIndex() == null ? "" : "[level " + e.levelIndex() + "] ", e.detail().lines().findFirst().orElse(""),
                        e.clientOrderId() == null ? "" : "  (" + e.clientOrderId() + ")");
            }
            if (result.entries().isEmpty()) {
                out.println("no entries");
            } else if (result.more()) {
                out.printf("… more on page %d (--page %d)%n", page + 1, page + 1);
            }
            return 0;
        }
    }
}
