package io.gridbot.core.log;

import java.util.Objects;

/**
 * One event-log entry: time, type, detail, and optionally the order and level it concerns.
 *
 * @param atMs          when it happened, epoch milliseconds
 * @param type          info, warn, error, order or fill
 * @param detail        what happened, in words
 * @param clientOrderId the order it concerns, or {@code null}
 * @param levelIndex    the level index (relative to the centre line) it concerns, or {@code null}
 */
public record LogEntry(long atMs, LogType type, String detail, String clientOrderId, Integer levelIndex) {

    public LogEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detail, "detail");
    }
}
