package io.gridbot.exchange.bybit.wire;

/** A Bybit answer names a value (an order status, a side, a position index) the adapter does not know. */
public final class UnknownVenueValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnknownVenueValueException(String field, Object value) {
        super("the venue sent an unknown " + field + " '" + value + "'");
    }
}
