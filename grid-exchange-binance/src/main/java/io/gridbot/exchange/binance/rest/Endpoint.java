package io.gridbot.exchange.binance.rest;

import io.gridbot.exchange.binance.limits.RequestBudget.Traffic;

/**
 * One Binance REST endpoint as the adapter uses it: method, path, security type and what it is to the limits
 * (a new order, the protective stop, or weight only).
 */
public record Endpoint(String method, String path, Security security, Traffic traffic) {

    /** Whether it creates orders: a create whose answer is lost or unclear has an unknown outcome. */
    public boolean createsOrders() {
        return traffic != Traffic.WEIGHT_ONLY;
    }

    /** Binance's security types, reduced to what the client must send. */
    public enum Security {
        /** Public: no key. */
        NONE,
        /** API key header only (USER_STREAM, MARKET_DATA). */
        KEY,
        /** API key header and signature (TRADE, USER_DATA). */
        SIGNED
    }

    public static final Endpoint TIME = new Endpoint("GET", "/fapi/v1/time", Security.NONE, Traffic.WEIGHT_ONLY);
    public static final Endpoint EXCHANGE_INFO = new Endpoint("GET", "/fapi/v1/exchangeInfo", Security.NONE, Traffic.WEIGHT_ONLY);
    public static final Endpoint TICKER_PRICE = new Endpoint("GET", "/fapi/v1/ticker/price", Security.NONE, Traffic.WEIGHT_ONLY);
    public static final Endpoint NEW_ORDER = new Endpoint("POST", "/fapi/v1/order", Security.SIGNED, Traffic.NEW_ORDER);
    public static final Endpoint BATCH_ORDERS = new Endpoint("POST", "/fapi/v1/batchOrders", Security.SIGNED, Traffic.NEW_ORDER);
    public static final Endpoint CANCEL_ORDER = new Endpoint("DELETE", "/fapi/v1/order", Security.SIGNED, Traffic.WEIGHT_ONLY);
    public static final Endpoint CANCEL_ALL = new Endpoint("DELETE", "/fapi/v1/allOpenOrders", Security.SIGNED, Traffic.WEIGHT_ONLY);
    public static final Endpoint OPEN_ORDERS = new Endpoint("GET", "/fapi/v1/openOrders", Security.SIGNED, Traffic.WEIGHT_ONLY);
    public static final Endpoint QUERY_ORDER = new Endpoint("GET", "/fapi/v1/order", Security.SIGNED, Traffic.WEIGHT_ONLY);
    public static final Endpoint POSITION_RISK = new Endpoint("GET", "/fapi/v2/positionRisk", Security.SIGNED, Traffic.WEIGHT_ONLY);
    public static final Endpoint BALANCE = new Endpoint("GET", "/fapi/v2/balance", Security.SIGNED, Traffic.WEIGHT_ONLY);
    public static final Endpoint USER_TRADES = new Endpoint("GET", "/fapi/v1/userTrades", Security.SIGNED, Traffic.WEIGHT_ONLY);
    public static final Endpoint NEW_ALGO_ORDER = new Endpoint("POST", "/fapi/v1/algoOrder", Security.SIGNED, Traffic.PROTECTIVE_STOP);
    public static final Endpoint CANCEL_ALGO_ORDER = new Endpoint("DELETE", "/fapi/v1/algoOrder", Security.SIGNED, Traffic.WEIGHT_ONLY);
    public static final Endpoint QUERY_ALGO_ORDER = new Endpoint("GET", "/fapi/v1/algoOrder", Security.SIGNED, Traffic.WEIGHT_ONLY);
    public static final Endpoint OPEN_ALGO_ORDERS = new Endpoint("GET", "/fapi/v1/openAlgoOrders", Security.SIGNED, Traffic.WEIGHT_ONLY);
    public static final Endpoint POSITION_MODE = new Endpoint("GET", "/fapi/v1/positionSide/dual", Security.SIGNED, Traffic.WEIGHT_ONLY);
    public static final Endpoint CHANGE_POSITION_MODE = new Endpoint("POST", "/fapi/v1/positionSide/dual", Security.SIGNED, Traffic.WEIGHT_ONLY);
    public static final Endpoint LISTEN_KEY_CREATE = new Endpoint("POST", "/fapi/v1/listenKey", Security.KEY, Traffic.WEIGHT_ONLY);
    public static final Endpoint LISTEN_KEY_KEEP_ALIVE = new Endpoint("PUT", "/fapi/v1/listenKey", Security.KEY, Traffic.WEIGHT_ONLY);
    public static final Endpoint LISTEN_KEY_CLOSE = new Endpoint("DELETE", "/fapi/v1/listenKey", Security.KEY, Traffic.WEIGHT_ONLY);
}
