package io.gridbot.runner.soak;

/**
 * One thing that goes wrong during a soak, at a simulated time. Durations are simulated too: the harness turns
 * them into real time with the run's speed.
 */
sealed interface Fault {

    /** Every kind of fault a soak injects; a run that missed one does not prove what it claims. */
    enum Kind {
        STREAM_DROP, FAILING_RECONNECT, STREAM_STALL, RATE_LIMIT_STORM, SERVER_ERRORS, UNKNOWN_OUTCOME, PARTIAL_FILLS,
        DUPLICATED_EVENTS, REORDERED_EVENTS, SHORT_DB_OUTAGE, LONG_DB_OUTAGE, KILL, PARTITION
    }

    /** When it starts, in simulated milliseconds from the start of the run. */
    long atMs();

    Kind kind();

    /** Every WebSocket connection is cut, as a network failure does; the daemons reconnect. */
    record StreamDrop(long atMs) implements Fault {
        public Kind kind() {
            return Kind.STREAM_DROP;
        }
    }

    /** The streams are cut and the first reconnect is refused. */
    record FailingReconnect(long atMs) implements Fault {
        public Kind kind() {
            return Kind.FAILING_RECONNECT;
        }
    }

    /** Every daemon's stream path goes silent, connections left open, for a while. */
    record StreamStall(long atMs, long forMs) implements Fault {
        public Kind kind() {
            return Kind.STREAM_STALL;
        }
    }

    /** For a while every request is answered 429 with Retry-After. */
    record RateLimitStorm(long atMs, long forMs) implements Fault {
        public Kind kind() {
            return Kind.RATE_LIMIT_STORM;
        }
    }

    /** The next creates are answered 503 and never reach the book. */
    record ServerErrors(long atMs, int creates) implements Fault {
        public Kind kind() {
            return Kind.SERVER_ERRORS;
        }
    }

    /** Creates that reach the book behind an answer that hides it: a gateway's 502, -1006, and a timeout. */
    record UnknownOutcome(long atMs) implements Fault {
        public Kind kind() {
            return Kind.UNKNOWN_OUTCOME;
        }
    }

    /** For a while the market trades less than an order's size at a time, so orders fill in parts. */
    record PartialFills(long atMs, long forMs) implements Fault {
        public Kind kind() {
            return Kind.PARTIAL_FILLS;
        }
    }

    /** The next user-data events arrive twice. */
    record DuplicatedEvents(long atMs, int events) implements Fault {
        public Kind kind() {
            return Kind.DUPLICATED_EVENTS;
        }
    }

    /** The next user-data events arrive out of order. */
    record ReorderedEvents(long atMs, int events) implements Fault {
        public Kind kind() {
            return Kind.REORDERED_EVENTS;
        }
    }

    /** The database goes away for every daemon, connections reset, and comes back. */
    record DatabaseOutage(long atMs, long forMs) implements Fault {
        public Kind kind() {
            return forMs >= FaultSchedule.LONG_OUTAGE_MS ? Kind.LONG_DB_OUTAGE : Kind.SHORT_DB_OUTAGE;
        }
    }

    /** A daemon is killed with SIGKILL and started again at once. */
    record Kill(long atMs, int daemon) implements Fault {
        public Kind kind() {
            return Kind.KILL;
        }
    }

    /** The daemon holding the most grids loses its database path while the other keeps it. */
    record Partition(long atMs, long forMs) implements Fault {
        public Kind kind() {
            return Kind.PARTITION;
        }
    }
}
