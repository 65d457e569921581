package io.gridbot.runner.notify;

import io.gridbot.persistence.notify.Notifier;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One notifier at work: its {@link AlertQueue} and the virtual thread that hands the queued alerts, oldest first,
 * to its {@link Courier}. Offering an alert never waits, so a receiver that is slow or down never holds up a grid.
 */
final class NotifierWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotifierWorker.class);

    private final Notifier notifier;
    private final Courier courier;
    private final AlertQueue queue;
    private final AtomicLong delivered = new AtomicLong();
    private volatile Thread thread;

    NotifierWorker(Notifier notifier, Courier courier, int capacity) {
        this.notifier = notifier;
        this.courier = courier;
        this.queue = new AlertQueue(capacity);
    }

    Notifier notifier() {
        return notifier;
    }

    /** Queues an alert for delivery; when the queue is full the oldest is dropped, counted and logged. */
    void offer(GridAlert alert) {
        GridAlert dropped = queue.offer(alert);
        if (dropped != null) {
            LOG.warn("notifier {}: queue full; dropped the oldest alert ({} of grid {}), {} dropped so far",
                    notifier.name(), dropped.kind(), dropped.grid(), queue.dropped());
        }
    }

    /** How many alerts were dropped because the queue was full. */
    long dropped() {
        return queue.dropped();
    }

    /** How many alerts were delivered. */
    long delivered() {
        return delivered.get();
    }

    /** How many alerts wait. */
    int waiting() {
        return queue.size();
    }

    NotifierWorker start() {
        thread = Thread.ofVirtual().name("notifier-" + notifier.name()).start(this::run);
        return this;
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (courier.deliver(queue.take()).delivered()) {
                    delivered.incrementAndGet();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("notifier {}: an alert could not be sent ({})", notifier.name(), e.getClass().getSimpleName());
            }
        }
    }

    /** Ends the worker; alerts still queued are not sent. */
    @Override
    public void close() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
