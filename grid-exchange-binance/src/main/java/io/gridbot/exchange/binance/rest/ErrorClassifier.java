package io.gridbot.exchange.binance.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.wire.UnknownVenueValueException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure the adapter reports on a REST call is made here, as an {@link ExchangeException} of the
 * taxonomy: a refused answer (whole, or one item of a batch), a transport failure, an answer that cannot be
 * read. One rule above all: an answer that does not say whether an order was created is
 * {@link ExchangeErrorKind#TIMEOUT_UNKNOWN}, never a definite failure, so the core asks by client id before it
 * places that order again. Binance documents every 5xx as "execution status unknown" except 503 "Service
 * Unavailable." and -1008 (system throttling), which are definite; and the codes -1000, -1001, -1006 and -1007
 * leave the outcome open whatever the HTTP status, also on one item of a batch. Rate limits (429, 418) also
 * change the client's pacing: the refusal says which requests to hold back, and for how long.
 */
public final class ErrorClassifier {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorClassifier.class);

    /** Codes after which a create may or may not have happened. */
    private static final Set<Integer> OUTCOME_UNKNOWN = Set.of(
            BinanceErrorCode.UNKNOWN.code(), BinanceErrorCode.DISCONNECTED.code(),
            BinanceErrorCode.UNEXPECTED_RESPONSE.code(), BinanceErrorCode.TIMEOUT.code());

    /** Which requests a refusal holds back. */
    public enum Hold {
        /** None: the refusal does not change the pacing. */
        NONE,
        /** Every request: the IP's request rate (-1003, 429) or a ban (418). */
        EVERY_REQUEST,
        /** New grid orders only: the account's order rate (-1015, a 429 on an order endpoint). */
        NEW_ORDERS
    }

    /** A refused answer: the error to report and the back-off it calls for. */
    public record Refusal(ExchangeException error, Hold hold, long holdMs) {
    }

    private ErrorClassifier() {
    }

    /**
     * A failed answer to a request.
     *
     * @param retryAfter the {@code Retry-After} header, or {@code null}
     * @param node       the parsed body, {@code null} when it was not JSON
     * @param body       the raw body
     */
    public static Refusal answer(Endpoint endpoint, int status, String retryAfter, JsonNode node, String body) {
        long retryAfterMs = retryAfterMs(retryAfter);
        String code = node != null && node.has("code") ? node.path("code").asText() : null;
        String msg = node != null && node.has("msg") ? node.path("msg").asText() : null;
        if (status == 429 || status == 418) {
            long wait = retryAfterMs > 0 ? retryAfterMs : status == 418 ? 120_000 : 30_000;
            // An order endpoint carries no IP weight: its 429 is the account's order rate, not the IP's.
            boolean orderRate = status == 429 && (BinanceErrorCode.TOO_MANY_ORDERS.code() + "").equals(code)
                    || status == 429 && code == null && endpoint.createsOrders();
            LOG.warn("the venue answered HTTP {} to {} {}: backing off {} for {} ms", status, endpoint.method(),
                    endpoint.path(), orderRate ? "new orders" : "every request", wait);
            return new Refusal(new ExchangeException(ExchangeErrorKind.RATE_LIMITED, code != null ? code : "HTTP " + status,
                    msg != null ? msg : status == 418 ? "IP banned" : "Too many requests", wait),
                    orderRate ? Hold.NEW_ORDERS : Hold.EVERY_REQUEST, wait);
        }
        Integer venueCode = node != null && node.path("code").isInt() ? node.path("code").asInt() : null;
        String text = msg != null ? msg : body == null || body.isBlank() ? null : body;
        ExchangeErrorKind kind = kindOf(endpoint.createsOrders(), status, venueCode, text);
        Hold hold = Hold.NONE;
        long holdMs = 0;
        if (kind == ExchangeErrorKind.RATE_LIMITED) {
            holdMs = retryAfterMs > 0 ? retryAfterMs : 30_000;
            hold = venueCode != null && venueCode == BinanceErrorCode.TOO_MANY_ORDERS.code() ? Hold.NEW_ORDERS : Hold.EVERY_REQUEST;
        }
        String label = code != null ? code : "HTTP " + status;
        return new Refusal(new ExchangeException(kind, label, msg != null ? msg : describe(kind, endpoint, status), retryAfterMs),
                hold, holdMs);
    }

    /** The request failed on the way (timeout, no connection, a broken connection). */
    public static ExchangeException transport(Endpoint endpoint, IOException e) {
        String call = endpoint.method() + " " + endpoint.path();
        if (e instanceof InterruptedIOException) {
            // A timeout after the request left: for a create, the order may exist.
            return new ExchangeException(endpoint.createsOrders() ? ExchangeErrorKind.TIMEOUT_UNKNOWN : ExchangeErrorKind.NETWORK,
                    null, call + " timed out");
        }
        if (e instanceof java.net.ConnectException || e instanceof java.net.UnknownHostException) {
            return new ExchangeException(ExchangeErrorKind.NETWORK, null, call + " could not connect: " + e.getClass().getSimpleName());
        }
        // The connection broke after the request may have left: a create's outcome is unknown.
        return new ExchangeException(endpoint.createsOrders() ? ExchangeErrorKind.TIMEOUT_UNKNOWN : ExchangeErrorKind.NETWORK,
                null, call + " failed: " + e.getClass().getSimpleName());
    }

    /** One item of a batch answered {@code {code,msg}} (the batch itself was answered 200). */
    public static ExchangeException batchItem(int code, String msg) {
        ExchangeErrorKind kind = OUTCOME_UNKNOWN.contains(code) ? ExchangeErrorKind.TIMEOUT_UNKNOWN : BinanceErrorCode.kindOf(code);
        return new ExchangeException(kind, Integer.toString(code), msg);
    }

    /** A batch answer without an entry for one of its orders: that order may exist. */
    public static ExchangeException missingBatchItem() {
        return new ExchangeException(ExchangeErrorKind.TIMEOUT_UNKNOWN, null, "the batch answer had no entry for this order");
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

    /** An answer that should be a list and is not. */
    public static ExchangeException notAList(Class<?> type) {
        return new ExchangeException(ExchangeErrorKind.EXCHANGE_UNAVAILABLE, null,
                "the venue answered with something other than a list of " + type.getSimpleName());
    }

    /** An answer naming an order status or side the adapter does not know. */
    public static ExchangeException unknownValue(UnknownVenueValueException e) {
        return new ExchangeException(ExchangeErrorKind.EXCHANGE_UNAVAILABLE, null, e.getMessage());
    }

    /** A symbol the venue does not list, as Binance itself answers for one. */
    public static ExchangeException unknownSymbol() {
        return new ExchangeException(ExchangeErrorKind.OTHER, "-1121", "Invalid symbol.");
    }

    /**
     * The kind of a failed answer (not a 429 or 418).
     *
     * @param creates whether the request creates orders (its outcome matters)
     * @param status  the HTTP status
     * @param code    Binance's code, {@code null} when the body had none (a gateway's page)
     * @param text    Binance's {@code msg}, else the body, else {@code null}
     */
    public static ExchangeErrorKind kindOf(boolean creates, int status, Integer code, String text) {
        if (creates && (code != null && OUTCOME_UNKNOWN.contains(code) || status >= 500 && !definite(status, code, text))) {
            return ExchangeErrorKind.TIMEOUT_UNKNOWN;
        }
        if (code != null) {
            return BinanceErrorCode.kindOf(code);
        }
        return switch (status) {
            case 408 -> creates ? ExchangeErrorKind.TIMEOUT_UNKNOWN : ExchangeErrorKind.NETWORK;
            case 401 -> ExchangeErrorKind.AUTHENTICATION;
            case 403 -> ExchangeErrorKind.OTHER;
            default -> ExchangeErrorKind.EXCHANGE_UNAVAILABLE;
        };
    }

    /** The 5xx answers Binance documents as definite failures: nothing was done. */
    private static boolean definite(int status, Integer code, String text) {
        return code != null && code == BinanceErrorCode.SERVER_BUSY.code()
                || status == 503 && text != null && text.strip().startsWith("Service Unavailable");
    }

    /** A message for an answer without Binance's own (a gateway's page, an empty body). */
    private static String describe(ExchangeErrorKind kind, Endpoint endpoint, int status) {
        return switch (kind) {
            case TIMEOUT_UNKNOWN -> endpoint.method() + " " + endpoint.path() + " answered HTTP " + status
                    + ": execution status unknown";
            case AUTHENTICATION -> "API key refused";
            case OTHER -> status == 403 ? "refused by the venue's firewall" : endpoint.method() + " " + endpoint.path() + " failed";
            default -> endpoint.method() + " " + endpoint.path() + " failed";
        };
    }

    private static long retryAfterMs(String header) {
        if (header == null) {
            return 0;
        }
        try {
            return Long.parseLong(header.trim()) * 1_000;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
