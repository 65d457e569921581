package io.gridbot.runner.notify;

import java.util.OptionalLong;

/**
 * What a receiver answered to one delivery: its HTTP status, a short excerpt of what it said (already cleared of
 * any secret), and how long it asked to be left alone, when it did.
 *
 * @param status       the HTTP status
 * @param said         at most a line of the answer's body, or its error description
 * @param retryAfterMs the wait a 429 or 503 asked for ({@code Retry-After}, or Telegram's {@code retry_after})
 */
public record Answer(int status, String said, OptionalLong retryAfterMs) {

    /** Delivered. */
    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** A failure worth another attempt: the receiver is down, overloaded or asked to wait. */
    public boolean retryable() {
        return status == 429 || status >= 500;
    }
}
