package io.gridbot.exchange.okx.wire;

/**
 * OKX sent a value the adapter does not know where it matters (an order's state, side, type or position side).
 * Guessing would misstate an order, so the caller fails the request and has the grid resynchronise instead.
 */
public final class UnknownVenueValueException extends RuntimeException {

    public UnknownVenueValueException(String field, String value) {
        super("the venue sent an order " + field + " the adapter does not know: '" + value + "'");
    }
}
