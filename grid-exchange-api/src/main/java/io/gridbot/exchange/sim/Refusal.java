package io.gridbot.exchange.sim;

import io.gridbot.core.fault.ExchangeErrorKind;

/**
 * Why the simulated venue refuses a request, in its own terms, with the venue-neutral kind the core acts
 * on. A {@link VenueDialect} says which code and message a given venue answers each one with.
 */
public enum Refusal {
    /** The symbol is not listed. */
    UNKNOWN_SYMBOL(ExchangeErrorKind.OTHER),
    /** The request-weight window is spent; every request is refused until it rolls over. */
    REQUEST_WEIGHT_SPENT(ExchangeErrorKind.RATE_LIMITED),
    /** The order-rate window is spent; creates are refused until it rolls over. */
    ORDER_RATE_SPENT(ExchangeErrorKind.RATE_LIMITED),
    /** An open order or stop already has the client id. */
    DUPLICATE_CLIENT_ID(ExchangeErrorKind.DUPLICATE_CLIENT_ID),
    /** The symbol's open-order cap is reached. */
    MAX_OPEN_ORDERS(ExchangeErrorKind.MAX_OPEN_ORDERS),
    /** A market order before the market has a price. */
    NO_MARKET_PRICE(ExchangeErrorKind.EXCHANGE_UNAVAILABLE),
    /** The quantity is missing, not positive, or off the step. */
    QUANTITY_PRECISION(ExchangeErrorKind.PRECISION),
    /** The price (or a stop's trigger) is not positive or off the tick. */
    PRICE_OFF_TICK(ExchangeErrorKind.PRECISION),
    /** The quantity is below the symbol's minimum. */
    QUANTITY_BELOW_MINIMUM(ExchangeErrorKind.PRECISION),
    /** The notional is below the symbol's minimum (never for a reduce-only order). */
    NOTIONAL_BELOW_MINIMUM(ExchangeErrorKind.MIN_NOTIONAL),
    /** A reduce-only order with nothing to reduce on its side. */
    REDUCE_ONLY_WOULD_OPEN(ExchangeErrorKind.REDUCE_ONLY_REJECTED),
    /** A post-only (GTX) order that would take. */
    POST_ONLY_WOULD_TAKE(ExchangeErrorKind.POST_ONLY_WOULD_TAKE),
    /** The initial margin exceeds what is available. */
    MARGIN_INSUFFICIENT(ExchangeErrorKind.INSUFFICIENT_BALANCE),
    /** A cancel of an order (or stop) that is not open. */
    CANCEL_UNKNOWN_ORDER(ExchangeErrorKind.UNKNOWN_ORDER),
    /** A query of an order the venue has no record of. */
    QUERY_UNKNOWN_ORDER(ExchangeErrorKind.UNKNOWN_ORDER),
    /** A protective stop that is not a close-position STOP_MARKET. */
    UNSUPPORTED_STOP(ExchangeErrorKind.OTHER),
    /** An order's position side does not fit the account's mode: BOTH in hedge mode, LONG or SHORT in one-way. */
    POSITION_SIDE_MISMATCH(ExchangeErrorKind.OTHER),
    /** A reduce-only flag in hedge mode, where an order closes its own leg by its side and position side. */
    REDUCE_ONLY_IN_HEDGE_MODE(ExchangeErrorKind.OTHER),
    /** A hedge-mode close (SELL LONG, BUY SHORT) of more than its leg holds; the same kind as a reduce-only refusal. */
    CLOSE_EXCEEDS_LEG(ExchangeErrorKind.REDUCE_ONLY_REJECTED),
    /** A position-mode change to the mode the account is in. */
    POSITION_MODE_UNCHANGED(ExchangeErrorKind.OTHER),
    /** A position-mode change while the account holds a position. */
    POSITION_MODE_POSITION_OPEN(ExchangeErrorKind.OTHER),
    /** A position-mode change while the account has open orders. */
    POSITION_MODE_ORDERS_OPEN(ExchangeErrorKind.OTHER);

    private final ExchangeErrorKind kind;

    Refusal(ExchangeErrorKind kind) {
        this.kind = kind;
    }

    /** The venue-neutral kind of the refusal. */
    public ExchangeErrorKind kind() {
        return kind;
    }
}
