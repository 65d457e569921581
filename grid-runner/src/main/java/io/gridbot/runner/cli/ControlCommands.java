package io.gridbot.runner.cli;

import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.persistence.Database;
import io.gridbot.runner.store.ControlRequests;
import io.gridbot.runner.store.OpenMode;
import io.gridbot.runner.store.StoreOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code grid start | pause | resume | stop --config NAME}: leaves the request for the daemon running
 * the grid and waits for its outcome, so the user knows it took effect: a start until the grid runs or has
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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    abstract Control action();

    @Override
    public Integer call() throws Exception {
        try (Database db = store.open(OpenMode.EXISTING)) {
            var grid = StoreOptions.grid(db, name, spec.commandLine().getErr());
            if (grid.isEmpty()) {
                return 1;
            }
            if (waitMs <= 0 || runWaitMs <= 0) {
                spec.commandLine().getErr().println("--wait-ms and --run-wait-ms must be above 0");
                return 2;
            }
            var reply = ControlRequests.send(db, grid.get().id(), action(), System.getProperty("user.name"), waitMs,
                    action() == Control.START ? runWaitMs : waitMs, System::currentTimeMillis);
            return switch (reply) {
                case ControlRequests.Acknowledged ack -> {
                    (ack.refused() ? spec.commandLine().getErr() : spec.commandLine().getOut()).println(name + ": " + ack.outcome());
                    yield ack.refused() ? 1 : 0;
                }
                case ControlRequests.Unanswered u -> {
                    spec.commandLine().getErr().println(name + ": " + u.message() + " (is 'grid daemon' running on this database?)");
                    yield 1;
                }
                case ControlRequests.Unsettled u -> {
                    spec.commandLine().getErr().println(name + ": " + u.outcome() + "; the grid is not running yet after "
                            + ControlRequests.seconds(u.waitedMs()) + " s ('grid status' shows where it is)");
                    yield 1;
                }
            };
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
