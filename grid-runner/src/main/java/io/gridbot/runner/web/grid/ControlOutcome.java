package io.gridbot.runner.web.grid;

import io.gridbot.runner.store.ControlRequests;

/**
 * What became of a start, pause, resume or stop, as the API answers it and the CLI prints it.
 *
 * @param result   {@code done}, {@code refused} (refused, failed or nothing to do), {@code unanswered} (no daemon
 *                 took it in time; it expired) or {@code unsettled} (taken, but the grid does not run yet)
 * @param outcome  what the daemon said, when it was done or is unsettled; else {@code null}
 * @param error    why nothing was done, when refused or unanswered; else {@code null}
 * @param waitedMs how long the requester waited for the last step
 */
public record ControlOutcome(String result, String outcome, String error, long waitedMs) {

    /** Carried out. */
    public static final String DONE = "done";
    /** Refused, failed, or nothing to do. */
    public static final String REFUSED = "refused";
    /** No daemon took it in time. */
    public static final String UNANSWERED = "unanswered";
    /** Taken, but not final when the wait ended. */
    public static final String UNSETTLED = "unsettled";

    /** The outcome of a request sent through the database. */
    public static ControlOutcome of(ControlRequests.Reply reply) {
        return switch (reply) {
            case ControlRequests.Acknowledged ack when ack.refused() -> new ControlOutcome(REFUSED, null, ack.outcome(), 0);
            case ControlRequests.Acknowledged ack -> new ControlOutcome(DONE, ack.outcome(), null, 0);
            case ControlRequests.Unanswered u -> new ControlOutcome(UNANSWERED, null, u.message(), u.waitedMs());
            case ControlRequests.Unsettled u -> new ControlOutcome(UNSETTLED, u.outcome(), null, u.waitedMs());
        };
    }

    /** Whether the request was carried out. */
    public boolean done() {
        return DONE.equals(result);
    }
}
