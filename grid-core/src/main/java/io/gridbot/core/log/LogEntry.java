package io.gridbot.core.log;

import java.util.Objects;

/**
 * One event-log entry: time, type, detail, and optionally the order and grid line it concerns.
 *
 * @param atMs          when it happened, epoch milliseconds
 * @param type          info, warn, error, order or fill
 * @param detail        what happened, in words
 * @param clientOrderId the order it concerns, or {@code null}
 * @param line          the grid line it concerns, numbered from 0 at the lowest line as in tables and client
 *                      order ids, or {@code null}
 */
public record LogEntry(long atMs, LogType type, String detail, String clientOrderId, Integer line) {

    public LogEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detail, "detail");
    }
}
