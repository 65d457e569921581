package io.gridbot.exchange.bybit.rest;

/**
 * One Bybit REST endpoint as the adapter uses it: method, path, whether it is signed, its documented limit per second
 * (per UID; per IP for the public ones), and what it is to the pacing and the unknown-outcome rule.
 */
public record Endpoint(String method, String path, boolean signed, int limitPerSecond, Traffic traffic) {

    /** What a request is, as the limits and the unknown-outcome rule see it. */
    public enum Traffic {
        /** Reads and settings. */
        READ,
        /** Cancels: they take risk off. */
        CANCEL,
        /** Creates (grid orders and the protective stop): a lost answer leaves the outcome unknown. */
        CREATE
    }

    /** Whether it creates orders: a create whose answer is lost or unclear has an unknown outcome. */
    public boolean createsOrders() {
        return traffic == Traffic.CREATE;
    }

    private static Endpoint get(String path, boolean signed, int limit) {
        return new Endpoint("GET", path, signed, limit, Traffic.READ);
    }

    private static Endpoint post(String path, int limit, Traffic traffic) {
        return new Endpoint("POST", path, true, limit, traffic);
    }

    // Limits as Bybit's rate-limit table states them (docs/bybit.md cites it); public ones share 600 per 5 s per IP.
    public static final Endpoint TIME = get("/v5/market/time", false, 50);
    public static final Endpoint INSTRUMENTS = get("/v5/market/instruments-info", false, 50);
    public static final Endpoint TICKERS = get("/v5/market/tickers", false, 50);
    public static final Endpoint RISK_LIMIT = get("/v5/market/risk-limit", false, 50);
    public static final Endpoint CREATE = post("/v5/order/create", 10, Traffic.CREATE);
    public static final Endpoint CREATE_BATCH = post("/v5/order/create-batch", 10, Traffic.CREATE);
    public static final Endpoint CANCEL = post("/v5/order/cancel", 10, Traffic.CANCEL);
    public static final Endpoint CANCEL_BATCH = post("/v5/order/cancel-batch", 10, Traffic.CANCEL);
    public static final Endpoint CANCEL_ALL = post("/v5/order/cancel-all", 10, Traffic.CANCEL);
    public static final Endpoint REALTIME = get("/v5/order/realtime", true, 50);
    public static final Endpoint HISTORY = get("/v5/order/history", true, 50);
    public static final Endpoint EXECUTIONS = get("/v5/execution/list", true, 50);
    public static final Endpoint POSITIONS = get("/v5/position/list", true, 50);
    public static final Endpoint SWITCH_MODE = post("/v5/position/switch-mode", 10, Traffic.READ);
    public static final Endpoint WALLET = get("/v5/account/wallet-balance", true, 50);
}
