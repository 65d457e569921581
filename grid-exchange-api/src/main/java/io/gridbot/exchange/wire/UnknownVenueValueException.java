package io.gridbot.exchange.wire;

/**
 * A venue sent a value its adapter does not know where it matters (an order's status or state, side, type or
 * position side). Guessing would misstate an order (a silent EXPIRED, a BUY for a SELL), so the caller fails the
 * request and has the grid resynchronise instead.
 */
public final class UnknownVenueValueException extends RuntimeException {

    public UnknownVenueValueException(String field, String value) {
        super("the venue sent an order " + field + " the adapter does not know: '" + value + "'");
    }
}
