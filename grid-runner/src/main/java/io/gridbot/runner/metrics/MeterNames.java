package io.gridbot.runner.metrics;

/**
 * The names of gridbot's own meters, in Micrometer's dotted form; the Prometheus registry writes them with
 * underscores, with the unit and {@code _total} for counters ({@code gridbot.grid.last.fill.age} becomes
 * {@code gridbot_grid_last_fill_age_seconds}). docs/monitoring.md lists each with its meaning and unit.
 */
final class MeterNames {

    /** The grid's signed net position, in the symbol's base asset. */
    static final String POSITION = "gridbot.grid.position";
    /** Realized PnL before fees, average-cost accounting, in the quote asset. */
    static final String REALIZED_PNL = "gridbot.grid.realized.pnl";
    /** The open position valued at the last price, in the quote asset. */
    static final String UNREALIZED_PNL = "gridbot.grid.unrealized.pnl";
    /** Fees paid, in the quote asset. */
    static final String FEES = "gridbot.grid.fees";
    /** The grid's working orders, by kind (entry, exit, other). */
    static final String OPEN_ORDERS = "gridbot.grid.open.orders";
    /** 1 while the venue's streams are connected and delivering, else 0. */
    static final String STREAM_UP = "gridbot.grid.stream.up";
    /** Seconds since the last fill in the ledger (since the grid was hosted, without one). */
    static final String LAST_FILL_AGE = "gridbot.grid.last.fill.age";
    /** Ideal orders not resting (missing) and resting orders not ideal (surplus). */
    static final String ORDER_DRIFT = "gridbot.grid.order.drift";
    /** 1 for the grid's lifecycle status, 0 for the others. */
    static final String STATUS = "gridbot.grid.status";
    /** 1 while the grid's lease is too old for it to send orders. */
    static final String FENCED = "gridbot.grid.lease.fenced";
    /** Time from sending a create until the venue's answer. */
    static final String ORDER_ACK = "gridbot.order.ack";
    /** Venue calls refused for a rate limit. */
    static final String RATE_LIMIT_HITS = "gridbot.venue.rate.limit.hits";
    /** Venue calls refused, by kind. */
    static final String REFUSALS = "gridbot.venue.refusals";
    /** Entries waiting in the write-behind. */
    static final String BACKLOG = "gridbot.writebehind.backlog";
    /** Log entries the write-behind dropped. */
    static final String DROPPED = "gridbot.writebehind.dropped";
    /** 1 while the write-behind's writes fail. */
    static final String OUTAGE = "gridbot.writebehind.outage";
    /** 1 while the database answers. */
    static final String DATABASE_UP = "gridbot.database.up";
    /** 1 for the daemon's health status, 0 for the others. */
    static final String HEALTH = "gridbot.health";
    /** Alerts a notifier delivered, by notifier. */
    static final String NOTIFIER_DELIVERED = "gridbot.notifier.delivered";
    /** Alerts a notifier dropped because its queue was full, by notifier. */
    static final String NOTIFIER_DROPPED = "gridbot.notifier.dropped";
    /** Grids hosted by this daemon. */
    static final String HOSTED = "gridbot.grids.hosted";

    private MeterNames() {
    }
}
