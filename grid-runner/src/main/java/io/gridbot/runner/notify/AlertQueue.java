package io.gridbot.runner.notify;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The alerts waiting for one notifier, at most {@code capacity}: offering never waits; when full, the oldest
 * alert goes to make room for the new one and is counted, since the newest says most about the grid now.
 */
final class AlertQueue {

    private final int capacity;
    private final Deque<GridAlert> alerts = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition waiting = lock.newCondition();
    private long dropped;

    AlertQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a notifier's queue holds at least one alert");
        }
        this.capacity = capacity;
    }

    /** Queues an alert; returns the one dropped to make room, or {@code null}. */
    GridAlert offer(GridAlert alert) {
        lock.lock();
        try {
            GridAlert oldest = null;
            if (alerts.size() == capacity) {
                oldest = alerts.pollFirst();
                dropped++;
            }
            alerts.addLast(alert);
            waiting.signal();
            return oldest;
        } finally {
            lock.unlock();
        }
    }

    /** The oldest alert, waiting for one. */
    GridAlert take() throws InterruptedException {
        lock.lock();
        try {
            while (alerts.isEmpty()) {
                waiting.await();
            }
            return alerts.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /** How many alerts were dropped for want of room. */
    long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** How many alerts wait. */
    int size() {
        lock.lock();
        try {
            return alerts.size();
        } finally {
            lock.unlock();
        }
    }
}
