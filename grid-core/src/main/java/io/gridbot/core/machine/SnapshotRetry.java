package io.gridbot.core.machine;

import io.gridbot.core.fault.ExchangeErrorKind;

/**
 * When a snapshot that failed for a passing reason (a rate limit, the network, a timeout, the venue busy) is
 * asked again: after the venue's retry-after when it gives one, else after 1 s, doubling up to 30 s. A grid
 * is not paused for a venue that is briefly busy; after {@value #MAX_IN_A_ROW} failures in a row the reason is
 * no longer passing, and the grid pauses as on any fault.
 */
final class SnapshotRetry {

    static final int MAX_IN_A_ROW = 10;
    private static final long FIRST_MS = 1_000;
    private static final long LONGEST_MS = 30_000;

    private long dueAtMs = -1;
    private int inARow;

    /** Whether a failure of this kind may pass if the snapshot is asked again. */
    static boolean passing(ExchangeErrorKind kind) {
        return switch (kind) {
            case RATE_LIMITED, NETWORK, TIMEOUT_UNKNOWN, EXCHANGE_UNAVAILABLE -> true;
            default -> false;
        };
    }

    /** A failure at {@code nowMs}: schedules the next attempt, or gives up (false) after too many in a row. */
    boolean failed(long nowMs, long retryAfterMs) {
        inARow++;
        if (inARow > MAX_IN_A_ROW) {
            reset();
            return false;
        }
        long backoff = Math.min(LONGEST_MS, FIRST_MS << Math.min(inARow - 1, 5));
        dueAtMs = nowMs + Math.max(backoff, retryAfterMs);
        return true;
    }

    /** When the next attempt is due, or -1 when none waits. */
    long dueAtMs() {
        return dueAtMs;
    }

    boolean waiting() {
        return dueAtMs >= 0;
    }

    /** Whether the attempt is due now; taking it clears the wait. */
    boolean takeDue(long nowMs) {
        if (dueAtMs < 0 || nowMs < dueAtMs) {
            return false;
        }
        dueAtMs = -1;
        return true;
    }

    /** A snapshot came in: the failures in a row are over. */
    void reset() {
        dueAtMs = -1;
        inARow = 0;
    }
}
