package io.gridbot.runner;

import io.gridbot.runner.cli.AccountCommand;
import io.gridbot.runner.cli.CompletionCommand;
import io.gridbot.runner.cli.ConfigCommand;
import io.gridbot.runner.cli.ControlCommands;
import io.gridbot.runner.cli.CredentialsCommand;
import io.gridbot.runner.cli.LogsCommand;
import io.gridbot.runner.cli.NotifyCommand;
import io.gridbot.runner.cli.StatsCommand;
import io.gridbot.runner.cli.StatusCommand;
import io.gridbot.runner.cli.TokenCommand;
import io.gridbot.runner.cli.UserCommand;
import io.gridbot.runner.cli.VenuesCommand;
import io.gridbot.runner.daemon.DaemonCommand;
import io.gridbot.runner.demo.DemoCommand;
import io.gridbot.runner.replay.ReplayCommand;
import io.gridbot.runner.replay.SweepCommand;
import io.gridbot.runner.logging.LogOptions;
import io.gridbot.runner.logging.LogOutput;
import io.gridbot.runner.logging.LogSettings;
import io.gridbot.runner.link.DaemonRefused;
import io.gridbot.runner.store.MissingDatabaseException;
import io.gridbot.runner.store.StoreOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

/** The {@code grid} command line: the entry point of the runner jar. */
@Command(name = "grid", mixinStandardHelpOptions = true, version = "gridbot 0.1.0-SNAPSHOT",
        description = "Grid trading for perpetual futures.",
        subcommands = {DemoCommand.class, ReplayCommand.class, SweepCommand.class, ConfigCommand.class, DaemonCommand.class,
            ControlCommands.Start.class, ControlCommands.Pause.class, ControlCommands.Resume.class,
            ControlCommands.Stop.class, StatusCommand.class, LogsCommand.class, StatsCommand.Show.class,
            StatsCommand.Export.class, CredentialsCommand.class, AccountCommand.class, UserCommand.class, TokenCommand.class,
            NotifyCommand.class, VenuesCommand.class, CompletionCommand.class})
public final class GridbotMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    LogOptions logging;

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
        return commandLine().execute(args);
    }

    /**
     * The command line, which points the log where its options say before the command runs. Choices are taken
     * in any case ({@code --type fill}, {@code --period day_7}); a malformed value gets one line naming the option
     * and what it takes, not the whole usage.
     */
    public static CommandLine commandLine() {
        GridbotMain main = new GridbotMain();
        CommandLine cli = new CommandLine(main);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println(e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, failed.getErr());
            return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
        cli.setExecutionStrategy(parsed -> {
            LogOutput.apply(main.logging.settings(System.getenv(), logFile(parsed)));
            return new CommandLine.RunLast().execute(parsed);
        });
        cli.setExecutionExceptionHandler((e, failed, parsed) -> {
            if (e instanceof MissingDatabaseException || e instanceof DaemonRefused) {
                failed.getErr().println(e.getMessage());
                return 1;
            }
            if (e instanceof io.gridbot.exchange.venue.UnusableProviderException broken) {
                failed.getErr().println(broken.getMessage());
                return 2;
            }
            if (e instanceof io.gridbot.runner.web.DashboardOptions.UnusableAddressException unusable) {
                failed.getErr().println(unusable.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }

    /**
     * The rolling file of the command's data directory: the daemon's and the demo's, which create that
     * directory, or any other command's whose directory exists (a mistyped {@code --data-dir} stays uncreated).
     */
    private static Optional<Path> logFile(ParseResult parsed) {
        java.util.List<CommandLine> chain = parsed.asCommandLineList();
        if (chain.stream().anyMatch(c -> c.isUsageHelpRequested() || c.isVersionHelpRequested())) {
            return Optional.empty();
        }
        CommandLine.Model.CommandSpec last = chain.get(chain.size() - 1).getCommandSpec();
        Object command = last.userObject();
        return last.mixins().values().stream()
                .map(CommandLine.Model.CommandSpec::userObject)
                .filter(StoreOptions.class::isInstance)
                .map(store -> ((StoreOptions) store).dataDirectory())
                .filter(dir -> command instanceof DaemonCommand || command instanceof DemoCommand
                        || Files.isDirectory(dir))
                .map(LogSettings::fileUnder)
                .findFirst();
    }
}
