package io.gridbot.runner.logging;

/** How a log line is written: for people to read, or one JSON object a line for a log shipper. */
public enum LogFormat {
    /** Time, level, logger and message on one line. */
    TEXT,
    /** Logback's JSON encoder: one JSON object a line (level, logger, message, time, thread, MDC, throwable). */
    JSON
}
