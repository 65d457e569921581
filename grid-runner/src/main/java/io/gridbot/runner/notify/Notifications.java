package io.gridbot.runner.notify;

import io.gridbot.persistence.notify.Notifier;
import io.gridbot.runner.metrics.NotifierFigures;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon's notifiers at work: every alert raised goes to the queue of each enabled notifier that wants its
 * kind, and {@link #raise} returns at once. The notifiers are read from their source at the first round and
 * again every {@code refreshEveryMs} of the rounds' clock ({@link #doWork(long)}), so notifiers added, changed or
 * removed with {@code grid notify} while the daemon runs take effect within that time; a notifier that changed
 * gets a fresh worker, and the alerts its old one still held are not sent. A source that fails keeps the
 * notifiers as they were.
 */
public final class Notifications implements AlertSink, NotifierFigures, AutoCloseable {

    /** How often the stored notifiers are read again by default: every minute. */
    public static final long REFRESH_MS = 60_000;

    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

    private final Supplier<List<Notifier>> source;
    private final DeliverySettings settings;
    private final long refreshEveryMs;
    private final HttpClient client;
    private volatile Map<String, NotifierWorker> workers = Map.of();
    private long nextRefresh = Long.MIN_VALUE;

    public Notifications(Supplier<List<Notifier>> source, DeliverySettings settings, long refreshEveryMs) {
        this.source = source;
        this.settings = settings;
        this.refreshEveryMs = refreshEveryMs;
        this.client = settings.client();
    }

    @Override
    public void raise(GridAlert alert) {
        for (NotifierWorker worker : workers.values()) {
            Notifier n = worker.notifier();
            if (n.enabled() && n.wants().stream().anyMatch(alert::is)) {
                worker.offer(alert);
            }
        }
    }

    /** Reads the notifiers again when due at {@code nowMs}. */
    public synchronized void doWork(long nowMs) {
        if (nowMs < nextRefresh) {
            return;
        }
        nextRefresh = nowMs + refreshEveryMs;
        List<Notifier> stored;
        try {
            stored = source.get();
        } catch (RuntimeException e) {
            LOG.warn("notifiers not read ({}); keeping the {} in use", e.getMessage(), workers.size());
            return;
        }
        apply(stored);
    }

    private void apply(List<Notifier> stored) {
        Map<String, NotifierWorker> now = new HashMap<>();
        for (Notifier n : stored) {
            NotifierWorker current = workers.get(n.name());
            if (current != null && current.notifier().equals(n)) {
                now.put(n.name(), current);
                continue;
            }
            try {
                now.put(n.name(), new NotifierWorker(n, settings.courier(n, client), settings.queueCapacity()).start());
                LOG.info("notifier {} ({}) {}", n.name(), n.kind(), current == null ? "in use" : "changed");
            } catch (RuntimeException e) {
                LOG.error("notifier {} not used: {}", n.name(), e.getMessage());
            }
        }
        Map<String, NotifierWorker> before = workers;
        workers = Map.copyOf(now);
        before.forEach((name, worker) -> {
            if (now.get(name) != worker) {
                worker.close();
                if (!now.containsKey(name)) {
                    LOG.info("notifier {} removed", name);
                }
            }
        });
    }

    /** The notifiers in use, by name. */
    @Override
    public List<String> names() {
        return workers.keySet().stream().sorted().toList();
    }

    /** How many alerts the named notifier dropped for want of room in its queue (0 for an unknown one). */
    @Override
    public long dropped(String name) {
        NotifierWorker w = workers.get(name);
        return w == null ? 0 : w.dropped();
    }

    /** How many alerts the named notifier delivered (0 for an unknown one). */
    @Override
    public long delivered(String name) {
        NotifierWorker w = workers.get(name);
        return w == null ? 0 : w.delivered();
    }

    /** Sends one alert to {@code notifier} now, on the calling thread, with its retries: for a test alert. */
    public static Delivery sendNow(Notifier notifier, GridAlert alert, DeliverySettings settings)
            throws InterruptedException {
        try (HttpClient client = settings.client()) {
            return settings.courier(notifier, client).deliver(alert);
        }
    }

    @Override
    public synchronized void close() {
        workers.values().forEach(NotifierWorker::close);
        workers = Map.of();
        client.shutdownNow(); // never waits for a receiver that does not answer
    }
}
