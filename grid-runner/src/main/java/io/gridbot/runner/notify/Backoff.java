package io.gridbot.runner.notify;

import java.util.random.RandomGenerator;

/**
 * How often and how far apart a failed delivery is tried again: exponential from {@code firstMs}, doubled per
 * attempt up to {@code maxMs}, each wait drawn between half of it and all of it (jitter, so receivers that
 * came back are not hit by every daemon at once), and no more than {@code attempts} attempts in all.
 *
 * @param attempts the most attempts, the first included (at least 1)
 * @param firstMs  the wait after the first failure, before jitter
 * @param maxMs    the longest wait, before jitter; also the most a receiver's {@code Retry-After} is honoured for
 */
public record Backoff(int attempts, long firstMs, long maxMs) {

    /** Six attempts over about a minute: 1, 2, 4, 8 and 16 s (each jittered), at most 60 s. */
    public static final Backoff DEFAULT = new Backoff(6, 1_000, 60_000);

    public Backoff {
        if (attempts < 1 || firstMs < 0 || maxMs < firstMs) {
            throw new IllegalArgumentException("a backoff needs at least one attempt and 0 <= firstMs <= maxMs");
        }
    }

    /** The wait after failed attempt {@code attempt} (1 for the first), jittered by {@code random}. */
    public long waitAfter(int attempt, RandomGenerator random) {
        long full = firstMs;
        for (int i = 1; i < attempt && full < maxMs; i++) {
            full = Math.min(maxMs, full * 2);
        }
        long half = full / 2;
        return half + (full - half == 0 ? 0 : random.nextLong(full - half + 1));
    }

    /** A receiver's own wait ({@code Retry-After}), bounded by {@link #maxMs}. */
    public long honoured(long retryAfterMs) {
        return Math.max(0, Math.min(maxMs, retryAfterMs));
    }
}
