package io.gridbot.runner.logging;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where and how one run of the command line logs: always to standard error, and to a rolling file when
 * {@code file} is present.
 */
public record LogSettings(Verbosity verbosity, LogFormat format, Optional<Path> file) {

    /** The log file under a data directory: {@code <data-dir>/logs/gridbot.log}. */
    public static Path fileUnder(Path dataDirectory) {
        return dataDirectory.resolve("logs").resolve("gridbot.log");
    }
}
