package io.gridbot.runner.logging;

/** How much the log says. */
public enum Verbosity {
    /** {@code -q}: warnings and errors only. */
    QUIET,
    /** Information, warnings and errors; third-party libraries only their warnings. */
    NORMAL,
    /** {@code -v}: gridbot's debug lines too. */
    VERBOSE
}
