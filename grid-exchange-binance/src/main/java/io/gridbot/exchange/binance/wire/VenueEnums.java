package io.gridbot.exchange.binance.wire;

import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.Side;

/** Binance's enum strings in neutral terms; unknown values map conservatively rather than failing. */
public final class VenueEnums {

    private VenueEnums() {
    }

    public static OrderStatus status(String venue) {
        return switch (venue == null ? "" : venue) {
            case "NEW" -> OrderStatus.NEW;
            case "PARTIALLY_FILLED" -> OrderStatus.PARTIALLY_FILLED;
            case "FILLED" -> OrderStatus.FILLED;
            case "CANCELED" -> OrderStatus.CANCELED;
            case "REJECTED" -> OrderStatus.REJECTED;
            // EXPIRED_IN_MATCH is self-trade prevention; algo orders finish as FINISHED / EXPIRED
            default -> OrderStatus.EXPIRED;
        };
    }

    public static OrderType type(String venue) {
        return switch (venue == null ? "" : venue) {
            case "LIMIT" -> OrderType.LIMIT;
            case "MARKET", "LIQUIDATION" -> OrderType.MARKET;
            default -> OrderType.STOP_MARKET; // STOP, STOP_MARKET, TAKE_PROFIT*, TRAILING_STOP_MARKET
        };
    }

    public static Side side(String venue) {
        return "SELL".equals(venue) ? Side.SELL : Side.BUY;
    }
}
