package io.gridbot.exchange.binance.stream;

import io.gridbot.core.event.GridEvent.StreamState;
import io.gridbot.exchange.stream.StreamHealthEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the streams alive (AC5.4, edge case 1). When any stream is lost it reports {@code DISCONNECTED}, closes
 * them all, and retries on the schedule, reporting {@code RECONNECTING} with the attempt number; an attempt
 * reopens every stream (with everything subscribed) and resynchronises over REST, and only then reports
 * {@code CONNECTED}. After the last failed attempt it reports {@code GAVE_UP}. Streams are also replaced before
 * they reach the venue's 24-hour limit.
 *
 * <p>All state changes and health reports run on the one scheduler thread, so health listeners see one event
 * at a time, in order.
 */
public final class StreamSupervisor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamSupervisor.class);

    /** One stream the supervisor keeps open. */
    public interface Stream {
        String name();

        /** Opens the stream with everything subscribed so far; throws if it cannot. */
        void connect() throws Exception;

        /** Closes it quietly. */
        void disconnect();
    }

    /** Brings the adapter's view of orders and positions up to date after a reconnect. */
    @FunctionalInterface
    public interface Resync {
        void run() throws Exception;
    }

    /** The supervisor's state; each change is reported as a health event. */
    private enum Phase {
        /** Not started, or started with no stream yet. */
        IDLE,
        /** Every stream is open. */
        CONNECTED,
        /** A stream was lost; attempts run on the schedule. */
        RECOVERING,
        /** The last attempt failed; nothing more is tried. */
        GAVE_UP,
        /** Closed for good. */
        CLOSED
    }

    private final List<Stream> streams = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler;
    private final List<Duration> delays;
    private final Duration maxAge;
    private final LongSupplier clock;
    private final Listeners<StreamHealthEvent> health;
    private final Map<Stream, ScheduledFuture<?>> rotations = new ConcurrentHashMap<>();
    private volatile Resync resync = () -> { };
    private volatile Phase phase = Phase.IDLE;

    public StreamSupervisor(ScheduledExecutorService scheduler, List<Duration> delays, Duration maxAge, LongSupplier clock,
            Listeners<StreamHealthEvent> health) {
        this.scheduler = scheduler;
        this.delays = List.copyOf(delays);
        this.maxAge = maxAge;
        this.clock = clock;
        this.health = health;
    }

    public void resyncWith(Resync resync) {
        this.resync = resync;
    }

    /** Adds a stream and opens it now (on the caller's thread). */
    public void open(Stream stream) throws Exception {
        streams.add(stream);
        stream.connect();
        scheduleRotation(stream);
        if (phase == Phase.IDLE) {
            phase = Phase.CONNECTED;
        }
    }

    /**
     * Connects a stream that had nothing to carry until now (a route's first subscription), if the streams are
     * up; while they are recovering, the next attempt opens it with the rest.
     */
    public void connectLate(Stream stream) {
        if (phase != Phase.CONNECTED) {
            return;
        }
        try {
            stream.connect();
            scheduleRotation(stream);
        } catch (Exception e) {
            lost(stream.name() + " did not open: " + e.getMessage(), false);
        }
    }

    /** True while every stream is believed open. */
    public boolean connected() {
        return phase == Phase.CONNECTED;
    }

    /**
     * A stream was lost (its socket failed or the venue closed it); thread-safe.
     *
     * @param immediate retry at once (an expired listen key, a planned rotation) instead of after the first delay
     */
    public void lost(String reason, boolean immediate) {
        submit(() -> onLost(reason, immediate));
    }

    private void onLost(String reason, boolean immediate) {
        if (phase != Phase.CONNECTED) {
            return;
        }
        phase = Phase.RECOVERING;
        LOG.warn("stream lost: {}; reconnecting", reason);
        report(StreamState.DISCONNECTED, 0, reason);
        disconnectAll();
        schedule(1, immediate ? 0 : delays.get(0).toMillis());
    }

    private void attempt(int n) {
        if (phase != Phase.RECOVERING) {
            return;
        }
        report(StreamState.RECONNECTING, n, "reconnect attempt " + n);
        try {
            for (Stream s : streams) {
                s.connect();
            }
            resync.run();
            for (Stream s : streams) {
                scheduleRotation(s);
            }
            phase = Phase.CONNECTED;
            LOG.info("streams reconnected on attempt {}", n);
            report(StreamState.CONNECTED, n, "reconnected and resynchronised");
        } catch (Exception e) {
            LOG.warn("reconnect attempt {} failed: {}", n, e.getMessage());
            disconnectAll();
            if (n < delays.size()) {
                long wait = delays.get(n).toMillis();
                if (e instanceof io.gridbot.exchange.ExchangeException x && x.retryAfterMs() > wait) {
                    wait = x.retryAfterMs(); // an attempt inside the venue's back-off would fail for nothing
                }
                schedule(n + 1, wait);
            } else {
                phase = Phase.GAVE_UP;
                LOG.error("streams gave up after {} reconnect attempts", n);
                report(StreamState.GAVE_UP, n, "reconnect attempts exhausted");
            }
        }
    }

    private void scheduleRotation(Stream stream) {
        ScheduledFuture<?> old = rotations.remove(stream);
        if (old != null) {
            old.cancel(false);
        }
        try {
            rotations.put(stream, scheduler.schedule(() -> rotate(stream), maxAge.toMillis(), TimeUnit.MILLISECONDS));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    private void rotate(Stream stream) {
        if (phase != Phase.CONNECTED) {
            return;
        }
        try {
            // connect() opens the new socket before closing the old one
            stream.connect();
            scheduleRotation(stream);
            LOG.info("{} replaced ahead of the venue's 24-hour limit", stream.name());
        } catch (Exception e) {
            onLost(stream.name() + " could not be replaced: " + e.getMessage(), false);
        }
    }

    private void schedule(int attempt, long delayMs) {
        try {
            scheduler.schedule(() -> attempt(attempt), delayMs, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    private void submit(Runnable task) {
        try {
            scheduler.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    private void disconnectAll() {
        rotations.values().forEach(f -> f.cancel(false));
        rotations.clear();
        for (Stream s : streams) {
            s.disconnect();
        }
    }

    private void report(StreamState state, int attempt, String reason) {
        health.deliver(null, new StreamHealthEvent(state, attempt, reason, clock.getAsLong()));
    }

    @Override
    public void close() {
        phase = Phase.CLOSED;
        disconnectAll();
        scheduler.shutdownNow();
    }
}
