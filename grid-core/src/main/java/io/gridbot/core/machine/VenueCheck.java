package io.gridbot.core.machine;

/**
 * How often a running grid compares itself with its venue: the check that catches a stream failing unseen.
 */
public enum VenueCheck {
    /** Every minute of running, and soon after any doubt: for a real venue, whose streams can fail unseen. */
    PERIODIC,
    /**
     * Only after a doubt (a failed snapshot, an update for an untracked order): for an in-process simulator whose
     * streams deliver every change in order. The periodic comparison could never find a difference there, and in
     * a replay, where a minute of market time passes in microseconds, it would be most of the work.
     */
    ON_DOUBT
}
