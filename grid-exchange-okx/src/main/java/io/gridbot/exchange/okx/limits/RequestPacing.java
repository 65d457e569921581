package io.gridbot.exchange.okx.limits;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.exchange.ExchangeException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keeps the adapter under OKX's documented limits, which the venue does not report in its answers: each
 * endpoint's requests (on the batch endpoints, orders) are counted in a sliding window per endpoint, or per
 * endpoint and instrument where OKX counts per instrument, and a request that would pass the headroom waits until
 * the oldest one leaves the window. After the venue refuses for its rate (50011) the endpoint, or the instrument on
 * it, is held back for a window; after the sub-account's order rate (50061) every new order is. A held-back request
 * is refused at once as {@code RATE_LIMITED}, so the venue never sees it. Thread-safe.
 */
public final class RequestPacing {

    /** How to wait; tests pass one that moves a manual clock instead of sleeping. */
    @FunctionalInterface
    public interface Pause {
        void pause(long ms) throws InterruptedException;
    }

    private final LongSupplier clock;
    private final Pause pause;
    private final double headroom;
    private final Map<String, Deque<long[]>> windows = new HashMap<>();
    private final Map<String, Long> heldUntil = new HashMap<>();
    private long ordersHeldUntil;

    public RequestPacing(LongSupplier clock, Pause pause, double headroom) {
        if (headroom <= 0 || headroom > 1) {
            throw new IllegalArgumentException("headroom must be in (0, 1], was " + headroom);
        }
        this.clock = clock;
        this.pause = pause;
        this.headroom = headroom;
    }

    /**
     * Called before each request: refuses while a back-off holds it, and waits while the window is full.
     *
     * @param key      the endpoint, with the instrument where the rule counts per instrument ({@link #key})
     * @param rule     the endpoint's rule
     * @param weight   what the request counts: 1, or the number of orders in a batch
     * @param newOrder whether it places grid orders (held by the sub-account's order-rate back-off)
     */
    public void acquire(String key, RateRule rule, int weight, boolean newOrder) throws ExchangeException {
        int allowed = Math.max(1, (int) Math.floor(rule.limit() * headroom));
        while (true) {
            long waitMs;
            synchronized (this) {
                long now = clock.getAsLong();
                refuseWhileHeld(key, newOrder, now);
                Deque<long[]> window = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
                while (!window.isEmpty() && window.peekFirst()[0] <= now - rule.windowMs()) {
                    window.pollFirst();
                }
                int used = window.stream().mapToInt(e -> (int) e[1]).sum();
                if (used + weight <= allowed || window.isEmpty()) {
                    window.addLast(new long[] {now, weight});
                    return;
                }
                waitMs = window.peekFirst()[0] + rule.windowMs() - now;
            }
            try {
                pause.pause(Math.max(1, waitMs));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExchangeException(ExchangeErrorKind.NETWORK, null, "interrupted while pacing requests");
            }
        }
    }

    private void refuseWhileHeld(String key, boolean newOrder, long now) throws ExchangeException {
        long held = heldUntil.getOrDefault(key, 0L);
        if (now < held) {
            throw new ExchangeException(ExchangeErrorKind.RATE_LIMITED, "50011",
                    "backing off after the venue's rate limit; retry in " + (held - now) + " ms", held - now);
        }
        if (newOrder && now < ordersHeldUntil) {
            throw new ExchangeException(ExchangeErrorKind.RATE_LIMITED, "50061", "backing off after the sub-account's "
                    + "order rate limit; new orders retry in " + (ordersHeldUntil - now) + " ms", ordersHeldUntil - now);
        }
    }

    /** The venue refused a request of this key for its rate: hold the key back for {@code ms}. */
    public synchronized void backOff(String key, long ms) {
        heldUntil.merge(key, clock.getAsLong() + ms, Math::max);
    }

    /** The venue refused for the sub-account's order rate: hold every new order back for {@code ms}. */
    public synchronized void backOffOrders(long ms) {
        ordersHeldUntil = Math.max(ordersHeldUntil, clock.getAsLong() + ms);
    }

    /** How much of the key's window is in use now. */
    public synchronized int used(String key, RateRule rule) {
        Deque<long[]> window = windows.get(key);
        if (window == null) {
            return 0;
        }
        long since = clock.getAsLong() - rule.windowMs();
        return window.stream().filter(e -> e[0] > since).mapToInt(e -> (int) e[1]).sum();
    }

    /** The pacing key of a request: the endpoint's path, and the instrument where the rule counts per instrument. */
    public static String key(String path, RateRule rule, String instId) {
        return rule.scope() == RateRule.Scope.USER_INSTRUMENT && instId != null ? path + "|" + instId : path;
    }
}
