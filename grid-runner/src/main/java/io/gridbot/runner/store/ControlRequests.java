package io.gridbot.runner.store;

import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.runtime.GridRuntimeRepository.ControlRequest;
import java.util.Optional;

/**
 * Sends a start, pause, resume or stop to whichever daemon runs the grid, through the {@code grid_control}
 * table (FR-13), and waits a bounded time for its acknowledgement. The CLI and the dashboard both use it,
 * so a button works for a grid on another host exactly as {@code grid pause} does.
 */
public final class ControlRequests {

    /** What became of a request. */
    public sealed interface Reply {
    }

    /**
     * A daemon took the request.
     *
     * @param outcome what it said, e.g. "pause accepted by alice@host/123"
     */
    public record Acknowledged(String outcome) implements Reply {
        /** Whether the daemon refused: it does not run the grid, there is no such grid, or it cannot start it. */
        public boolean refused() {
            return outcome.startsWith("not running") || outcome.startsWith("no such grid") || outcome.startsWith("cannot");
        }
    }

    /**
     * No daemon answered in time; the request stays queued for the next one to start.
     *
     * @param waitedMs how long was waited
     */
    public record Unanswered(long waitedMs) implements Reply {
    }

    private ControlRequests() {
    }

    /** Leaves the request and polls for its acknowledgement for at most {@code waitMs}. */
    public static Reply send(Database db, long gridId, Control action, String requestedBy, long waitMs)
            throws InterruptedException {
        long id = db.runtime().requestControl(gridId, action, requestedBy, System.currentTimeMillis());
        long deadline = System.nanoTime() + waitMs * 1_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<ControlRequest> request = db.runtime().request(id);
            if (request.isPresent() && request.get().ackedAt() != null) {
                return new Acknowledged(request.get().outcome());
            }
            Thread.sleep(50);
        }
        return new Unanswered(waitMs);
    }
}
