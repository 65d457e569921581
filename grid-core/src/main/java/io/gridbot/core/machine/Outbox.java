package io.gridbot.core.machine;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.log.EventLog;
import io.gridbot.core.log.LogEntry;
import io.gridbot.core.log.LogType;
import java.util.ArrayList;
import java.util.List;

/**
 * What the handling of one event says: the commands in the order they are issued, and the event log they
 * are recorded in. It also carries the event's moment, the only time the parts reason with.
 */
final class Outbox {

    private final EventLog log;
    /** Made at the first command: most events (a tick between lines) issue none. */
    private List<GridCommand> out;
    private long nowMs = Long.MIN_VALUE;

    Outbox(EventLog log) {
        this.log = log;
    }

    /** Starts the turn of one event; time never runs backwards, whatever the events' stamps. */
    void begin(long atMs) {
        out = null;
        nowMs = Math.max(nowMs, atMs);
    }

    long nowMs() {
        return nowMs;
    }

    void add(GridCommand command) {
        if (out == null) {
            out = new ArrayList<>();
        }
        out.add(command);
    }

    List<GridCommand> commands() {
        return out == null ? List.of() : out;
    }

    EventLog log() {
        return log;
    }

    void record(LogType type, String detail, String clientOrderId, Integer line) {
        LogEntry entry = new LogEntry(nowMs, type, detail, clientOrderId, line);
        log.add(entry);
        add(new GridCommand.RecordLog(entry));
    }

    void info(String detail) {
        record(LogType.INFO, detail, null, null);
    }

    void warn(String detail) {
        record(LogType.WARN, detail, null, null);
    }
}
