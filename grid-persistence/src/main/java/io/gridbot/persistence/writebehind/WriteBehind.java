package io.gridbot.persistence.writebehind;

import io.gridbot.core.level.Level;
import io.gridbot.core.log.LogEntry;
import io.gridbot.core.order.Fill;
import io.gridbot.persistence.ledger.FillRepository;
import io.gridbot.persistence.level.LevelRepository;
import io.gridbot.persistence.log.TradeLogRepository;
import io.gridbot.persistence.writebehind.WriteQueue.Pending;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Log and ledger writes that never block the grid. Callers hand entries over
 * and return at once; a writer thread stores them in batches (a healthy writer absorbs bursts of up to
 * 200,000 entries, as a fast replay makes). While the database is down, up to 1,000 log entries wait in memory (the oldest dropped, with a warning, when more come) and the writer retries every
 * 10 s; fills are never dropped (they wait however many there are, and the venue's trade history holds them
 * too). Level snapshots, when a level store is given, are coalesced to each level's latest state. On
 * recovery the backlog is written in batches, oldest first. Whichever write meets the outage first (an order's
 * record, a level, a fill or a log entry), a warning says "database unreachable; N entries wait in memory"
 * at once and again every {@value #WARN_EVERY_MS} ms of the clock while the outage lasts.
 *
 * <p>The writer's rounds are {@link #doWork(long)} at a time given to them, which says when the next is due;
 * {@link #start()} runs them on a thread of its own at the machine's monotonic time.
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

    private final TradeLogRepository logs;
    private final FillRepository fills;
    private final LevelRepository levelStore;
    private final long retryMs;
    private final long flushMs;
    private final LongSupplier clock;
    private final WriteQueue queue = new WriteQueue();
    private final OutageWatch outage;
    private long retryAtMs = Long.MIN_VALUE;
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
        this.outage = new OutageWatch(queue, clock, retryMs);
    }

    /** Starts the writer thread. */
    public WriteBehind start() {
        running = true;
        writer = Thread.ofPlatform().name("gridbot-write-behind").daemon().start(this::loop);
        return this;
    }

    /** Queues a log entry; never blocks. */
    public void log(long configId, LogEntry entry) {
        queue.log(configId, entry);
    }

    /** Queues a fill; never blocks, never drops. */
    public void fill(long configId, Fill fill) {
        queue.fill(configId, fill);
    }

    /**
     * Queues any other write (an order's record, a statistics snapshot). Tasks run in order on the writer
     * thread and are never dropped; a failed one runs again after the retry wait, so it must be idempotent.
     */
    public void task(Runnable write) {
        queue.task(write);
    }

    /** Queues a level's latest state; an older queued state of the same level is replaced. */
    public void level(long configId, Level level) {
        queue.level(configId, level);
    }

    /** Log entries dropped because the buffer was full. */
    public long droppedLogs() {
        return queue.droppedLogs();
    }

    /** Entries waiting to be written: logs plus fills. */
    public int backlog() {
        return queue.backlog();
    }

    /** Whether the last write succeeded. */
    public boolean healthy() {
        return outage.healthy();
    }

    /**
     * When the outage under way began, on the clock this write-behind was given (its first failed write), or
     * -1 while the last write succeeded.
     */
    public long outageSinceMs() {
        return outage.outageSinceMs();
    }

    /**
     * One writer round at {@code nowMs} (a monotonic time, in ms): writes everything queued unless the last
     * attempt failed less than the retry wait ago. Returns when the next round is due: {@code nowMs} after a
     * write went through (the writer then waits for the next entry, at most the flush interval), the retry time
     * after a failure (new entries do not hurry it).
     */
    public long doWork(long nowMs) {
        if (nowMs < retryAtMs) {
            return retryAtMs;
        }
        if (flush()) {
            retryAtMs = Long.MIN_VALUE;
            return nowMs;
        }
        retryAtMs = nowMs + retryMs;
        return retryAtMs;
    }

    /** Writes everything queued now, on the calling thread; false if the database refused. */
    public boolean flush() {
        if (!flushLevels() || !flushTasks()) {
            return false;
        }
        while (true) {
            List<Pending<Fill>> fillBatch = queue.takeFills();
            List<Pending<LogEntry>> logBatch = queue.takeLogs();
            if (fillBatch.isEmpty() && logBatch.isEmpty()) {
                outage.succeeded(); // the levels and tasks went through too
                return true;
            }
            try {
                group(fillBatch).forEach(fills::append);
                long now = clock.getAsLong();
                group(logBatch).forEach((id, entries) -> logs.append(id, entries, now));
                outage.succeeded();
            } catch (RuntimeException e) {
                queue.putBack(fillBatch, logBatch);
                outage.failed(e);
                return false;
            }
        }
    }

    private boolean flushTasks() {
        for (Runnable next = queue.nextTask(); next != null; next = queue.nextTask()) {
            try {
                next.run();
            } catch (RuntimeException e) {
                outage.failed(e);
                return false;
            }
            queue.taskDone();
        }
        return true;
    }

    private boolean flushLevels() {
        if (levelStore == null || !queue.hasLevels()) {
            return true;
        }
        Map<Long, Map<Integer, Level>> batch = queue.takeLevels();
        try {
            long now = clock.getAsLong();
            batch.forEach((id, byLine) -> byLine.values().forEach(l -> levelStore.save(id, l, now)));
            return true;
        } catch (RuntimeException e) {
            queue.putBackLevels(batch); // newer states that arrived meanwhile win over the ones that failed
            outage.failed(e);
            return false;
        }
    }

    private static <T> Map<Long, List<T>> group(List<Pending<T>> batch) {
        Map<Long, List<T>> out = new LinkedHashMap<>();
        for (Pending<T> p : batch) {
            out.computeIfAbsent(p.configId(), k -> new ArrayList<>()).add(p.item());
        }
        return out;
    }

    private static long monotonicMs() {
        return System.nanoTime() / 1_000_000L;
    }

    /** The writer thread: rounds at the monotonic time, waiting for entries (or out the retry) between them. */
    private void loop() {
        while (running) {
            long now = monotonicMs();
            long dueAt = doWork(now);
            try {
                if (dueAt <= now) {
                    queue.awaitEntry(flushMs, () -> running);
                } else {
                    // Down: new entries do not hurry the retry; it comes every retryMs.
                    long left;
                    while (running && (left = dueAt - monotonicMs()) > 0) {
                        queue.pause(left);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops the writer after one last attempt to write the backlog. */
    @Override
    public void close() {
        running = false;
        queue.wake();
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
