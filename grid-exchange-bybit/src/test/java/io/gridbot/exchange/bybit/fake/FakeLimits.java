package io.gridbot.exchange.bybit.fake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Bybit's documented per-second limits as the fake counts them (per route, a rolling second), and what the limit
 * headers of each answer report: {@code X-Bapi-Limit}, {@code X-Bapi-Limit-Status} (what is left) and
 * {@code X-Bapi-Limit-Reset-Timestamp}.
 */
final class FakeLimits {

    /** What one answer reports of its route's limit. */
    record Status(int limit, int remaining, long resetAtMs, boolean allowed) {
    }

    private static final Map<String, Integer> PER_SECOND = Map.ofEntries(
            Map.entry("POST /v5/order/create", 10), Map.entry("POST /v5/order/create-batch", 10),
            Map.entry("POST /v5/order/cancel", 10), Map.entry("POST /v5/order/cancel-batch", 10),
            Map.entry("POST /v5/order/cancel-all", 10), Map.entry("POST /v5/position/switch-mode", 10));
    private static final int READS = 50;

    private final LongSupplier clock;
    private final Map<String, Deque<Long>> windows = new HashMap<>();
    private volatile boolean enforce = true;

    FakeLimits(LongSupplier clock) {
        this.clock = clock;
    }

    void enforce(boolean on) {
        this.enforce = on;
    }

    /** Counts one request of the route, and says whether it was within the limit. */
    synchronized Status take(String route) {
        int limit = PER_SECOND.getOrDefault(route, READS);
        long now = clock.getAsLong();
        Deque<Long> window = windows.computeIfAbsent(route, r -> new ArrayDeque<>());
        while (!window.isEmpty() && window.peekFirst() <= now - 1_000) {
            window.pollFirst();
        }
        if (enforce && window.size() >= limit) {
            return new Status(limit, 0, window.peekFirst() + 1_000, false);
        }
        window.addLast(now);
        return new Status(limit, Math.max(0, limit - window.size()), now, true);
    }
}
