package io.gridbot.runner.notify;

import io.gridbot.core.command.GridCommand.AlertKind;
import java.time.Instant;

/**
 * One alert as it is sent: which grid on which venue and symbol, what kind, the message, when, and which daemon
 * raised it.
 *
 * @param grid     the grid's name
 * @param exchange the venue the grid trades on
 * @param symbol   the grid's symbol
 * @param kind     an {@link AlertKind}'s name, or {@value #TEST} for a test alert
 * @param message  what happened, for a person
 * @param atMs     when it was raised, epoch milliseconds
 * @param daemon   the daemon that raised it
 */
public record GridAlert(String grid, String exchange, String symbol, String kind, String message, long atMs,
        String daemon) {

    /** The kind of the alert {@code grid notify test} sends. */
    public static final String TEST = "TEST";

    /** When it was raised, in ISO-8601 UTC. */
    public String at() {
        return Instant.ofEpochMilli(atMs).toString();
    }

    /** Whether it is of this kind. */
    public boolean is(AlertKind alert) {
        return kind.equals(alert.name());
    }
}
