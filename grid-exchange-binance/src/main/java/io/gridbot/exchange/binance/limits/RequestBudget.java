package io.gridbot.exchange.binance.limits;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.exchange.ExchangeException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * Keeps the adapter under the venue's limits (AC5.6, edge case 3): tracks the used weight and order counts the
 * venue reports in its headers, waits for the window to roll once usage passes the headroom, and refuses
 * requests outright while a 429 / 418 back-off is running, so the venue never has to ban the IP.
 */
public final class RequestBudget {

    /** How to wait; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Pause {
        void pause(long ms) throws InterruptedException;
    }

    private final LongSupplier clock;
    private final Pause pause;
    private final double headroom;
    private final List<RateLimit> limits = new CopyOnWriteArrayList<>(RateLimit.defaults());
    private final Map<String, Usage> used = new ConcurrentHashMap<>();
    private volatile long blockedUntilMs;

    public RequestBudget(LongSupplier clock, Pause pause, double headroom) {
        this.clock = clock;
        this.pause = pause;
        this.headroom = headroom;
    }

    /** Replaces the limits with the venue's own (exchangeInfo). */
    public void useLimits(List<RateLimit> venueLimits) {
        if (!venueLimits.isEmpty()) {
            limits.clear();
            limits.addAll(venueLimits);
        }
    }

    public List<RateLimit> limits() {
        return List.copyOf(limits);
    }

    /**
     * Called before each request: refuses while backing off after a 429 / 418, and waits for the window to
     * roll when usage is past the headroom.
     *
     * @param order whether the request creates orders (counts against the ORDERS limits too)
     */
    public void acquire(boolean order) throws ExchangeException {
        long now = clock.getAsLong();
        long blocked = blockedUntilMs;
        if (now < blocked) {
            throw new ExchangeException(ExchangeErrorKind.RATE_LIMITED, "-1003",
                    "backing off after the venue's rate limit; retry in " + (blocked - now) + " ms", blocked - now);
        }
        for (RateLimit limit : limits) {
            if (!order && limit.type().equals("ORDERS")) {
                continue;
            }
            Usage usage = used.get(limit.header());
            if (usage == null) {
                continue;
            }
            long windowStart = usage.atMs - usage.atMs % limit.windowMs();
            long windowEnd = windowStart + limit.windowMs();
            if (now < windowEnd && usage.count >= limit.limit() * headroom) {
                try {
                    pause.pause(windowEnd - now);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ExchangeException(ExchangeErrorKind.NETWORK, null, "interrupted while pacing requests");
                }
                used.remove(limit.header());
            }
        }
    }

    /** Records a usage header of a response, e.g. {@code X-MBX-USED-WEIGHT-1M: 1180}. */
    public void observe(String header, String value) {
        if (value == null) {
            return;
        }
        try {
            used.put(header.toUpperCase(java.util.Locale.ROOT), new Usage(Integer.parseInt(value.trim()), clock.getAsLong()));
        } catch (NumberFormatException e) {
            // a malformed header is no reason to fail the request it came with
        }
    }

    /** The venue refused for rate (429) or banned the IP (418): no request goes out for this long. */
    public void backOff(long ms) {
        long until = clock.getAsLong() + ms;
        if (until > blockedUntilMs) {
            blockedUntilMs = until;
        }
    }

    /** The last reported usage of a header, -1 if none. */
    public int used(String header) {
        Usage u = used.get(header.toUpperCase(java.util.Locale.ROOT));
        return u == null ? -1 : u.count;
    }

    private record Usage(int count, long atMs) {
    }
}
