package io.gridbot.exchange.binance.stream;

import io.gridbot.core.event.GridEvent.StreamState;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.wire.ServerClock;
import io.gridbot.exchange.stream.StreamHealthEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the streams alive. When any stream is lost it reports {@code DISCONNECTED}, closes
 * them all, and retries on the schedule, reporting {@code RECONNECTING} with the attempt number; an attempt
 * reopens every stream (with everything subscribed) and resynchronises over REST, and only then reports
 * {@code CONNECTED}. After the last failed attempt it reports {@code GAVE_UP}. Streams are also replaced before
 * they reach the venue's 24-hour limit.
 *
 * <p>Time is an argument: {@link #doWork(long)} does what is due at the time it is given (losses reported
 * since, an attempt, a replacement, the streams' own timed work) and answers when it is next due; a
 * {@link WorkLoop} calls it, on real time in production and on a clock a test moves. A delay after a failed
 * attempt runs from when the attempt ended, on the same clock. Health reports carry the venue's time. All
 * state changes and health reports happen in {@code doWork}, so health listeners see one event at a time.
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

        /** Does the stream's own timed work due at {@code nowMs}; answers when it is next due. */
        default long doWork(long nowMs) {
            return WorkLoop.NOTHING_DUE;
        }
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

    private record Loss(String reason, boolean immediate) {
    }

    private final List<Stream> streams = new CopyOnWriteArrayList<>();
    private final List<Duration> delays;
    private final Duration maxAge;
    private final ServerClock clock;
    private final Listeners<StreamHealthEvent> health;
    private final Queue<Loss> losses = new ConcurrentLinkedQueue<>();
    /** When each open stream is due for replacement, local time. */
    private final Map<Stream, Long> rotations = new ConcurrentHashMap<>();
    private volatile Resync resync = () -> { };
    private volatile Runnable wake = () -> { };
    private volatile Phase phase = Phase.IDLE;
    private int attempt;
    private long attemptDueMs;

    /**
     * @param delays the delays before attempts 1, 2, 3 …
     * @param maxAge how old a stream may get before it is replaced
     * @param clock  local time for the schedule, the venue's for health reports
     */
    public StreamSupervisor(List<Duration> delays, Duration maxAge, ServerClock clock, Listeners<StreamHealthEvent> health) {
        this.delays = List.copyOf(delays);
        this.maxAge = maxAge;
        this.clock = clock;
        this.health = health;
    }

    public void resyncWith(Resync resync) {
        this.resync = resync;
    }

    /** What has {@link #doWork} run soon (the loop's wake-up); called whenever new work is queued. */
    public void wakeWith(Runnable wakeUp) {
        this.wake = wakeUp;
    }

    /** Adds a stream and opens it now (on the caller's thread). */
    public void open(Stream stream) throws Exception {
        streams.add(stream);
        stream.connect();
        scheduleRotation(stream, clock.localMs());
        if (phase == Phase.IDLE) {
            phase = Phase.CONNECTED;
        }
        wake.run();
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
            scheduleRotation(stream, clock.localMs());
            wake.run();
        } catch (Exception e) {
            lost(stream.name() + " did not open: " + e.getMessage(), false);
        }
    }

    /** True while every stream is believed open. */
    public boolean connected() {
        return phase == Phase.CONNECTED;
    }

    /**
     * A stream was lost (its socket failed or the venue closed it); thread-safe. The next {@link #doWork} acts.
     *
     * @param immediate retry at once (an expired listen key, a planned rotation) instead of after the first delay
     */
    public void lost(String reason, boolean immediate) {
        losses.add(new Loss(reason, immediate));
        wake.run();
    }

    /**
     * Does everything due at {@code nowMs}: losses reported since the last call, a reconnect attempt, stream
     * replacements, each stream's own timed work. Answers when it is next due ({@link WorkLoop#NOTHING_DUE} if
     * nothing is scheduled); a loss reported meanwhile makes it due at once.
     */
    public long doWork(long nowMs) {
        for (Loss loss = losses.poll(); loss != null; loss = losses.poll()) {
            onLost(loss.reason(), loss.immediate(), nowMs);
        }
        if (phase == Phase.RECOVERING && nowMs >= attemptDueMs) {
            attempt(attempt);
        }
        for (Map.Entry<Stream, Long> due : rotations.entrySet()) {
            if (phase == Phase.CONNECTED && nowMs >= due.getValue()) {
                rotate(due.getKey());
            }
        }
        long next = phase == Phase.RECOVERING ? attemptDueMs : WorkLoop.NOTHING_DUE;
        for (long at : rotations.values()) {
            next = Math.min(next, at);
        }
        for (Stream s : streams) {
            next = Math.min(next, s.doWork(nowMs));
        }
        return losses.isEmpty() || phase == Phase.CLOSED ? next : nowMs;
    }

    private void onLost(String reason, boolean immediate, long nowMs) {
        if (phase != Phase.CONNECTED) {
            return;
        }
        phase = Phase.RECOVERING;
        LOG.warn("stream lost: {}; reconnecting", reason);
        report(StreamState.DISCONNECTED, 0, reason);
        disconnectAll();
        attempt = 1;
        attemptDueMs = nowMs + (immediate ? 0 : delays.get(0).toMillis());
    }

    private void attempt(int n) {
        report(StreamState.RECONNECTING, n, "reconnect attempt " + n);
        try {
            for (Stream s : streams) {
                s.connect();
            }
            resync.run();
            long now = clock.localMs();
            for (Stream s : streams) {
                scheduleRotation(s, now);
            }
            phase = Phase.CONNECTED;
            LOG.info("streams reconnected on attempt {}", n);
            report(StreamState.CONNECTED, n, "reconnected and resynchronised");
        } catch (Exception e) {
            LOG.warn("reconnect attempt {} failed: {}", n, e.getMessage());
            disconnectAll();
            if (phase == Phase.CLOSED) {
                return;
            }
            if (n < delays.size()) {
                long wait = delays.get(n).toMillis();
                if (e instanceof ExchangeException x && x.retryAfterMs() > wait) {
                    wait = x.retryAfterMs(); // an attempt inside the venue's back-off would fail for nothing
                }
                attempt = n + 1;
                attemptDueMs = clock.localMs() + wait;
            } else {
                phase = Phase.GAVE_UP;
                LOG.error("streams gave up after {} reconnect attempts", n);
                report(StreamState.GAVE_UP, n, "reconnect attempts exhausted");
            }
        }
    }

    private void scheduleRotation(Stream stream, long nowMs) {
        if (phase != Phase.CLOSED) {
            rotations.put(stream, nowMs + maxAge.toMillis());
        }
    }

    private void rotate(Stream stream) {
        try {
            // connect() opens the new socket before closing the old one
            stream.connect();
            scheduleRotation(stream, clock.localMs());
            LOG.info("{} replaced ahead of the venue's 24-hour limit", stream.name());
        } catch (Exception e) {
            onLost(stream.name() + " could not be replaced: " + e.getMessage(), false, clock.localMs());
        }
    }

    private void disconnectAll() {
        rotations.clear();
        for (Stream s : streams) {
            s.disconnect();
        }
    }

    private void report(StreamState state, int attemptNo, String reason) {
        health.deliver(null, new StreamHealthEvent(state, attemptNo, reason, clock.nowMs()));
    }

    /** Closes every stream for good; {@link #doWork} does nothing more. */
    @Override
    public void close() {
        phase = Phase.CLOSED;
        disconnectAll();
    }
}
