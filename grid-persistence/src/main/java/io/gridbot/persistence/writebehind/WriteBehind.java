package io.gridbot.persistence.writebehind;

import io.gridbot.core.level.Level;
import io.gridbot.core.log.LogEntry;
import io.gridbot.core.order.Fill;
import io.gridbot.persistence.ledger.FillRepository;
import io.gridbot.persistence.level.LevelRepository;
import io.gridbot.persistence.log.TradeLogRepository;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Log and ledger writes that never block the grid (edge case 5, AC10.4, AC12.6). Callers hand entries over
 * and return at once; a writer thread stores them in batches (a healthy writer absorbs bursts of up to
 * 200,000 entries, as a fast replay makes). While the database is down, up to 1,000 log entries wait in memory (the oldest dropped, with a warning, when more come) and the writer retries every
 * 10 s; fills are never dropped (they wait however many there are, and the venue's trade history holds them
 * too). Level snapshots, when a level store is given, are coalesced to each level's latest state. On
 * recovery the backlog is written in batches, oldest first. Whichever write meets the outage first (an order's
 * record, a level, a fill or a log entry), a warning says "database unreachable; N entries wait in memory"
 * at once and again every {@value #WARN_EVERY_MS} ms of the clock while the outage lasts.
 */
public final class WriteBehind implements AutoCloseable {

    /** Log entries kept while the database is down (the spec's number). */
    public static final int LOG_CAPACITY = 1_000;
    /** Log entries a healthy writer may have queued in a burst (a fast replay) before the oldest go. */
    public static final int BURST_CAPACITY = 200_000;
    /** The spec's retry interval. */
    public static final long DEFAULT_RETRY_MS = 10_000;
    /** How often the outage warning repeats while the database stays unreachable. */
    public static final long WARN_EVERY_MS = 60_000;
    private static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(WriteBehind.class);

    private record Pending<T>(long configId, T item) {
    }

    private final TradeLogRepository logs;
    private final FillRepository fills;
    private final LevelRepository levelStore;
    private final Map<Long, Map<Integer, Level>> levels = new LinkedHashMap<>();
    private final long retryMs;
    private final long flushMs;
    private final LongSupplier clock;
    private final ArrayDeque<Pending<LogEntry>> logQueue = new ArrayDeque<>();
    private final ArrayDeque<Pending<Fill>> fillQueue = new ArrayDeque<>();
    private final ArrayDeque<Runnable> taskQueue = new ArrayDeque<>();
    private final Object lock = new Object();
    private long droppedLogs;
    private boolean healthy = true;
    private long outageSinceMs;
    private long warnedAtMs;
    private volatile boolean running;
    private Thread writer;

    /**
     * @param retryMs wait after a failed write before the next try (10 s by the spec)
     * @param flushMs how often a healthy writer stores what has queued
     */
    public WriteBehind(TradeLogRepository logs, FillRepository fills, long retryMs, long flushMs, LongSupplier clock) {
        this(logs, fills, null, retryMs, flushMs, clock);
    }

    /**
     * With a level store, level snapshots are written behind too; only each level's latest state is kept,
     * so a burst of changes costs one write per level.
     */
    public WriteBehind(TradeLogRepository logs, FillRepository fills, LevelRepository levelStore, long retryMs,
            long flushMs, LongSupplier clock) {
        this.logs = logs;
        this.fills = fills;
        this.levelStore = levelStore;
        this.retryMs = retryMs;
        this.flushMs = flushMs;
        this.clock = clock;
    }

    /** Starts the writer thread. */
    public WriteBehind start() {
        running = true;
        writer = Thread.ofPlatform().name("gridbot-write-behind").daemon().start(this::loop);
        return this;
    }

    /** Queues a log entry; never blocks. */
    public void log(long configId, LogEntry entry) {
        synchronized (lock) {
            int capacity = healthy ? BURST_CAPACITY : LOG_CAPACITY;
            if (logQueue.size() >= capacity) {
                logQueue.removeFirst();
                droppedLogs++;
                if (droppedLogs == 1 || droppedLogs % 1_000 == 0) {
                    LOG.warn("trade log buffer full ({} entries{}): dropping the oldest, {} dropped so far", capacity,
                            healthy ? ", the database cannot keep up" : ", the database is unreachable", droppedLogs);
                }
            }
            logQueue.addLast(new Pending<>(configId, entry));
            lock.notifyAll();
        }
    }

    /** Queues a fill; never blocks, never drops. */
    public void fill(long configId, Fill fill) {
        synchronized (lock) {
            fillQueue.addLast(new Pending<>(configId, fill));
            lock.notifyAll();
        }
    }

    /**
     * Queues any other write (an order's record, a statistics snapshot). Tasks run in order on the writer
     * thread and are never dropped; a failed one runs again after the retry wait, so it must be idempotent.
     */
    public void task(Runnable write) {
        synchronized (lock) {
            taskQueue.addLast(write);
            lock.notifyAll();
        }
    }

    /** Queues a level's latest state; an older queued state of the same level is replaced. */
    public void level(long configId, Level level) {
        synchronized (lock) {
            levels.computeIfAbsent(configId, k -> new LinkedHashMap<>()).put(level.line(), level);
            lock.notifyAll();
        }
    }

    /** Log entries dropped because the buffer was full. */
    public long droppedLogs() {
        synchronized (lock) {
            return droppedLogs;
        }
    }

    /** Entries waiting to be written: logs plus fills. */
    public int backlog() {
        synchronized (lock) {
            return logQueue.size() + fillQueue.size() + taskQueue.size()
                    + levels.values().stream().mapToInt(Map::size).sum();
        }
    }

    /** Whether the last write succeeded. */
    public boolean healthy() {
        synchronized (lock) {
            return healthy;
        }
    }

    /** Writes everything queued now, on the calling thread; false if the database refused. */
    public boolean flush() {
        if (!flushLevels() || !flushTasks()) {
            return false;
        }
        while (true) {
            List<Pending<Fill>> fillBatch = take(fillQueue);
            List<Pending<LogEntry>> logBatch = take(logQueue);
            if (fillBatch.isEmpty() && logBatch.isEmpty()) {
                markHealthy(true); // the levels and tasks went through too
                return true;
            }
            try {
                group(fillBatch).forEach(fills::append);
                long now = clock.getAsLong();
                group(logBatch).forEach((id, entries) -> logs.append(id, entries, now));
                markHealthy(true);
            } catch (RuntimeException e) {
                putBack(fillBatch, logBatch);
                failed(e);
                return false;
            }
        }
    }

    private boolean flushTasks() {
        while (true) {
            Runnable next;
            synchronized (lock) {
                next = taskQueue.peekFirst();
            }
            if (next == null) {
                return true;
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                failed(e);
                return false;
            }
            synchronized (lock) {
                taskQueue.pollFirst();
            }
        }
    }

    private boolean flushLevels() {
        Map<Long, Map<Integer, Level>> batch;
        synchronized (lock) {
            if (levels.isEmpty() || levelStore == null) {
                return true;
            }
            batch = new LinkedHashMap<>(levels);
            levels.clear();
        }
        try {
            long now = clock.getAsLong();
            batch.forEach((id, byLine) -> byLine.values().forEach(l -> levelStore.save(id, l, now)));
            return true;
        } catch (RuntimeException e) {
            synchronized (lock) {
                // Newer states that arrived meanwhile win over the ones that failed.
                batch.forEach((id, byLine) -> {
                    Map<Integer, Level> queued = levels.computeIfAbsent(id, k -> new LinkedHashMap<>());
                    byLine.forEach(queued::putIfAbsent);
                });
            }
            failed(e);
            return false;
        }
    }

    private <T> List<Pending<T>> take(ArrayDeque<Pending<T>> queue) {
        synchronized (lock) {
            List<Pending<T>> batch = new ArrayList<>(Math.min(queue.size(), BATCH));
            while (!queue.isEmpty() && batch.size() < BATCH) {
                batch.add(queue.pollFirst());
            }
            return batch;
        }
    }

    private void putBack(List<Pending<Fill>> fillBatch, List<Pending<LogEntry>> logBatch) {
        synchronized (lock) {
            for (int i = fillBatch.size() - 1; i >= 0; i--) {
                fillQueue.addFirst(fillBatch.get(i));
            }
            for (int i = logBatch.size() - 1; i >= 0; i--) {
                if (logQueue.size() >= LOG_CAPACITY) { // putting back means the database just failed
                    droppedLogs++; // the oldest are the ones that go
                    continue;
                }
                logQueue.addFirst(logBatch.get(i));
            }
        }
    }

    /** A write failed (what failed is back in its queue): the outage begins, or goes on. */
    private void failed(RuntimeException e) {
        long now = clock.getAsLong();
        boolean warn;
        synchronized (lock) {
            if (healthy) {
                outageSinceMs = now;
            }
            warn = healthy || now - warnedAtMs >= WARN_EVERY_MS;
            if (warn) {
                warnedAtMs = now;
            }
            markHealthy(false);
        }
        if (warn) {
            LOG.warn("database unreachable; {} entries wait in memory, retrying every {} ms: {}", backlog(), retryMs,
                    e.toString());
        }
    }

    private void markHealthy(boolean ok) {
        synchronized (lock) {
            boolean recovered = !healthy && ok;
            healthy = ok;
            while (!ok && logQueue.size() > LOG_CAPACITY) {
                logQueue.removeFirst(); // down: only the newest 1,000 wait
                droppedLogs++;
            }
            if (recovered) {
                LOG.info("database reachable again after {} ms; backlog written", clock.getAsLong() - outageSinceMs);
            }
        }
    }

    private static <T> Map<Long, List<T>> group(List<Pending<T>> batch) {
        Map<Long, List<T>> out = new LinkedHashMap<>();
        for (Pending<T> p : batch) {
            out.computeIfAbsent(p.configId(), k -> new ArrayList<>()).add(p.item());
        }
        return out;
    }

    private void loop() {
        while (running) {
            boolean ok = flush();
            synchronized (lock) {
                try {
                    if (ok) {
                        if (running && logQueue.isEmpty() && fillQueue.isEmpty() && levels.isEmpty() && taskQueue.isEmpty()) {
                            lock.wait(flushMs); // a new entry wakes the writer at once
                        }
                    } else {
                        // Down: new entries do not hurry the retry; it comes every retryMs.
                        long until = System.nanoTime() + retryMs * 1_000_000L;
                        long left;
                        while (running && (left = until - System.nanoTime()) > 0) {
                            lock.wait(Math.max(1, left / 1_000_000L));
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Stops the writer after one last attempt to write the backlog. */
    @Override
    public void close() {
        running = false;
        synchronized (lock) {
            lock.notifyAll();
        }
        if (writer != null) {
            try {
                writer.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush();
    }
}
