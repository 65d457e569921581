package io.gridbot.persistence.writebehind;

import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the write-behind's database answers, and what the operator is told about it: "database unreachable;
 * N entries wait in memory" when a write first meets an outage, again every {@link WriteBehind#WARN_EVERY_MS}
 * of the clock while it lasts, and how long it lasted when a write goes through again.
 */
final class OutageWatch {

    private static final Logger LOG = LoggerFactory.getLogger(WriteBehind.class);

    private final WriteQueue queue;
    private final LongSupplier clock;
    private final long retryMs;
    private boolean healthy = true;
    private long outageSinceMs;
    private long warnedAtMs;

    OutageWatch(WriteQueue queue, LongSupplier clock, long retryMs) {
        this.queue = queue;
        this.clock = clock;
        this.retryMs = retryMs;
    }

    synchronized boolean healthy() {
        return healthy;
    }

    /** When the outage under way began (the clock's time of its first failed write), or -1 when there is none. */
    synchronized long outageSinceMs() {
        return healthy ? -1 : outageSinceMs;
    }

    /** A write failed (what failed is back in its queue): the outage begins, or goes on. */
    void failed(RuntimeException e) {
        long now = clock.getAsLong();
        boolean warn;
        synchronized (this) {
            if (healthy) {
                outageSinceMs = now;
            }
            warn = healthy || now - warnedAtMs >= WriteBehind.WARN_EVERY_MS;
            if (warn) {
                warnedAtMs = now;
            }
            mark(false);
        }
        if (warn) {
            LOG.warn("database unreachable; {} entries wait in memory, retrying every {} ms: {}", queue.backlog(),
                    retryMs, e.toString());
        }
    }

    /** A write went through. */
    void succeeded() {
        mark(true);
    }

    private synchronized void mark(boolean ok) {
        boolean recovered = !healthy && ok;
        healthy = ok;
        queue.down(!ok);
        if (recovered) {
            LOG.info("database reachable again after {} ms; backlog written", clock.getAsLong() - outageSinceMs);
        }
    }
}
