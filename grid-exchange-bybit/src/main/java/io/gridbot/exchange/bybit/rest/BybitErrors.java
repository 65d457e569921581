package io.gridbot.exchange.bybit.rest;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.wire.UnknownVenueValueException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Set;

/**
 * Every failure the adapter reports on a Bybit REST call is made here, as an {@link ExchangeException} of the
 * taxonomy carrying Bybit's {@code retCode} and {@code retMsg}: a refused answer, one refused item of a batch
 * ({@code retExtInfo.list[i]}), a transport failure, an answer that cannot be read. One rule above all: an answer
 * that does not say whether an order was created is {@link ExchangeErrorKind#TIMEOUT_UNKNOWN}, never a definite
 * failure, so the core asks by client id before it places that order again. On a create the adapter counts as such
 * Bybit's server timeout (10000) and server error (10016), every 5xx answer, a time-out and a broken connection.
 */
public final class BybitErrors {

    /** Codes after which a create may or may not have happened. */
    private static final Set<BybitErrorCode> OUTCOME_UNKNOWN = Set.of(BybitErrorCode.SERVER_TIMEOUT,
            BybitErrorCode.SERVER_ERROR);

    /** Bybit counts its limits per second: a refusal without a reset time holds back for one window. */
    public static final long DEFAULT_HOLD_MS = 1_000;

    private BybitErrors() {
    }

    /**
     * A refused answer to a request, as a whole.
     *
     * @param code Bybit's {@code retCode}, {@code null} when the body had none (a gateway's page)
     * @param msg  Bybit's {@code retMsg}, else {@code null}
     */
    public static ExchangeException answer(Endpoint endpoint, int status, Integer code, String msg) {
        ExchangeErrorKind kind = kindOf(endpoint.createsOrders(), status, code);
        String label = code != null ? code.toString() : "HTTP " + status;
        String text = msg != null && !msg.isBlank() ? msg : describe(kind, endpoint, status);
        return new ExchangeException(kind, label, text, kind == ExchangeErrorKind.RATE_LIMITED ? DEFAULT_HOLD_MS : 0);
    }

    /** One item of a batch ({@code retExtInfo.list[i]}) refused while the request itself went through. */
    public static ExchangeException item(Endpoint endpoint, int code, String msg) {
        ExchangeErrorKind kind = kindOf(endpoint.createsOrders(), 200, code);
        return new ExchangeException(kind, Integer.toString(code), msg,
                kind == ExchangeErrorKind.RATE_LIMITED ? DEFAULT_HOLD_MS : 0);
    }

    /**
     * The kind of a failed answer or item.
     *
     * @param creates whether the request creates orders (its outcome matters)
     * @param status  the HTTP status
     * @param code    Bybit's {@code retCode}, {@code null} when the body had none
     */
    public static ExchangeErrorKind kindOf(boolean creates, int status, Integer code) {
        BybitErrorCode known = code == null ? null : BybitErrorCode.of(code).orElse(null);
        if (creates && (known != null && OUTCOME_UNKNOWN.contains(known) || code == null && status >= 500)) {
            return ExchangeErrorKind.TIMEOUT_UNKNOWN;
        }
        if (code != null) {
            return known == null ? ExchangeErrorKind.OTHER : known.kind();
        }
        return switch (status) {
            case 401 -> ExchangeErrorKind.AUTHENTICATION;
            case 403, 429 -> ExchangeErrorKind.RATE_LIMITED; // 403: "access too frequent", the IP limit
            case 408 -> creates ? ExchangeErrorKind.TIMEOUT_UNKNOWN : ExchangeErrorKind.NETWORK;
            default -> ExchangeErrorKind.EXCHANGE_UNAVAILABLE;
        };
    }

    /** The request failed on the way (timeout, no connection, a broken connection). */
    public static ExchangeException transport(Endpoint endpoint, IOException e) {
        String call = endpoint.method() + " " + endpoint.path();
        if (e instanceof ConnectException || e instanceof UnknownHostException) {
            return new ExchangeException(ExchangeErrorKind.NETWORK, null, call + " could not connect: " + e.getClass().getSimpleName());
        }
        // A timeout or a broken connection after the request left: for a create, the order may exist.
        String what = e instanceof InterruptedIOException ? " timed out" : " failed: " + e.getClass().getSimpleName();
        return new ExchangeException(endpoint.createsOrders() ? ExchangeErrorKind.TIMEOUT_UNKNOWN : ExchangeErrorKind.NETWORK,
                null, call + what);
    }

    /** An answer without an item for one of the orders it was sent for: that order may exist. */
    public static ExchangeException missingItem() {
        return new ExchangeException(ExchangeErrorKind.TIMEOUT_UNKNOWN, null, "the answer had no entry for this order");
    }

    /** A create whose answer could not be read: the order may exist. */
    public static ExchangeException unclearCreate(ExchangeException unreadable) {
        return new ExchangeException(ExchangeErrorKind.TIMEOUT_UNKNOWN, null, unreadable.venueMessage());
    }

    /** An answer that is not the record it should be. */
    public static ExchangeException unreadable(Class<?> type) {
        return new ExchangeException(ExchangeErrorKind.EXCHANGE_UNAVAILABLE, null,
                "the venue's answer could not be read as " + type.getSimpleName());
    }

    /** An answer naming an order status, side or type the adapter does not know. */
    public static ExchangeException unknownValue(UnknownVenueValueException e) {
        return new ExchangeException(ExchangeErrorKind.EXCHANGE_UNAVAILABLE, null, e.getMessage());
    }

    /** A request the adapter refuses before sending it (off the tick or step, a bad id, reduce-only in hedge mode). */
    public static ExchangeException refusedLocally(ExchangeErrorKind kind, String why) {
        return new ExchangeException(kind, null, why);
    }

    private static String describe(ExchangeErrorKind kind, Endpoint endpoint, int status) {
        String call = endpoint.method() + " " + endpoint.path();
        return switch (kind) {
            case TIMEOUT_UNKNOWN -> call + " answered HTTP " + status + ": whether the order was placed is unknown";
            case AUTHENTICATION -> call + " was refused (HTTP " + status + ")";
            case RATE_LIMITED -> call + " was refused for the request rate (HTTP " + status + ")";
            default -> call + " failed (HTTP " + status + ")";
        };
    }
}
