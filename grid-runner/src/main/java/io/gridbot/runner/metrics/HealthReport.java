package io.gridbot.runner.metrics;

import java.util.List;

/**
 * What {@code /health} answers, as JSON: the daemon's status, why it is not UP, and the database, venue
 * streams and leases it was judged on. Times are ISO-8601 instants (UTC). Nothing secret: no credentials, no
 * configuration beyond each grid's name, exchange and symbol.
 *
 * @param status    UP, DEGRADED or DOWN (see {@link Status})
 * @param reasons   one sentence for each condition that made it less than UP; empty when UP
 * @param daemon    the daemon's identity (user, host and process id), as leases record it
 * @param checkedAt when the report was made
 * @param database  the database and the write-behind in front of it
 * @param streams   each hosted grid's venue streams
 * @param leases    each hosted grid's lease in this daemon
 */
public record HealthReport(Status status, List<String> reasons, String daemon, String checkedAt, Database database,
        List<Stream> streams, List<Lease> leases) {

    /** The daemon's health, worst first. */
    public enum Status {
        /** The database does not answer or refuses writes, or a grid may not send orders: answered with 503. */
        DOWN,
        /** Working, with a grid impaired: a venue stream down, a grid in safe mode, a lease renewal late. */
        DEGRADED,
        /** Everything answers. */
        UP
    }

    /**
     * The database.
     *
     * @param reachable     whether a pooled connection passed validation just now
     * @param writeBehind   whether the write-behind's last write went through
     * @param outageSince   when its writes began to fail, or {@code null}
     * @param backlog       entries waiting to be written
     * @param droppedLogs   log entries dropped since the daemon started (the buffer was full)
     */
    public record Database(boolean reachable, boolean writeBehind, String outageSince, int backlog, long droppedLogs) {
    }

    /**
     * One hosted grid's venue streams.
     *
     * @param grid      the grid's name
     * @param exchange  its venue
     * @param symbol    its symbol
     * @param status    the grid's lifecycle status
     * @param connected whether the streams are connected and delivering
     * @param state     the last state: the venue's report (CONNECTED, DISCONNECTED, RECONNECTING, GAVE_UP), or
     *                  SILENT when connected but judged lost by the grid
     * @param since     since when it has been connected, or not
     */
    public record Stream(String grid, String exchange, String symbol, String status, boolean connected, String state,
            String since) {
    }

    /**
     * One hosted grid's lease.
     *
     * @param grid             the grid's name
     * @param renewedAt        its last successful renewal
     * @param expiresAt        when another daemon may take the grid, unless renewed before
     * @param sendsOrdersUntil when this daemon stops sending its orders, unless renewed before
     * @param fenced           whether it sends no orders now
     */
    public record Lease(String grid, String renewedAt, String expiresAt, String sendsOrdersUntil, boolean fenced) {
    }

    /** The HTTP status the report is answered with: 503 when DOWN, 200 otherwise. */
    public int httpStatus() {
        return status == Status.DOWN ? 503 : 200;
    }
}
