package io.gridbot.core.ratelimit;

import java.util.ArrayDeque;

/**
 * After a rate-limit rejection no new order is sent for 30 s (or the venue's
 * retry-after if longer); more than 3 hits within 10 minutes slow the refresh from its base to 3 s.
 */
public final class RateLimitGovernor {

    /** The global pause after a rate-limit hit. */
    public static final long PAUSE_MS = 30_000;
    /** The window in which hits are counted. */
    public static final long WINDOW_MS = 600_000;
    /** More hits than this in the window slow the refresh. */
    public static final int HITS_BEFORE_SLOWDOWN = 3;
    /** The slowed refresh interval. */
    public static final long SLOW_REFRESH_MS = 3_000;

    private final ArrayDeque<Long> hits = new ArrayDeque<>();
    private long pausedUntilMs;

    /** Records a hit at this time; returns when sending may resume. */
    public long hit(long nowMs, long retryAfterMs) {
        hits.addLast(nowMs);
        pausedUntilMs = Math.max(pausedUntilMs, nowMs + Math.max(PAUSE_MS, retryAfterMs));
        return pausedUntilMs;
    }

    /** True while new orders must not be sent. */
    public boolean paused(long nowMs) {
        return nowMs < pausedUntilMs;
    }

    /** When the current pause ends (in the past when there is none). */
    public long pausedUntilMs() {
        return pausedUntilMs;
    }

    /** The refresh interval to use now: the base, or 3 s after frequent hits. */
    public long refreshIntervalMs(long nowMs, long baseMs) {
        while (!hits.isEmpty() && hits.peekFirst() <= nowMs - WINDOW_MS) {
            hits.removeFirst();
        }
        return hits.size() > HITS_BEFORE_SLOWDOWN ? Math.max(baseMs, SLOW_REFRESH_MS) : baseMs;
    }
}
