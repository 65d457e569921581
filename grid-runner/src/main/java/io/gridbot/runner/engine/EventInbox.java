package io.gridbot.runner.engine;

import io.gridbot.core.event.GridEvent;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A grid's events in arrival order, from every thread that makes them (the venue's streams, the answers of
 * adapter calls, the driver's ticks and controls), for the one thread at a time that hands them to the core.
 * Adding waits only for another add or take to finish; a driver may wait for the next arrival instead of polling.
 */
final class EventInbox {

    /** Guarded by itself: adding and taking are short, and a replay does millions of each. */
    private final ArrayDeque<GridEvent> events = new ArrayDeque<>();
    private final Semaphore queued = new Semaphore(0);

    /** Queues an event; thread-safe. */
    void add(GridEvent event) {
        synchronized (events) {
            events.add(event);
        }
        arrived();
    }

    /** Queues events one after the other, with no event of another thread between them; thread-safe. */
    void addAll(List<GridEvent> batch) {
        synchronized (events) {
            for (int i = 0; i < batch.size(); i++) { // the batches are short immutable lists: no iterator
                events.add(batch.get(i));
            }
        }
        arrived();
    }

    private void arrived() {
        // One permit says "something arrived since the last wait"; a replay queues millions of events between waits.
        if (queued.availablePermits() == 0) {
            queued.release();
        }
    }

    /** The oldest queued event, taken off the queue; {@code null} when none is queued. */
    GridEvent next() {
        synchronized (events) {
            return events.poll();
        }
    }

    /**
     * Waits until an event is queued or {@code timeoutMs} have passed. Returns whether something is queued.
     * Arrivals since the last wait count, so an event queued just before the call wakes it at once.
     */
    boolean await(long timeoutMs) throws InterruptedException {
        boolean any = queued.tryAcquire(timeoutMs, TimeUnit.MILLISECONDS);
        queued.drainPermits();
        synchronized (events) {
            return any || !events.isEmpty();
        }
    }
}
