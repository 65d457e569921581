package io.gridbot.runner.logging;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The options about the log that every command takes, before or after its name: {@code -q}, {@code -v} and
 * {@code --log-format} (default {@code $GRIDBOT_LOG_FORMAT}, else text).
 */
public final class LogOptions {

    /** The environment variable that chooses the log format when {@code --log-format} is not given. */
    public static final String FORMAT_ENV = "GRIDBOT_LOG_FORMAT";

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "log warnings and errors only")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "log gridbot's debug lines too")
    boolean verbose;

    @Option(names = "--log-format", scope = ScopeType.INHERIT, paramLabel = "text|json",
            description = "log lines as text or JSON, one object a line (default: $GRIDBOT_LOG_FORMAT or text)")
    String format;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** These options, read with the environment, for a run that logs to {@code file} too if present. */
    public LogSettings settings(Map<String, String> env, Optional<Path> file) {
        if (quiet && verbose) {
            throw new ParameterException(spec.commandLine(), "choose -q or -v, not both");
        }
        Verbosity verbosity = quiet ? Verbosity.QUIET : verbose ? Verbosity.VERBOSE : Verbosity.NORMAL;
        String chosen = format != null ? format : env.getOrDefault(FORMAT_ENV, "text");
        LogFormat layout = switch (chosen.trim().toLowerCase(Locale.ROOT)) {
            case "text", "" -> LogFormat.TEXT;
            case "json" -> LogFormat.JSON;
            default -> throw new ParameterException(spec.commandLine(),
                    "the log format is text or json, not '" + chosen + "'");
        };
        return new LogSettings(verbosity, layout, file);
    }
}
