package io.gridbot.exchange.okx.rest;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.wire.UnknownVenueValueException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Set;

/**
 * Every failure the adapter reports on an OKX REST call is made here, as an {@link ExchangeException} of the
 * taxonomy carrying OKX's code and message: a refused answer ({@code code} / {@code msg}), one refused item of an
 * answer ({@code sCode} / {@code sMsg}), a transport failure, an answer that cannot be read. One rule above all:
 * an answer that does not say whether an order was created is {@link ExchangeErrorKind#TIMEOUT_UNKNOWN}, never a
 * definite failure, so the core asks by client id before it places that order again. OKX documents two codes as
 * "does not mean that the request was successful or failed" (50004, 51149); on a create the adapter counts with
 * them every 5xx answer, its system error (50026) and its request time-out (51054), since none of those says
 * the order was not made. A rate-limit refusal also says what to hold back, and for how long.
 */
public final class OkxErrors {

    /** Codes after which a create may or may not have happened. */
    private static final Set<OkxErrorCode> OUTCOME_UNKNOWN = Set.of(OkxErrorCode.ENDPOINT_TIMEOUT,
            OkxErrorCode.ORDER_TIMED_OUT, OkxErrorCode.SYSTEM_ERROR, OkxErrorCode.REQUEST_TIMED_OUT);

    /** OKX counts its limits in two-second windows and sends no Retry-After: a refusal holds back for one. */
    public static final long DEFAULT_HOLD_MS = 2_000;

    /** Which requests a refusal holds back. */
    public enum Hold {
        /** None: the refusal does not change the pacing. */
        NONE,
        /** The endpoint (on the instrument, where the limit counts per instrument): 50011, an HTTP 429. */
        ENDPOINT,
        /** New grid orders: the sub-account's order rate (50061). */
        NEW_ORDERS
    }

    /** A refused answer: the error to report and the back-off it calls for. */
    public record Refusal(ExchangeException error, Hold hold, long holdMs) {
    }

    private OkxErrors() {
    }

    /**
     * A refused answer to a request, as a whole.
     *
     * @param code OKX's {@code code}, {@code null} when the body had none (a gateway's page)
     * @param msg  OKX's {@code msg}, else {@code null}
     */
    public static Refusal answer(Endpoint endpoint, int status, String code, String msg) {
        ExchangeErrorKind kind = kindOf(endpoint.createsOrders(), status, code);
        String label = code != null ? code : "HTTP " + status;
        String text = msg != null && !msg.isBlank() ? msg : describe(kind, endpoint, status);
        if (kind != ExchangeErrorKind.RATE_LIMITED) {
            return new Refusal(new ExchangeException(kind, label, text), Hold.NONE, 0);
        }
        Hold hold = OkxErrorCode.SUB_ACCOUNT_ORDER_RATE.is(code) ? Hold.NEW_ORDERS : Hold.ENDPOINT;
        return new Refusal(new ExchangeException(kind, label, text, DEFAULT_HOLD_MS), hold, DEFAULT_HOLD_MS);
    }

    /** One item of an answer ({@code sCode} / {@code sMsg}) refused while the request itself went through. */
    public static ExchangeException item(Endpoint endpoint, String sCode, String sMsg) {
        ExchangeErrorKind kind = kindOf(endpoint.createsOrders(), 200, sCode);
        return new ExchangeException(kind, sCode, sMsg, kind == ExchangeErrorKind.RATE_LIMITED ? DEFAULT_HOLD_MS : 0);
    }

    /**
     * The kind of a failed answer or item.
     *
     * @param creates whether the request creates orders (its outcome matters)
     * @param status  the HTTP status
     * @param code    OKX's code, {@code null} when the body had none
     */
    public static ExchangeErrorKind kindOf(boolean creates, int status, String code) {
        OkxErrorCode known = OkxErrorCode.of(code).orElse(null);
        if (creates && (known != null && OUTCOME_UNKNOWN.contains(known) || code == null && status >= 500)) {
            return ExchangeErrorKind.TIMEOUT_UNKNOWN;
        }
        if (code != null) {
            return known == null ? ExchangeErrorKind.OTHER : known.kind();
        }
        return switch (status) {
            case 401, 403 -> ExchangeErrorKind.AUTHENTICATION;
            case 429 -> ExchangeErrorKind.RATE_LIMITED;
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

    /** An answer naming an order state, side or type the adapter does not know. */
    public static ExchangeException unknownValue(UnknownVenueValueException e) {
        return new ExchangeException(ExchangeErrorKind.EXCHANGE_UNAVAILABLE, null, e.getMessage());
    }

    /** A request the adapter refuses before sending it (a quantity that is no whole number of lots, a bad id). */
    public static ExchangeException refusedLocally(ExchangeErrorKind kind, String why) {
        return new ExchangeException(kind, null, why);
    }

    /** A message for an answer without OKX's own (a gateway's page, an empty body). */
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
