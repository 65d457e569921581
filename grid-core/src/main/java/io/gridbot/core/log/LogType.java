package io.gridbot.core.log;

/** The kinds of event-log entries. */
public enum LogType {
    INFO,
    WARN,
    ERROR,
    ORDER,
    FILL
}
