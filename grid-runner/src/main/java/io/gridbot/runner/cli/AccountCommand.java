package io.gridbot.runner.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code grid account …}: a venue account's own settings, read or changed only when a person asks. Its one
 * subcommand is {@link PositionModeCommand}.
 */
@Command(name = "account", mixinStandardHelpOptions = true,
        description = "Read or change a venue account's settings (its position mode).",
        subcommands = PositionModeCommand.class)
public final class AccountCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
