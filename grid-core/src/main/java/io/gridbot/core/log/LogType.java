package io.gridbot.core.log;

/** The kinds of event-log entries (AC10.1). */
public enum LogType {
    INFO,
    WARN,
    ERROR,
    ORDER,
    FILL
}
