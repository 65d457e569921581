package io.gridbot.runner.cli;

import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.runner.link.GridSource;
import io.gridbot.runner.store.ControlRequests;
import io.gridbot.runner.store.StoreOptions;
import io.gridbot.runner.web.grid.ControlOutcome;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code grid start | pause | resume | stop --config NAME}: hands the request to a running daemon's API when one
 * answers, else leaves it in the database for the daemon running the grid, and waits for its outcome, so the user knows it took effect: a start until the grid runs or has
 * ended. Exit code 0 when the request was carried out, 1 when nothing was done (refused, failed, already in
 * that state, or no daemon took it before it expired).
 */
public abstract class ControlCommands implements Callable<Integer> {

    @Option(names = "--config", required = true, description = "the grid's name")
    String name;

    @Option(names = "--wait-ms", defaultValue = "5000",
            description = "how long a daemon has to take the request before it expires (default ${DEFAULT-VALUE})")
    long waitMs;

    @Option(names = "--run-wait-ms", defaultValue = "30000",
            description = "start: how long to wait for the grid to run or end (default ${DEFAULT-VALUE})")
    long runWaitMs;

    @Mixin
    StoreOptions store;

    @Mixin
    LinkOptions link;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    abstract Control action();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (waitMs <= 0 || runWaitMs <= 0) {
            err.println("--wait-ms and --run-wait-ms must be above 0");
            return 2;
        }
        try (GridSource grids = link.open(store)) {
            Optional<ControlOutcome> reply = grids.control(name, action(), waitMs, runWaitMs);
            if (reply.isEmpty()) {
                err.println(GridText.noSuchGrid(name));
                return 1;
            }
            ControlOutcome o = reply.get();
            switch (o.result()) {
                case ControlOutcome.DONE -> out.println(name + ": " + o.outcome());
                case ControlOutcome.UNANSWERED ->
                        err.println(name + ": " + o.error() + " (is 'grid daemon' running on this database?)");
                case ControlOutcome.UNSETTLED -> err.println(name + ": " + o.outcome() + "; the grid is not running yet"
                        + " after " + ControlRequests.seconds(o.waitedMs()) + " s ('grid status' shows where it is)");
                default -> err.println(name + ": " + o.error());
            }
            return o.done() ? 0 : 1;
        }
    }

    @CommandLine.Command(name = "start", mixinStandardHelpOptions = true, description = "Start a stored grid.")
    public static final class Start extends ControlCommands {
        @Override
        Control action() {
            return Control.START;
        }
    }

    @CommandLine.Command(name = "pause", mixinStandardHelpOptions = true,
            description = "Pause a grid: orders and position kept, nothing new placed.")
    public static final class Pause extends ControlCommands {
        @Override
        Control action() {
            return Control.PAUSE;
        }
    }

    @CommandLine.Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Resume a paused grid without re-initialising it.")
    public static final class Resume extends ControlCommands {
        @Override
        Control action() {
            return Control.RESUME;
        }
    }

    @CommandLine.Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop a grid: cancel every order and close the position.")
    public static final class Stop extends ControlCommands {
        @Override
        Control action() {
            return Control.STOP;
        }
    }
}
