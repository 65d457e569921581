package io.gridbot.runner.web.grid;

import io.gridbot.core.log.LogEntry;
import io.gridbot.core.log.LogType;
import java.util.Optional;

/**
 * An alert the dashboard shows as a banner: a stop-loss, safe mode, a lack of balance or an error, read from the
 * trade log so that grids hosted by another daemon raise them too. Every alert the engine raises is logged beside
 * it, and this is the one place that tells which log entries those are.
 *
 * @param id      stable for one event across reads: what the browser remembers a dismissal by
 * @param grid    the grid's name
 * @param kind    {@code STOP_LOSS}, {@code SAFE_MODE}, {@code BALANCE} or {@code ERROR}
 * @param message what happened, for a person
 * @param atMs    when, epoch milliseconds
 */
public record DashboardAlert(String id, String grid, String kind, String message, long atMs) {

    /** What marks a status change in the log: {@code status FROM -> TO: reason}. */
    private static final String STATUS = "status ";

    /** The alert this log entry stands for, if it stands for one. */
    public static Optional<DashboardAlert> of(String grid, LogEntry e) {
        String detail = e.detail();
        String firstLine = detail.lines().findFirst().orElse("");
        String kind = null;
        String message = firstLine;
        if (e.type() == LogType.INFO && detail.startsWith(STATUS) && detail.contains("-> STOP_LOSS")) {
            kind = "STOP_LOSS";
            message = "stop-loss triggered: " + reason(firstLine) + "; the position is being closed";
        } else if (e.type() == LogType.INFO && detail.startsWith(STATUS) && detail.contains("-> SAFE_MODE")) {
            kind = "SAFE_MODE";
            message = "safe mode: " + reason(firstLine) + "; orders cancelled, nothing new until you act";
        } else if (e.type() == LogType.WARN && detail.startsWith("insufficient balance")) {
            kind = "BALANCE";
        } else if (e.type() == LogType.ERROR && !detail.contains("safe mode")) {
            // The error that puts a grid in safe mode has its own banner, from the status change.
            kind = "ERROR";
        }
        if (kind == null) {
            return Optional.empty();
        }
        String id = grid + ":" + e.atMs() + ":" + kind + ":" + Integer.toHexString(detail.hashCode());
        return Optional.of(new DashboardAlert(id, grid, kind, message, e.atMs()));
    }

    private static String reason(String statusLine) {
        int colon = statusLine.indexOf(": ");
        return colon < 0 ? statusLine : statusLine.substring(colon + 2);
    }
}
