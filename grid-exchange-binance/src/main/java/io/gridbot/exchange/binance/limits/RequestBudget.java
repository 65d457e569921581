package io.gridbot.exchange.binance.limits;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.exchange.ExchangeException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * Keeps the adapter under the venue's limits: tracks the used weight and order counts the
 * venue reports in its headers, waits for the window to roll once usage passes the headroom, and refuses
 * requests outright while a back-off is running, so the venue never has to ban the IP. Two back-offs: the
 * IP's (a -1003 or a 418) holds every request; the order rate's (-1015, a 429 on an order endpoint) holds new
 * grid orders only, since cancels and the protective stop take risk off and must still go out.
 */
public final class RequestBudget {

    /** How to wait; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Pause {
        void pause(long ms) throws InterruptedException;
    }

    /** What a request is, as the limits see it. */
    public enum Traffic {
        /** Reads, cancels, listen keys: request weight only. */
        WEIGHT_ONLY,
        /** A new grid order: also the order counts, and held by an order-rate back-off. */
        NEW_ORDER,
        /**
         * The protective stop: counted as an order by the venue, but held by neither the order-rate back-off
         * nor the order-count headroom, which it may use up.
         */
        PROTECTIVE_STOP
    }

    private final LongSupplier clock;
    private final Pause pause;
    private final double headroom;
    private final List<RateLimit> limits = new CopyOnWriteArrayList<>(RateLimit.defaults());
    private final Map<String, Usage> used = new ConcurrentHashMap<>();
    private volatile long blockedUntilMs;
    private volatile long ordersBlockedUntilMs;

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
     */
    public void acquire(Traffic traffic) throws ExchangeException {
        long now = clock.getAsLong();
        long blocked = blockedUntilMs;
        if (now < blocked) {
            throw new ExchangeException(ExchangeErrorKind.RATE_LIMITED, "-1003",
                    "backing off after the venue's rate limit; retry in " + (blocked - now) + " ms", blocked - now);
        }
        long ordersBlocked = ordersBlockedUntilMs;
        if (traffic == Traffic.NEW_ORDER && now < ordersBlocked) {
            throw new ExchangeException(ExchangeErrorKind.RATE_LIMITED, "-1015", "backing off after the venue's order "
                    + "rate limit; new orders retry in " + (ordersBlocked - now) + " ms", ordersBlocked - now);
        }
        for (RateLimit limit : limits) {
            if (traffic != Traffic.NEW_ORDER && limit.type().equals("ORDERS")) {
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

    /** The venue refused for the IP's request rate (429 / -1003) or banned the IP (418): no request goes out for this long. */
    public void backOff(long ms) {
        long until = clock.getAsLong() + ms;
        if (until > blockedUntilMs) {
            blockedUntilMs = until;
        }
    }

    /** The venue refused for the account's order rate (-1015): no new grid order goes out for this long. */
    public void backOffOrders(long ms) {
        long until = clock.getAsLong() + ms;
        if (until > ordersBlockedUntilMs) {
            ordersBlockedUntilMs = until;
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
