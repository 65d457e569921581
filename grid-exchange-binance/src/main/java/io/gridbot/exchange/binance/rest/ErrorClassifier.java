package io.gridbot.exchange.binance.rest;

import io.gridbot.core.fault.ExchangeErrorKind;
import java.util.Set;

/**
 * Sorts a failed answer into the taxonomy, with one rule above all: an answer that does not say whether an
 * order was created is {@link ExchangeErrorKind#TIMEOUT_UNKNOWN}, never a definite failure, so the core asks by
 * client id before it places that order again. Binance documents every 5xx as "execution status unknown"
 * except 503 "Service Unavailable." and -1008 (system throttling), which are definite; and the codes -1000,
 * -1001, -1006 and -1007 leave the outcome open whatever the HTTP status, also on one item of a batch.
 * Rate limits (429, 418) are the client's to handle, as they also change its pacing.
 */
public final class ErrorClassifier {

    /** Codes after which a create may or may not have happened. */
    private static final Set<Integer> OUTCOME_UNKNOWN = Set.of(
            BinanceErrorCode.UNKNOWN.code(), BinanceErrorCode.DISCONNECTED.code(),
            BinanceErrorCode.UNEXPECTED_RESPONSE.code(), BinanceErrorCode.TIMEOUT.code());

    private ErrorClassifier() {
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

    /** The kind of one item of a batch answered {@code {code,msg}} (the batch itself was answered 200). */
    public static ExchangeErrorKind kindOfBatchItem(int code) {
        return OUTCOME_UNKNOWN.contains(code) ? ExchangeErrorKind.TIMEOUT_UNKNOWN : BinanceErrorCode.kindOf(code);
    }

    /** The 5xx answers Binance documents as definite failures: nothing was done. */
    private static boolean definite(int status, Integer code, String text) {
        return code != null && code == BinanceErrorCode.SERVER_BUSY.code()
                || status == 503 && text != null && text.strip().startsWith("Service Unavailable");
    }
}
