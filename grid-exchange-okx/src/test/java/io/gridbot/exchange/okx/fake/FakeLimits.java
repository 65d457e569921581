package io.gridbot.exchange.okx.fake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The fake's enforcement of OKX's documented limits: per route, requests (orders, on the batch routes) in a
 * sliding two-second window, counted per user and instrument on the trading routes. A request past the limit
 * is refused with 50011, as OKX refuses it.
 */
final class FakeLimits {

    /** A documented limit: so much per two seconds, per instrument or not. */
    private record Limit(int perTwoSeconds, boolean perInstrument) {
    }

    private static final Map<String, Limit> LIMITS = Map.ofEntries(
            Map.entry("GET /api/v5/public/time", new Limit(10, false)),
            Map.entry("GET /api/v5/public/instruments", new Limit(20, false)),
            Map.entry("GET /api/v5/market/ticker", new Limit(20, false)),
            Map.entry("POST /api/v5/trade/order", new Limit(60, true)),
            Map.entry("POST /api/v5/trade/batch-orders", new Limit(300, true)),
            Map.entry("POST /api/v5/trade/cancel-order", new Limit(60, true)),
            Map.entry("POST /api/v5/trade/cancel-batch-orders", new Limit(300, true)),
            Map.entry("GET /api/v5/trade/order", new Limit(60, true)),
            Map.entry("GET /api/v5/trade/orders-pending", new Limit(60, false)),
            Map.entry("GET /api/v5/trade/fills-history", new Limit(10, false)),
            Map.entry("GET /api/v5/account/balance", new Limit(10, false)),
            Map.entry("GET /api/v5/account/positions", new Limit(10, false)),
            Map.entry("GET /api/v5/account/config", new Limit(5, false)),
            Map.entry("POST /api/v5/account/set-position-mode", new Limit(5, false)),
            Map.entry("POST /api/v5/trade/order-algo", new Limit(20, true)),
            Map.entry("POST /api/v5/trade/cancel-algos", new Limit(20, true)),
            Map.entry("GET /api/v5/trade/order-algo", new Limit(20, false)),
            Map.entry("GET /api/v5/trade/orders-algo-pending", new Limit(20, false)));

    private final LongSupplier clock;
    private final Map<String, Deque<long[]>> windows = new HashMap<>();
    private volatile boolean enforced = true;

    FakeLimits(LongSupplier clock) {
        this.clock = clock;
    }

    void enforce(boolean on) {
        enforced = on;
    }

    /** Counts a request; false when it passes its route's limit (it is counted all the same, as OKX counts it). */
    synchronized boolean take(String route, String instId, int weight) {
        Limit limit = LIMITS.get(route);
        if (limit == null || !enforced) {
            return true;
        }
        String key = limit.perInstrument() ? route + "|" + instId : route;
        long now = clock.getAsLong();
        Deque<long[]> window = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!window.isEmpty() && window.peekFirst()[0] <= now - 2_000) {
            window.pollFirst();
        }
        int used = window.stream().mapToInt(e -> (int) e[1]).sum();
        window.addLast(new long[] {now, weight});
        return used + weight <= limit.perTwoSeconds();
    }

    /** Whether a route is one the fake serves. */
    static boolean known(String route) {
        return LIMITS.containsKey(route);
    }
}
