package io.gridbot.core.fault;

/**
 * The venue-neutral error taxonomy: what went wrong with a request, in terms the core
 * can act on. Adapters map every venue code to one of these and keep the venue's own code and message.
 */
public enum ExchangeErrorKind {
    /** Not enough margin for the order: the grid stops opening, keeps exits. */
    INSUFFICIENT_BALANCE,
    /** Price or quantity off the tick or step, or out of the allowed range. */
    PRECISION,
    /** Order value under the venue's minimum notional. */
    MIN_NOTIONAL,
    /** A post-only (GTX) order would have taken liquidity. */
    POST_ONLY_WOULD_TAKE,
    /** A reduce-only order would have increased or flipped the position. */
    REDUCE_ONLY_REJECTED,
    /** Request weight or order count exceeded; may carry a retry-after. */
    RATE_LIMITED,
    /** The order is not known to the venue (already gone, or never existed). */
    UNKNOWN_ORDER,
    /** A client order id already used by an open order. */
    DUPLICATE_CLIENT_ID,
    /** The request timed out: the order may or may not exist. */
    TIMEOUT_UNKNOWN,
    /** The connection failed before the venue answered; the request did not take effect. */
    NETWORK,
    /** The key, signature or permissions were refused. */
    AUTHENTICATION,
    /** The venue is down, in maintenance or overloaded. */
    EXCHANGE_UNAVAILABLE,
    /** Too many open orders on the symbol. */
    MAX_OPEN_ORDERS,
    /** Anything the taxonomy does not name; the venue's code tells more. */
    OTHER;

    /** True when the order certainly does not exist on the venue after this error. */
    public boolean orderCertainlyAbsent() {
        return this != TIMEOUT_UNKNOWN && this != DUPLICATE_CLIENT_ID;
    }
}
