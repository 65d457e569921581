package io.gridbot.exchange.binance.wire;

import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.Side;

/**
 * Binance's enum strings in neutral terms. A status or side the adapter does not know throws
 * {@link UnknownVenueValueException}: the grid resynchronises rather than act on a guess. Types map
 * conservatively (every conditional type is a stop).
 */
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
            // EXPIRED_IN_MATCH: expired by self-trade prevention
            case "EXPIRED", "EXPIRED_IN_MATCH" -> OrderStatus.EXPIRED;
            default -> throw new UnknownVenueValueException("status", venue);
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
        return switch (venue == null ? "" : venue) {
            case "BUY" -> Side.BUY;
            case "SELL" -> Side.SELL;
            default -> throw new UnknownVenueValueException("side", venue);
        };
    }
}
