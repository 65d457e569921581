package io.gridbot.core.log;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The grid's in-memory event log: a ring buffer keeping the newest entries, 200 by default and at
 * most 1,000. The durable copy is written by the shell from {@code RecordLog} commands.
 */
public final class EventLog {

    private final int capacity;
    private final ArrayDeque<LogEntry> entries;

    public EventLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.entries = new ArrayDeque<>(capacity);
    }

    /** Adds an entry, dropping the oldest when full. */
    public void add(LogEntry entry) {
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }

    /** The entries, oldest first. */
    public List<LogEntry> entries() {
        return new ArrayList<>(entries);
    }

    /** The newest entries of one type, newest last, at most {@code limit}. */
    public List<LogEntry> latest(LogType type, int limit) {
        List<LogEntry> out = new ArrayList<>();
        var it = entries.descendingIterator();
        while (it.hasNext() && out.size() < limit) {
            LogEntry entry = it.next();
            if (type == null || entry.type() == type) {
                out.add(0, entry);
            }
        }
        return out;
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        return entries.size();
    }
}
