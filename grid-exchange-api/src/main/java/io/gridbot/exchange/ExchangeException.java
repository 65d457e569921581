package io.gridbot.exchange;

import io.gridbot.core.fault.ExchangeErrorKind;
import java.util.Objects;

/**
 * A request the venue refused or that failed on the way: the venue-neutral kind the core acts
 * on, plus the venue's own code and message for people. Never carries keys, signatures or secrets.
 */
public final class ExchangeException extends Exception {

    private final ExchangeErrorKind kind;
    private final String venueCode;
    private final String venueMessage;
    private final long retryAfterMs;

    public ExchangeException(ExchangeErrorKind kind, String venueCode, String venueMessage, long retryAfterMs) {
        super(kind + (venueCode == null ? "" : " [" + venueCode + "]") + (venueMessage == null ? "" : ": " + venueMessage));
        this.kind = Objects.requireNonNull(kind, "kind");
        this.venueCode = venueCode;
        this.venueMessage = venueMessage;
        this.retryAfterMs = retryAfterMs;
    }

    public ExchangeException(ExchangeErrorKind kind, String venueCode, String venueMessage) {
        this(kind, venueCode, venueMessage, 0);
    }

    /** What went wrong, in the core's terms. */
    public ExchangeErrorKind kind() {
        return kind;
    }

    /** The venue's own error code, or {@code null}. */
    public String venueCode() {
        return venueCode;
    }

    /** The venue's own message, or {@code null}. */
    public String venueMessage() {
        return venueMessage;
    }

    /** How long the venue asked us to wait, 0 when it did not say. */
    public long retryAfterMs() {
        return retryAfterMs;
    }
}
