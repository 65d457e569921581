package io.gridbot.persistence.writebehind;

import io.gridbot.core.level.Level;
import io.gridbot.core.log.LogEntry;
import io.gridbot.core.order.Fill;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What waits to be written behind, and what may be dropped: log entries up to {@link WriteBehind#BURST_CAPACITY}
 * while the database keeps up and {@link WriteBehind#LOG_CAPACITY} while it is down (the oldest go); fills and
 * other writes never; each level's latest state only. Its monitor is the one the writer waits on: every
 * entry handed over wakes it.
 */
final class WriteQueue {

    private static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(WriteBehind.class);

    /** One queued item and its grid. */
    record Pending<T>(long configId, T item) {
    }

    private final ArrayDeque<Pending<LogEntry>> logs = new ArrayDeque<>();
    private final ArrayDeque<Pending<Fill>> fills = new ArrayDeque<>();
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private final Map<Long, Map<Integer, Level>> levels = new LinkedHashMap<>();
    private long droppedLogs;
    private boolean down;

    synchronized void log(long configId, LogEntry entry) {
        int capacity = down ? WriteBehind.LOG_CAPACITY : WriteBehind.BURST_CAPACITY;
        if (logs.size() >= capacity) {
            logs.removeFirst();
            droppedLogs++;
            if (droppedLogs == 1 || droppedLogs % 1_000 == 0) {
                LOG.warn("trade log buffer full ({} entries{}): dropping the oldest, {} dropped so far", capacity,
                        down ? ", the database is unreachable" : ", the database cannot keep up", droppedLogs);
            }
        }
        logs.addLast(new Pending<>(configId, entry));
        notifyAll();
    }

    synchronized void fill(long configId, Fill fill) {
        fills.addLast(new Pending<>(configId, fill));
        notifyAll();
    }

    synchronized void task(Runnable write) {
        tasks.addLast(write);
        notifyAll();
    }

    synchronized void level(long configId, Level level) {
        levels.computeIfAbsent(configId, k -> new LinkedHashMap<>()).put(level.line(), level);
        notifyAll();
    }

    synchronized long droppedLogs() {
        return droppedLogs;
    }

    synchronized int backlog() {
        return logs.size() + fills.size() + tasks.size() + levels.values().stream().mapToInt(Map::size).sum();
    }

    synchronized boolean empty() {
        return logs.isEmpty() && fills.isEmpty() && levels.isEmpty() && tasks.isEmpty();
    }

    /**
     * Whether the database is down: while it is, only the newest {@link WriteBehind#LOG_CAPACITY} log
     * entries wait (the older ones are dropped now).
     */
    synchronized void down(boolean isDown) {
        down = isDown;
        while (down && logs.size() > WriteBehind.LOG_CAPACITY) {
            logs.removeFirst(); // down: only the newest 1,000 wait
            droppedLogs++;
        }
    }

    synchronized Runnable nextTask() {
        return tasks.peekFirst();
    }

    synchronized void taskDone() {
        tasks.pollFirst();
    }

    /** Every level state queued, taken out of the queue; empty if none. */
    synchronized Map<Long, Map<Integer, Level>> takeLevels() {
        Map<Long, Map<Integer, Level>> batch = new LinkedHashMap<>(levels);
        levels.clear();
        return batch;
    }

    /** Puts back level states that failed to be written: newer states that arrived meanwhile win. */
    synchronized void putBackLevels(Map<Long, Map<Integer, Level>> batch) {
        batch.forEach((id, byLine) -> {
            Map<Integer, Level> queued = levels.computeIfAbsent(id, k -> new LinkedHashMap<>());
            byLine.forEach(queued::putIfAbsent);
        });
    }

    synchronized boolean hasLevels() {
        return !levels.isEmpty();
    }

    synchronized List<Pending<Fill>> takeFills() {
        return take(fills);
    }

    synchronized List<Pending<LogEntry>> takeLogs() {
        return take(logs);
    }

    private static <T> List<Pending<T>> take(ArrayDeque<Pending<T>> queue) {
        List<Pending<T>> batch = new ArrayList<>(Math.min(queue.size(), BATCH));
        while (!queue.isEmpty() && batch.size() < BATCH) {
            batch.add(queue.pollFirst());
        }
        return batch;
    }

    /**
     * Puts back a batch that failed to be written, in front; of its log entries, only as many as the outage's
     * capacity leaves room for (the oldest go).
     */
    synchronized void putBack(List<Pending<Fill>> fillBatch, List<Pending<LogEntry>> logBatch) {
        for (int i = fillBatch.size() - 1; i >= 0; i--) {
            fills.addFirst(fillBatch.get(i));
        }
        for (int i = logBatch.size() - 1; i >= 0; i--) {
            if (logs.size() >= WriteBehind.LOG_CAPACITY) { // putting back means the database just failed
                droppedLogs++; // the oldest are the ones that go
                continue;
            }
            logs.addFirst(logBatch.get(i));
        }
    }

    /** Waits up to {@code ms} for an entry, unless one waits already. */
    synchronized void awaitEntry(long ms, java.util.function.BooleanSupplier running) throws InterruptedException {
        if (running.getAsBoolean() && empty()) {
            wait(ms); // a new entry wakes the writer at once
        }
    }

    /** Wakes the writer whatever it waits for. */
    synchronized void wake() {
        notifyAll();
    }

    /** Waits {@code ms} at most; an entry or {@link #wake()} ends it sooner (a caller that must wait on waits again). */
    synchronized void pause(long ms) throws InterruptedException {
        wait(Math.max(1, ms));
    }
}
