package io.gridbot.runner;

import io.gridbot.runner.cli.ConfigCommand;
import io.gridbot.runner.cli.ControlCommands;
import io.gridbot.runner.cli.CredentialsCommand;
import io.gridbot.runner.cli.LogsCommand;
import io.gridbot.runner.cli.StatsCommand;
import io.gridbot.runner.cli.StatusCommand;
import io.gridbot.runner.cli.UserCommand;
import io.gridbot.runner.daemon.DaemonCommand;
import io.gridbot.runner.demo.DemoCommand;
import io.gridbot.runner.replay.ReplayCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code grid} command line: the entry point of the runner jar. */
@Command(name = "grid", mixinStandardHelpOptions = true, version = "gridbot 0.1.0-SNAPSHOT",
        description = "Grid trading for perpetual futures.",
        subcommands = {DemoCommand.class, ReplayCommand.class, ConfigCommand.class, DaemonCommand.class,
            ControlCommands.Start.class, ControlCommands.Pause.class, ControlCommands.Resume.class,
            ControlCommands.Stop.class, StatusCommand.class, LogsCommand.class, StatsCommand.Show.class,
            StatsCommand.Export.class, CredentialsCommand.class, UserCommand.class})
public final class GridbotMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and exits with its code (at once, too, if the launcher that started it ends). */
    public static void main(String[] args) {
        io.gridbot.runner.lifecycle.ParentWatch.install();
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code: 0 done, 1 failed, 2 bad usage. */
    public static int run(String... args) {
        return new CommandLine(new GridbotMain()).execute(args);
    }
}
