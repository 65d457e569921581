package io.gridbot.exchange.bybit.fake;

import io.gridbot.core.market.SymbolRules;
import io.gridbot.exchange.sim.Refusal;
import io.gridbot.exchange.sim.VenueDialect;

/**
 * Bybit's answers to the simulator's refusals: the {@code retCode}s and messages of Bybit's error table
 * (docs/bybit.md), so the fake Bybit answers a refused order as Bybit would. Where Bybit documents no code of its
 * own (a price off the tick, a leg that does not fit the position mode) it answers its generic parameter error,
 * 10001. A post-only order that would take is no error on Bybit (it is accepted and cancelled at once); the fake
 * handles that case itself.
 */
final class BybitDialect implements VenueDialect {

    @Override
    public String code(Refusal refusal) {
        return Integer.toString(switch (refusal) {
            case UNKNOWN_SYMBOL, NO_MARKET_PRICE, QUANTITY_PRECISION, PRICE_OFF_TICK, QUANTITY_BELOW_MINIMUM,
                    UNSUPPORTED_STOP, POSITION_SIDE_MISMATCH, REDUCE_ONLY_IN_HEDGE_MODE, POST_ONLY_WOULD_TAKE -> 10001;
            case REQUEST_WEIGHT_SPENT, ORDER_RATE_SPENT -> 10006;
            case DUPLICATE_CLIENT_ID -> 110072;
            case MAX_OPEN_ORDERS -> 110020;
            case NOTIONAL_BELOW_MINIMUM -> 110094;
            case REDUCE_ONLY_WOULD_OPEN, CLOSE_EXCEEDS_LEG -> 110017;
            case MARGIN_INSUFFICIENT -> 110007;
            case CANCEL_UNKNOWN_ORDER, QUERY_UNKNOWN_ORDER -> 110001;
            case POSITION_MODE_UNCHANGED -> 110025;
            case POSITION_MODE_POSITION_OPEN -> 110024;
            case POSITION_MODE_ORDERS_OPEN -> 110028;
        });
    }

    @Override
    public String message(Refusal refusal, SymbolRules rules) {
        return switch (refusal) {
            case UNKNOWN_SYMBOL -> "params error: symbol invalid";
            case NO_MARKET_PRICE -> "params error: no market price";
            case QUANTITY_PRECISION -> "params error: qty invalid";
            case PRICE_OFF_TICK -> "params error: price invalid";
            case QUANTITY_BELOW_MINIMUM -> "params error: qty below the minimum";
            case UNSUPPORTED_STOP -> "params error: conditional order";
            case POSITION_SIDE_MISMATCH -> "params error: position idx not match position mode";
            case REDUCE_ONLY_IN_HEDGE_MODE -> "params error: reduceOnly";
            case POST_ONLY_WOULD_TAKE -> "EC_PostOnlyWillTakeLiquidity";
            case REQUEST_WEIGHT_SPENT, ORDER_RATE_SPENT -> "Too many visits!";
            case DUPLICATE_CLIENT_ID -> "OrderLinkedID is duplicate";
            case MAX_OPEN_ORDERS -> "Not allowed to have more than " + (rules == null ? 500 : rules.maxOpenOrders())
                    + " active orders.";
            case NOTIONAL_BELOW_MINIMUM -> "Order notional value below the lower limit";
            case REDUCE_ONLY_WOULD_OPEN, CLOSE_EXCEEDS_LEG -> "orderQty will be truncated to zero";
            case MARGIN_INSUFFICIENT -> "Available balance is insufficient";
            case CANCEL_UNKNOWN_ORDER, QUERY_UNKNOWN_ORDER -> "Order does not exist";
            case POSITION_MODE_UNCHANGED -> "Position mode has not been modified.";
            case POSITION_MODE_POSITION_OPEN -> "You have an existing position, so the position mode cannot be switched.";
            case POSITION_MODE_ORDERS_OPEN -> "You have existing open orders, so the position mode cannot be switched.";
        };
    }
}
