package io.gridbot.runner.metrics;

import io.gridbot.core.machine.GridView;
import io.gridbot.core.machine.OrderDrift;
import io.gridbot.persistence.config.StoredGrid;

/**
 * One grid a daemon hosts, as its health and metrics read it at one moment.
 *
 * @param stored          the stored grid it was hosted with (name, exchange, symbol, id)
 * @param view            the engine's picture of it now
 * @param drift           the drift between its ideal order set and what rests now
 * @param hostedAtMs      when this daemon began hosting it
 * @param lease           its lease as this daemon holds it
 */
public record HostedGridState(StoredGrid stored, GridView view, OrderDrift drift, long hostedAtMs, Lease lease) {

    /**
     * The grid's lease in this daemon.
     *
     * @param renewedAtMs      the time written with its last successful renewal, or -1 when not held
     * @param expiresAtMs      when another daemon may take the grid unless it is renewed first
     * @param sendsOrdersUntil when this daemon stops sending the grid's orders unless it is renewed first
     * @param mayTrade         whether it may send the grid's orders now (false: fenced)
     */
    public record Lease(long renewedAtMs, long expiresAtMs, long sendsOrdersUntil, boolean mayTrade) {
    }

    /** The grid's name. */
    public String name() {
        return stored.config().name();
    }

    /** The venue it trades on, as its configuration names it. */
    public String exchange() {
        return stored.config().exchange();
    }

    /** Its symbol. */
    public String symbol() {
        return stored.config().symbol();
    }
}
