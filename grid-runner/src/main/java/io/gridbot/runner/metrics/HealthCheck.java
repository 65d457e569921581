package io.gridbot.runner.metrics;

import io.gridbot.core.status.GridStatus;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.writebehind.WriteBehind;
import io.gridbot.runner.metrics.HealthReport.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Judges a daemon's health from its database, its write-behind and its hosted grids. The rules, worst first:
 *
 * <ul>
 *   <li><b>DOWN</b> (503) when the database does not answer a validation within {@value #PING_SECONDS} s, when
 *       the write-behind's last write failed (an outage under way), or when a hosted grid is fenced (its lease
 *       was not renewed within the fencing time, so it sends no orders). The daemon cannot take control
 *       requests, keep its records or trade every grid; restarting it does not help.</li>
 *   <li><b>DEGRADED</b> (200) when the venue streams of a hosted grid that is not stopped are not connected and
 *       delivering, a grid is in safe mode, or a lease's last renewal is older than half the fencing time (a
 *       renewal round was missed). The daemon works; a grid needs a look.</li>
 *   <li><b>UP</b> (200) otherwise, with or without grids.</li>
 * </ul>
 */
final class HealthCheck {

    /** How long the database's validation may take. */
    static final int PING_SECONDS = 2;

    private final Database db;
    private final WriteBehind writes;
    private final LongSupplier clock;
    private final String daemon;

    HealthCheck(Database db, WriteBehind writes, LongSupplier clock, String daemon) {
        this.db = db;
        this.writes = writes;
        this.clock = clock;
        this.daemon = daemon;
    }

    /** The report for these grids, with each grid's stream reading beside it. */
    HealthReport check(List<Monitoring.Observed> grids) {
        long now = clock.getAsLong();
        List<String> down = new ArrayList<>();
        List<String> degraded = new ArrayList<>();
        boolean reachable = db.answers(PING_SECONDS);
        if (!reachable) {
            down.add("the database does not answer");
        }
        long outageSince = writes.outageSinceMs();
        if (!writes.healthy()) {
            down.add("the write-behind's writes fail" + (outageSince >= 0 ? " since " + time(outageSince) : "")
                    + "; " + writes.backlog() + " entries wait in memory");
        }
        List<HealthReport.Stream> streams = new ArrayList<>();
        List<HealthReport.Lease> leases = new ArrayList<>();
        for (Monitoring.Observed o : grids) {
            HostedGridState g = o.state();
            StreamLog.Reading stream = o.stream();
            GridStatus status = g.view().status();
            streams.add(new HealthReport.Stream(g.name(), g.exchange(), g.symbol(), status.name(), stream.connected(),
                    stream.state(), time(stream.sinceMs())));
            if (!stream.connected() && status != GridStatus.STOPPED) { // a stopped grid trades nothing
                degraded.add("grid " + g.name() + ": the venue's streams are not connected (" + stream.state()
                        + " since " + time(stream.sinceMs()) + ")");
            }
            if (status == GridStatus.SAFE_MODE) {
                degraded.add("grid " + g.name() + " is in safe mode");
            }
            HostedGridState.Lease lease = g.lease();
            leases.add(new HealthReport.Lease(g.name(), time(lease.renewedAtMs()), time(lease.expiresAtMs()),
                    time(lease.sendsOrdersUntil()), !lease.mayTrade()));
            if (!lease.mayTrade()) {
                down.add("grid " + g.name() + ": its lease was not renewed in time; it sends no orders");
            } else if (lease.renewedAtMs() >= 0
                    && now - lease.renewedAtMs() > (lease.sendsOrdersUntil() - lease.renewedAtMs()) / 2) {
                degraded.add("grid " + g.name() + ": its lease was last renewed at " + time(lease.renewedAtMs()));
            }
        }
        Status status = !down.isEmpty() ? Status.DOWN : !degraded.isEmpty() ? Status.DEGRADED : Status.UP;
        List<String> reasons = new ArrayList<>(down);
        reasons.addAll(degraded);
        HealthReport.Database database = new HealthReport.Database(reachable, writes.healthy(),
                outageSince >= 0 ? time(outageSince) : null, writes.backlog(), writes.droppedLogs());
        return new HealthReport(status, List.copyOf(reasons), daemon, time(now), database, List.copyOf(streams),
                List.copyOf(leases));
    }

    private static String time(long ms) {
        return ms < 0 ? null : Instant.ofEpochMilli(ms).toString();
    }
}
