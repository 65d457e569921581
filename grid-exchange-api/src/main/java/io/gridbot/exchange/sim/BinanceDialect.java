package io.gridbot.exchange.sim;

import io.gridbot.core.market.SymbolRules;

/**
 * Binance USD-M futures' answers: the codes and messages its REST API refuses requests with, so an adapter
 * or a fake Binance server in front of the simulator sees what the real venue would send.
 */
public final class BinanceDialect implements VenueDialect {

    /** The dialect; it holds nothing, so one may serve any number of simulators. */
    public BinanceDialect() {
    }

    @Override
    public String code(Refusal refusal) {
        return switch (refusal) {
            case UNKNOWN_SYMBOL -> "-1121";
            case REQUEST_WEIGHT_SPENT -> "-1003";
            case ORDER_RATE_SPENT -> "-1015";
            case DUPLICATE_CLIENT_ID -> "-4116";
            case MAX_OPEN_ORDERS -> "-2025";
            case NO_MARKET_PRICE -> "-1";
            case QUANTITY_PRECISION -> "-1111";
            case PRICE_OFF_TICK -> "-4014";
            case QUANTITY_BELOW_MINIMUM -> "-4003";
            case NOTIONAL_BELOW_MINIMUM -> "-4164";
            case REDUCE_ONLY_WOULD_OPEN -> "-2022";
            case POST_ONLY_WOULD_TAKE -> "-5022";
            case MARGIN_INSUFFICIENT -> "-2019";
            case CANCEL_UNKNOWN_ORDER -> "-2011";
            case QUERY_UNKNOWN_ORDER -> "-2013";
            case UNSUPPORTED_STOP -> "-4120";
            case POSITION_SIDE_MISMATCH -> "-4061";
            case REDUCE_ONLY_IN_HEDGE_MODE -> "-1106";
            case CLOSE_EXCEEDS_LEG -> "-2022";
            case POSITION_MODE_UNCHANGED -> "-4059";
            case POSITION_MODE_POSITION_OPEN -> "-4068";
            case POSITION_MODE_ORDERS_OPEN -> "-4067";
        };
    }

    @Override
    public String message(Refusal refusal, SymbolRules rules) {
        return switch (refusal) {
            case UNKNOWN_SYMBOL -> "Invalid symbol.";
            case REQUEST_WEIGHT_SPENT -> "Too many requests; current limit of IP is exceeded.";
            case ORDER_RATE_SPENT -> "Too many new orders.";
            case DUPLICATE_CLIENT_ID -> "ClientOrderId is duplicated.";
            case MAX_OPEN_ORDERS -> "Reach max open order limit.";
            case NO_MARKET_PRICE -> "no market price yet";
            case QUANTITY_PRECISION -> "Precision is over the maximum defined for this asset.";
            case PRICE_OFF_TICK -> "Price not increased by tick size.";
            case QUANTITY_BELOW_MINIMUM -> "Quantity less than minimum quantity.";
            case NOTIONAL_BELOW_MINIMUM -> "Order's notional must be no smaller than " + rules.minNotional().toPlainString();
            case REDUCE_ONLY_WOULD_OPEN -> "ReduceOnly Order is rejected.";
            case POST_ONLY_WOULD_TAKE -> "Due to the order could not be executed as maker, the Post Only order will be rejected.";
            case MARGIN_INSUFFICIENT -> "Margin is insufficient.";
            case CANCEL_UNKNOWN_ORDER -> "Unknown order sent.";
            case QUERY_UNKNOWN_ORDER -> "Order does not exist.";
            case UNSUPPORTED_STOP -> "only close-position stops are supported";
            case POSITION_SIDE_MISMATCH -> "Order's position side does not match user's setting.";
            case REDUCE_ONLY_IN_HEDGE_MODE -> "Parameter 'reduceOnly' sent when not required.";
            case CLOSE_EXCEEDS_LEG -> "ReduceOnly Order is rejected.";
            case POSITION_MODE_UNCHANGED -> "No need to change position side.";
            case POSITION_MODE_POSITION_OPEN -> "Position side cannot be changed if there exists position.";
            case POSITION_MODE_ORDERS_OPEN -> "Position side cannot be changed if there exists open orders.";
        };
    }
}
