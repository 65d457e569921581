package io.gridbot.exchange.bybit.limits;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.exchange.ExchangeException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keeps the adapter under Bybit's per-second limits: each endpoint's requests are counted in a rolling one-second
 * window against its documented limit (a share of it, the headroom), and a request that would pass it waits until
 * the oldest one leaves the window. Bybit also reports what is left in every answer ({@code X-Bapi-Limit-Status},
 * {@code X-Bapi-Limit-Reset-Timestamp}): an endpoint with nothing left is held until the reset, and one refused for
 * its rate (10006) is held for a window or until the reset Bybit named. A held request is refused at once as
 * {@code RATE_LIMITED}, so Bybit never sees it. Cancels are never held by a new-order back-off. Thread-safe.
 */
public final class RequestPacing {

    /** How long the venue counts a limit. */
    public static final long WINDOW_MS = 1_000;

    /** How to wait; tests pass one that moves a manual clock instead of sleeping. */
    @FunctionalInterface
    public interface Pause {
        void pause(long ms) throws InterruptedException;
    }

    private final LongSupplier clock;
    private final Pause pause;
    private final double headroom;
    private final Map<String, Deque<Long>> windows = new HashMap<>();
    private final Map<String, Long> heldUntil = new HashMap<>();

    public RequestPacing(LongSupplier clock, Pause pause, double headroom) {
        if (headroom <= 0 || headroom > 1) {
            throw new IllegalArgumentException("headroom must be in (0, 1], was " + headroom);
        }
        this.clock = clock;
        this.pause = pause;
        this.headroom = headroom;
    }

    /**
     * Called before each request: refuses while a hold lasts, and waits while the window is full.
     *
     * @param key            the endpoint's path
     * @param limitPerSecond its documented limit
     */
    public void acquire(String key, int limitPerSecond) throws ExchangeException {
        int allowed = Math.max(1, (int) Math.floor(limitPerSecond * headroom));
        while (true) {
            long waitMs;
            synchronized (this) {
                long now = clock.getAsLong();
                long held = heldUntil.getOrDefault(key, 0L);
                if (now < held) {
                    throw new ExchangeException(ExchangeErrorKind.RATE_LIMITED, "10006",
                            "backing off after the venue's rate limit; retry in " + (held - now) + " ms", held - now);
                }
                Deque<Long> window = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
                while (!window.isEmpty() && window.peekFirst() <= now - WINDOW_MS) {
                    window.pollFirst();
                }
                if (window.size() < allowed) {
                    window.addLast(now);
                    return;
                }
                waitMs = window.peekFirst() + WINDOW_MS - now;
            }
            try {
                pause.pause(Math.max(1, waitMs));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExchangeException(ExchangeErrorKind.NETWORK, null, "interrupted while pacing requests");
            }
        }
    }

    /**
     * What an answer said of the endpoint's limit: with nothing left ({@code remaining} 0) the endpoint is held until
     * {@code resetAtMs}, the venue's time, converted with {@code venueOffsetMs}.
     */
    public synchronized void observe(String key, int remaining, long resetAtMs, long venueOffsetMs) {
        if (remaining <= 0 && resetAtMs > 0) {
            long until = resetAtMs - venueOffsetMs;
            heldUntil.merge(key, Math.min(until, clock.getAsLong() + WINDOW_MS * 10), Math::max);
        }
    }

    /** The venue refused a request of this key for its rate: hold the key back for {@code ms}. */
    public synchronized void backOff(String key, long ms) {
        heldUntil.merge(key, clock.getAsLong() + ms, Math::max);
    }

    /** How many requests of the key the current window holds. */
    public synchronized int used(String key) {
        Deque<Long> window = windows.get(key);
        long since = clock.getAsLong() - WINDOW_MS;
        return window == null ? 0 : (int) window.stream().filter(t -> t > since).count();
    }
}
