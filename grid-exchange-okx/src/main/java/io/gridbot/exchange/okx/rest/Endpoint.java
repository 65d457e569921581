package io.gridbot.exchange.okx.rest;

import io.gridbot.exchange.okx.limits.RateRule;
import io.gridbot.exchange.okx.limits.RateRule.Scope;

/**
 * One OKX REST endpoint as the adapter uses it: method, path, whether it is signed, its documented limit, what it
 * is to the limits and the unknown-outcome rule, and whether it answers item by item ({@code sCode} per order).
 */
public record Endpoint(String method, String path, boolean signed, RateRule rule, Traffic traffic, boolean itemised) {

    /** What a request is, as the limits and the unknown-outcome rule see it. */
    public enum Traffic {
        /** Reads and settings. */
        READ,
        /** Cancels: they take risk off, so no order back-off holds them. */
        CANCEL,
        /** A new grid order: held by the order-rate back-off; a lost answer leaves its outcome unknown. */
        NEW_ORDER,
        /** The protective stop: never held by the order-rate back-off; a lost answer leaves its outcome unknown. */
        PROTECTIVE_STOP
    }

    /** Whether it creates orders: a create whose answer is lost or unclear has an unknown outcome. */
    public boolean createsOrders() {
        return traffic == Traffic.NEW_ORDER || traffic == Traffic.PROTECTIVE_STOP;
    }

    private static Endpoint get(String path, boolean signed, int limit, Scope scope) {
        return new Endpoint("GET", path, signed, RateRule.perTwoSeconds(limit, scope), Traffic.READ, false);
    }

    private static Endpoint post(String path, int limit, Scope scope, Traffic traffic, boolean itemised) {
        return new Endpoint("POST", path, true, RateRule.perTwoSeconds(limit, scope), traffic, itemised);
    }

    // Limits as OKX documents them per endpoint (docs/okx.md lists each with its source).
    public static final Endpoint TIME = get("/api/v5/public/time", false, 10, Scope.IP);
    public static final Endpoint INSTRUMENTS = get("/api/v5/public/instruments", false, 20, Scope.IP);
    public static final Endpoint TICKER = get("/api/v5/market/ticker", false, 20, Scope.IP);
    public static final Endpoint PLACE_ORDER = post("/api/v5/trade/order", 60, Scope.USER_INSTRUMENT, Traffic.NEW_ORDER, true);
    /** Counted in orders, not requests. */
    public static final Endpoint BATCH_ORDERS = post("/api/v5/trade/batch-orders", 300, Scope.USER_INSTRUMENT, Traffic.NEW_ORDER, true);
    public static final Endpoint CANCEL_ORDER = post("/api/v5/trade/cancel-order", 60, Scope.USER_INSTRUMENT, Traffic.CANCEL, true);
    /** Counted in orders, not requests. */
    public static final Endpoint CANCEL_BATCH = post("/api/v5/trade/cancel-batch-orders", 300, Scope.USER_INSTRUMENT, Traffic.CANCEL, true);
    public static final Endpoint ORDER = get("/api/v5/trade/order", true, 60, Scope.USER_INSTRUMENT);
    public static final Endpoint ORDERS_PENDING = get("/api/v5/trade/orders-pending", true, 60, Scope.USER);
    public static final Endpoint FILLS_HISTORY = get("/api/v5/trade/fills-history", true, 10, Scope.USER);
    public static final Endpoint BALANCE = get("/api/v5/account/balance", true, 10, Scope.USER);
    public static final Endpoint POSITIONS = get("/api/v5/account/positions", true, 10, Scope.USER);
    public static final Endpoint ACCOUNT_CONFIG = get("/api/v5/account/config", true, 5, Scope.USER);
    public static final Endpoint SET_POSITION_MODE = post("/api/v5/account/set-position-mode", 5, Scope.USER, Traffic.READ, false);
    public static final Endpoint PLACE_ALGO = post("/api/v5/trade/order-algo", 20, Scope.USER_INSTRUMENT, Traffic.PROTECTIVE_STOP, true);
    public static final Endpoint CANCEL_ALGOS = post("/api/v5/trade/cancel-algos", 20, Scope.USER_INSTRUMENT, Traffic.CANCEL, true);
    public static final Endpoint ALGO_ORDER = get("/api/v5/trade/order-algo", true, 20, Scope.USER);
    public static final Endpoint ALGOS_PENDING = get("/api/v5/trade/orders-algo-pending", true, 20, Scope.USER);
}
