package io.gridbot.exchange.okx.fake;

import io.gridbot.core.market.SymbolRules;
import io.gridbot.exchange.sim.Refusal;
import io.gridbot.exchange.sim.VenueDialect;

/**
 * OKX's answers to the simulator's refusals: the codes and messages of OKX's error tables (docs/okx.md), so the
 * fake OKX answers a refused order as OKX would. A post-only order that would take is no error on OKX (it is
 * accepted and cancelled at once, cancel source 31); the fake handles that case itself.
 */
final class OkxDialect implements VenueDialect {

    @Override
    public String code(Refusal refusal) {
        return switch (refusal) {
            case UNKNOWN_SYMBOL -> "51001";
            case REQUEST_WEIGHT_SPENT, ORDER_RATE_SPENT -> "50011";
            case DUPLICATE_CLIENT_ID -> "51016";
            case MAX_OPEN_ORDERS -> "51102";
            case NO_MARKET_PRICE -> "51109";
            case QUANTITY_PRECISION -> "51121";
            case PRICE_OFF_TICK -> "51150";
            case QUANTITY_BELOW_MINIMUM, NOTIONAL_BELOW_MINIMUM -> "51020";
            case REDUCE_ONLY_WOULD_OPEN -> "51169";
            case POST_ONLY_WOULD_TAKE -> "31";
            case MARGIN_INSUFFICIENT -> "51008";
            case CANCEL_UNKNOWN_ORDER -> "51400";
            case QUERY_UNKNOWN_ORDER -> "51603";
            case UNSUPPORTED_STOP, POSITION_SIDE_MISMATCH, REDUCE_ONLY_IN_HEDGE_MODE -> "51000";
            case CLOSE_EXCEEDS_LEG -> "51112";
            case POSITION_MODE_UNCHANGED, POSITION_MODE_POSITION_OPEN, POSITION_MODE_ORDERS_OPEN -> "59000";
        };
    }

    @Override
    public String message(Refusal refusal, SymbolRules rules) {
        return switch (refusal) {
            case UNKNOWN_SYMBOL -> "Instrument ID, Instrument ID code or Spread ID doesn't exist.";
            case REQUEST_WEIGHT_SPENT, ORDER_RATE_SPENT -> "Rate limit reached. Please refer to API documentation and throttle requests accordingly.";
            case DUPLICATE_CLIENT_ID -> "Client order ID already exists.";
            case MAX_OPEN_ORDERS -> "Order failed, the number of pending orders for this instId can’t be more than "
                    + (rules == null ? 500 : rules.maxOpenOrders()) + " (orders)";
            case NO_MARKET_PRICE -> "No available offers.";
            case QUANTITY_PRECISION -> "Order quantity must be a multiple of the lot size.";
            case PRICE_OFF_TICK -> "The precision of the number of trades or the price exceeds the limit.";
            case QUANTITY_BELOW_MINIMUM, NOTIONAL_BELOW_MINIMUM -> "Your order should meet or exceed the minimum order amount.";
            case REDUCE_ONLY_WOULD_OPEN -> "Order failed because you don't have any positions in this direction for this contract to reduce or close.";
            case POST_ONLY_WOULD_TAKE -> "The post-only order will take liquidity in taker orders";
            case MARGIN_INSUFFICIENT -> "Order failed. Insufficient USDT margin in account";
            case CANCEL_UNKNOWN_ORDER -> "Order cancellation failed as the order has been filled, canceled or does not exist.";
            case QUERY_UNKNOWN_ORDER -> "Order does not exist.";
            case UNSUPPORTED_STOP -> "Parameter closeFraction error";
            case POSITION_SIDE_MISMATCH -> "Parameter posSide error";
            case REDUCE_ONLY_IN_HEDGE_MODE -> "Parameter reduceOnly error";
            case CLOSE_EXCEEDS_LEG -> "Close order size exceeds available size for this position.";
            case POSITION_MODE_UNCHANGED, POSITION_MODE_POSITION_OPEN, POSITION_MODE_ORDERS_OPEN ->
                    "Settings failed. Close any open positions or orders before modifying settings.";
        };
    }
}
