package io.gridbot.runner.cli;

import io.gridbot.core.log.LogType;
import io.gridbot.runner.link.GridSource;
import io.gridbot.runner.store.StoreOptions;
import io.gridbot.runner.web.grid.GridSnapshot;
import io.gridbot.runner.web.grid.LogFilter;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code grid status [--config NAME]}: every grid on one line each, or one grid's state, position, working
 * orders, PnL and latest errors; from a running daemon when one answers, else from the database.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show every grid's state, position and PnL, or one grid's with its latest errors.")
public final class StatusCommand implements Callable<Integer> {

    /** How many of the latest warnings and errors one grid's status shows. */
    static final int LATEST_PROBLEMS = 5;

    @Option(names = "--config", description = "the grid's name (default: every grid)")
    String name;

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
        try (GridSource grids = link.open(store)) {
            if (name == null) {
                if (output.text()) {
                    GridText.statusList(out, grids.grids());
                } else {
                    output.print(out, grids.grids());
                }
                return 0;
            }
            Optional<GridSnapshot> snapshot = grids.grid(name);
            if (snapshot.isEmpty()) {
                spec.commandLine().getErr().println(GridText.noSuchGrid(name));
                return 1;
            }
            if (!output.text()) {
                output.print(out, snapshot.get());
                return 0;
            }
            var problems = grids.logs(name, new LogFilter(0L, Long.MAX_VALUE, Set.of(LogType.ERROR, LogType.WARN), null,
                    0, LATEST_PROBLEMS));
            var config = grids.config(name);
            if (problems.isEmpty() || config.isEmpty()) { // deleted meanwhile
                spec.commandLine().getErr().println(GridText.noSuchGrid(name));
                return 1;
            }
            GridText.status(out, snapshot.get(), config.get(), problems.get());
            return 0;
        }
    }
}
