package io.gridbot.runner.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;

/**
 * {@code grid completion}: prints the bash completion script of the whole command line, generated from its
 * commands and options by picocli, so it can never disagree with them. {@code source <(grid completion)}
 * loads it into the running bash; zsh loads the same script after {@code autoload -U +X bashcompinit &&
 * bashcompinit}. The app image ships the same script, made at build time, as {@code completion/grid.bash}.
 */
@Command(name = "completion", description = {
    "Print the bash completion script for grid (zsh: run 'autoload -U +X bashcompinit && bashcompinit' first).",
    "Load it into this shell with: source <(grid completion)"})
public final class CompletionCommand extends AutoComplete.GenerateCompletion {
}
