package io.gridbot.runner.store;

import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.runtime.GridRuntimeRepository.ControlRequest;
import io.gridbot.persistence.runtime.GridRuntimeRepository.Settlement;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Sends a start, pause, resume or stop to whichever daemon runs the grid, through the {@code grid_control}
 * table, and waits a bounded time for its outcome. The CLI and the dashboard both use it, so a button
 * works for a grid on another host exactly as {@code grid pause} does. A request that no daemon takes within
 * the wait expires: it is never carried out later, whenever a daemon next starts. A start's outcome is final
 * once its grid runs or has ended.
 */
public final class ControlRequests {

    private static final long POLL_MS = 50;

    /** What became of a request. */
    public sealed interface Reply {
    }

    /**
     * A daemon took the request and gave its final outcome.
     *
     * @param outcome    what it said, e.g. "pause accepted by alice@host/123: orders and position kept"
     * @param settlement whether it was done, changed nothing, was refused or failed
     */
    public record Acknowledged(String outcome, Settlement settlement) implements Reply {
        /** Whether nothing, or not what was asked, was done: refused, failed, or nothing to do. */
        public boolean refused() {
            return !settlement.succeeded();
        }
    }

    /**
     * No daemon took the request in time; it expired and is never carried out.
     *
     * @param waitedMs how long was waited
     */
    public record Unanswered(long waitedMs) implements Reply {
        /** What to tell the requester. */
        public String message() {
            return "no daemon answered within " + seconds(waitedMs) + " s; the request expired";
        }
    }

    /**
     * A daemon took the request but had no final outcome in time (a start whose grid still initialises).
     *
     * @param outcome  what it said so far
     * @param waitedMs how long was waited for the outcome
     */
    public record Unsettled(String outcome, long waitedMs) implements Reply {
    }

    private ControlRequests() {
    }

    /** As {@link #send(Database, long, Control, String, long, long, LongSupplier)}, waiting {@code waitMs} for each step. */
    public static Reply send(Database db, long gridId, Control action, String requestedBy, long waitMs)
            throws InterruptedException {
        return send(db, gridId, action, requestedBy, waitMs, waitMs, System::currentTimeMillis);
    }

    /**
     * Leaves the request, to be taken by a daemon within {@code takeWithinMs} or never, then waits at most
     * {@code outcomeWithinMs} for its final outcome (a start's: until its grid runs or has ended).
     *
     * @param clock the time waits are measured with
     */
    public static Reply send(Database db, long gridId, Control action, String requestedBy, long takeWithinMs,
            long outcomeWithinMs, LongSupplier clock) throws InterruptedException {
        long asked = clock.getAsLong();
        long id = db.runtime().requestControl(gridId, action, requestedBy, asked, asked + takeWithinMs);
        Optional<ControlRequest> request = waitFor(db, id, asked + takeWithinMs, clock, ControlRequest::acknowledged);
        if (request.isEmpty()) {
            if (db.runtime().expire(id, "expired: no daemon took it within " + seconds(takeWithinMs) + " s",
                    clock.getAsLong())) {
                return new Unanswered(takeWithinMs);
            }
            request = db.runtime().request(id); // a daemon took it at the last moment: its outcome counts
        }
        if (request.get().settlement() == Settlement.EXPIRED) {
            return new Unanswered(takeWithinMs);
        }
        if (!request.get().settled()) {
            request = waitFor(db, id, clock.getAsLong() + outcomeWithinMs, clock, ControlRequest::settled)
                    .or(() -> db.runtime().request(id));
        }
        ControlRequest r = request.orElseThrow();
        return r.settled() ? new Acknowledged(r.outcome(), r.settlement()) : new Unsettled(r.outcome(), outcomeWithinMs);
    }

    private static Optional<ControlRequest> waitFor(Database db, long id, long deadline, LongSupplier clock,
            java.util.function.Predicate<ControlRequest> until) throws InterruptedException {
        while (true) {
            Optional<ControlRequest> request = db.runtime().request(id).filter(until);
            if (request.isPresent() || clock.getAsLong() >= deadline) {
                return request;
            }
            Thread.sleep(POLL_MS);
        }
    }

    /** Milliseconds as seconds, without trailing zeros: 5000 is "5", 300 is "0.3". */
    public static String seconds(long ms) {
        return BigDecimal.valueOf(ms).movePointLeft(3).stripTrailingZeros().toPlainString();
    }
}
