package io.gridbot.exchange.okx.limits;

/**
 * One endpoint's documented limit: so many requests (or, on the batch endpoints, orders) per window, counted
 * per IP, per user, or per user and instrument.
 *
 * @param limit    how much the window allows
 * @param windowMs the window's length (two seconds for every endpoint the adapter uses)
 * @param scope    what the venue counts it against
 */
public record RateRule(int limit, long windowMs, Scope scope) {

    /** What a limit is counted against. */
    public enum Scope {
        /** Public endpoints: the caller's IP. */
        IP,
        /** Private endpoints: the user id (a sub-account has its own). */
        USER,
        /** Trading endpoints: the user id and the instrument. */
        USER_INSTRUMENT
    }

    public RateRule {
        if (limit <= 0 || windowMs <= 0) {
            throw new IllegalArgumentException("a rate rule needs a positive limit and window");
        }
    }

    /** {@code limit} requests per two seconds. */
    public static RateRule perTwoSeconds(int limit, Scope scope) {
        return new RateRule(limit, 2_000, scope);
    }
}
