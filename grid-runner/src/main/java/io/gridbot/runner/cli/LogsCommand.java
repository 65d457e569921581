package io.gridbot.runner.cli;

import io.gridbot.core.log.LogType;
import io.gridbot.runner.link.GridSource;
import io.gridbot.runner.store.StoreOptions;
import io.gridbot.runner.web.grid.LogFilter;
import io.gridbot.runner.web.grid.LogPage;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
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

    @Option(names = {"--since", "--from"}, paramLabel = "TIME", converter = TimeArgument.Converter.class,
            description = "earliest time: a date (2023-09-01, from the start of that day in UTC), a UTC time"
                    + " (2023-09-01T12:00) or an instant (2023-09-01T12:00:00Z)")
    TimeArgument since;

    @Option(names = {"--until", "--to"}, paramLabel = "TIME", converter = TimeArgument.Converter.class,
            description = "latest time, in the same forms; a date takes in that whole day")
    TimeArgument until;

    @Option(names = "--type", split = ",", description = "types: ${COMPLETION-CANDIDATES} (comma-separated, any case)")
    List<LogType> types;

    @Option(names = "--keyword", description = "text the entry must contain")
    String keyword;

    @Option(names = "--page", defaultValue = "0", description = "page, from 0 (default ${DEFAULT-VALUE})")
    int page;

    @Option(names = "--size", defaultValue = "50", description = "entries per page, 1 to 1000 (default ${DEFAULT-VALUE})")
    int size;

    @Mixin
    StoreOptions store;

    @Mixin
    LinkOptions link;

    @Mixin
    OutputOptions output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (size < 1 || size > LogFilter.MAX_SIZE || page < 0) {
            err.println("--size must be 1 to " + LogFilter.MAX_SIZE + " and --page at least 0");
            return 2;
        }
        long fromMs = since == null ? 0 : since.firstMs();
        long toMs = until == null ? Long.MAX_VALUE : until.lastMs();
        Set<LogType> wanted = types == null ? Set.of() : EnumSet.copyOf(types);
        try (GridSource grids = link.open(store)) {
            Optional<LogPage> result = grids.logs(name, new LogFilter(fromMs, toMs, wanted, keyword, page, size));
            if (result.isEmpty()) {
                err.println(GridText.noSuchGrid(name));
                return 1;
            }
            if (output.text()) {
                GridText.logs(out, result.get(), page);
            } else {
                output.print(out, result.get());
            }
            return 0;
        }
    }
}
