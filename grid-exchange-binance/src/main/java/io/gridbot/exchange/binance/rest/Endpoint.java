package io.gridbot.exchange.binance.rest;

/**
 * One Binance REST endpoint as the adapter uses it: method, path, security type and whether it counts as an
 * order (ORDERS limits; and a create whose answer is lost has an unknown outcome).
 */
public record Endpoint(String method, String path, Security security, boolean createsOrders) {

    /** Binance's security types, reduced to what the client must send. */
    public enum Security {
        /** Public: no key. */
        NONE,
        /** API key header only (USER_STREAM, MARKET_DATA). */
        KEY,
        /** API key header and signature (TRADE, USER_DATA). */
        SIGNED
    }

    public static final Endpoint TIME = new Endpoint("GET", "/fapi/v1/time", Security.NONE, false);
    public static final Endpoint EXCHANGE_INFO = new Endpoint("GET", "/fapi/v1/exchangeInfo", Security.NONE, false);
    public static final Endpoint NEW_ORDER = new Endpoint("POST", "/fapi/v1/order", Security.SIGNED, true);
    public static final Endpoint BATCH_ORDERS = new Endpoint("POST", "/fapi/v1/batchOrders", Security.SIGNED, true);
    public static final Endpoint CANCEL_ORDER = new Endpoint("DELETE", "/fapi/v1/order", Security.SIGNED, false);
    public static final Endpoint CANCEL_ALL = new Endpoint("DELETE", "/fapi/v1/allOpenOrders", Security.SIGNED, false);
    public static final Endpoint OPEN_ORDERS = new Endpoint("GET", "/fapi/v1/openOrders", Security.SIGNED, false);
    public static final Endpoint QUERY_ORDER = new Endpoint("GET", "/fapi/v1/order", Security.SIGNED, false);
    public static final Endpoint POSITION_RISK = new Endpoint("GET", "/fapi/v2/positionRisk", Security.SIGNED, false);
    public static final Endpoint BALANCE = new Endpoint("GET", "/fapi/v2/balance", Security.SIGNED, false);
    public static final Endpoint USER_TRADES = new Endpoint("GET", "/fapi/v1/userTrades", Security.SIGNED, false);
    public static final Endpoint NEW_ALGO_ORDER = new Endpoint("POST", "/fapi/v1/algoOrder", Security.SIGNED, true);
    public static final Endpoint CANCEL_ALGO_ORDER = new Endpoint("DELETE", "/fapi/v1/algoOrder", Security.SIGNED, false);
    public static final Endpoint QUERY_ALGO_ORDER = new Endpoint("GET", "/fapi/v1/algoOrder", Security.SIGNED, false);
    public static final Endpoint OPEN_ALGO_ORDERS = new Endpoint("GET", "/fapi/v1/openAlgoOrders", Security.SIGNED, false);
    public static final Endpoint LISTEN_KEY_CREATE = new Endpoint("POST", "/fapi/v1/listenKey", Security.KEY, false);
    public static final Endpoint LISTEN_KEY_KEEP_ALIVE = new Endpoint("PUT", "/fapi/v1/listenKey", Security.KEY, false);
    public static final Endpoint LISTEN_KEY_CLOSE = new Endpoint("DELETE", "/fapi/v1/listenKey", Security.KEY, false);
}
