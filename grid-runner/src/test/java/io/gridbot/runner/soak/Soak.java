package io.gridbot.runner.soak;

import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.binance.fake.FakeBinance;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.store.ControlRequests;
import io.gridbot.runner.testing.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A soak: simulated hours of trading by real daemon processes through a seeded schedule of faults, checked
 * against the venue's truth. The venue (the fake Binance, REST and WebSocket, on loopback) lives in this process
 * and outlives every daemon; its trade history is what the ledgers must equal. Three grids trade distinct symbols
 * in the three modes on replayed klines; the daemons share them on one database through paths the harness cuts.
 * At every simulated hour the ledgers so far are checked; at the end the grids are stopped, the ledgers settle,
 * and every rule is checked over the whole run.
 */
final class Soak {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private final SoakPlan plan;
    private final Path dir;
    private final DatabaseSettings database;
    private final List<SoakGrid> grids = SoakGrid.standard();

    Soak(SoakPlan plan, Path dir, DatabaseSettings database) {
        this.plan = plan;
        this.dir = dir;
        this.database = database;
    }

    SoakReport run() throws Exception {
        long began = System.nanoTime();
        SoakViolations violations = new SoakViolations();
        FaultSchedule schedule = plan.schedule(true);
        List<SoakDaemon> daemons = new ArrayList<>();
        FakeBinance venue = null;
        SoakMarket market = null;
        SoakWatch watch = null;
        try (Database db = Database.open(database)) {
            venue = FakeBinance.start(grids.get(0).rules(), opening(grids.get(0)));
            for (SoakGrid g : grids.subList(1, grids.size())) {
                venue.list(g.rules(), opening(g));
            }
            Map<String, Long> ids = new HashMap<>();
            for (SoakGrid g : grids) {
                ids.put(g.name(), db.configs().create(g.config(), 0));
            }
            for (int i = 0; i < plan.daemons(); i++) {
                SoakDaemon d = new SoakDaemon("daemon-" + (char) ('a' + i), dir, database, venue, plan.lease());
                daemons.add(d);
                d.start();
            }
            for (SoakDaemon d : daemons) {
                Eventually.await(d.name + " up", WAIT, d::up);
            }
            market = new SoakMarket(venue, grids, plan.speed());
            watch = new SoakWatch(db, venue.venue(), grids, ids, daemons, market, plan.lease().fenceAfterMs(), violations);
            for (SoakGrid g : grids) {
                control(db, ids.get(g.name()), Control.START);
            }
            Eventually.await("every grid running", WAIT, () -> grids.stream()
                    .allMatch(g -> db.runtime().status(ids.get(g.name())) == GridStatus.RUNNING));
            market.play();
            watch.startCounting();

            SoakVerdict verdict = new SoakVerdict(db, venue.venue(), grids, ids, violations);
            FaultInjector faults = new FaultInjector(plan, venue, market, daemons, () -> busiest(db, daemons), schedule);
            long end = plan.hours() * 60 * FaultSchedule.MINUTE;
            SoakVenueView view = new SoakVenueView(venue.venue(), grids);
            SoakWatch watching = watch;
            for (int hour = 1; hour <= plan.hours(); hour++) {
                long at = hour * 60 * FaultSchedule.MINUTE;
                faults.at(at - 1, "checkpoint", () -> {
                    verdict.checkpoint(at);
                    System.out.println(progress(at, view, watching, violations));
                });
            }
            SoakMarket clock = market;
            while (clock.simNowMs() < end) {
                clock.check();
                faults.runDue(clock.simNowMs());
                for (SoakDaemon d : daemons) {
                    if (d.dueForRestart(1_000_000_000L)) { // as a service manager restarts a failed service
                        d.start();
                    }
                }
                Thread.sleep(20); // the harness's pace, not a wait for a result
            }
            faults.runDue(end); // the last checkpoint
            faults.endAll();
            watch.stopCounting();

            long stopAt = clock.simNowMs();
            for (SoakGrid g : grids) {
                ControlRequests.Reply reply = send(db, ids.get(g.name()), Control.STOP);
                if (!done(reply)) {
                    violations.add("stop done", stopAt, g.name() + ": " + reply);
                }
            }
            // Waits that end the run: one that is not met is a break of its own, and the checks still run.
            settled(violations, stopAt, "every grid stopped", () -> grids.stream()
                    .allMatch(g -> db.runtime().status(ids.get(g.name())) == GridStatus.STOPPED));
            settled(violations, stopAt, "nothing of the grids rests", view::nothingRests);
            settled(violations, stopAt, "every execution booked", () -> grids.stream().allMatch(g ->
                    db.fills().between(ids.get(g.name()), 0, Long.MAX_VALUE).size() >= view.executions(g)));
            verdict.atEnd(clock.simNowMs(), venue.ordersAccepted(), daemons, watch.owners());
            Map<String, Integer> executions = new HashMap<>();
            grids.forEach(g -> executions.put(g.name(), view.executions(g)));
            Map<String, Integer> orders = new HashMap<>();
            for (var q : venue.ordersAccepted()) {
                grids.stream().filter(g -> g.symbol().equals(q.symbol())).findFirst()
                        .ifPresent(g -> orders.merge(g.name(), 1, Integer::sum));
            }
            List<Fault.Kind> missing = Arrays.stream(Fault.Kind.values())
                    .filter(k -> schedule.kinds().contains(k) && !faults.injected().containsKey(k)).toList();
            SoakReport report = new SoakReport(plan, faults.injected(), missing, orders, executions, watch.uptime(),
                    watch.outages(), schedule, daemons.stream().mapToInt(SoakDaemon::crashes).sum(),
                    daemons.stream().mapToInt(SoakDaemon::refusals).sum(),
                    daemons.stream().mapToInt(SoakDaemon::starts).sum(), violations, (System.nanoTime() - began) / 1e9);
            Files.writeString(dir.resolve("soak-report.txt"), report.describe());
            return report;
        } finally {
            if (watch != null) {
                watch.close();
            }
            for (SoakDaemon d : daemons) {
                d.close();
            }
            if (market != null) {
                market.close();
            }
            if (venue != null) {
                venue.close();
            }
        }
    }

    /** One line at a checkpoint: the time, each grid's executions and uptime so far, and the breaks so far. */
    private String progress(long simMs, SoakVenueView view, SoakWatch watch, SoakViolations violations) {
        StringBuilder line = new StringBuilder("soak " + SoakReport.clock(simMs) + " checkpoint:");
        Map<String, Double> uptime = watch.uptime();
        for (SoakGrid g : grids) {
            line.append(String.format(java.util.Locale.ROOT, " %s %d executions, %.1f %% up;", g.name(),
                    view.executions(g), 100 * uptime.getOrDefault(g.name(), 0.0)));
        }
        return line.append(' ').append(violations.count()).append(" invariant breaks so far").toString();
    }

    /** Waits up to {@link #WAIT} for the run to settle; when it does not, that is a break. */
    private static void settled(SoakViolations violations, long simMs, String what, BooleanSupplier condition)
            throws InterruptedException {
        try {
            Eventually.await(what, WAIT, condition);
        } catch (AssertionError e) {
            violations.add("settled after the stop", simMs, e.getMessage());
        }
    }

    /** The index of the daemon whose processes hold the most grids' leases now. */
    private static int busiest(Database db, List<SoakDaemon> daemons) {
        int[] held = new int[daemons.size()];
        db.runtime().leases().forEach(l -> {
            for (int i = 0; i < daemons.size(); i++) {
                if (daemons.get(i).runningAs(l.owner())) {
                    held[i]++;
                }
            }
        });
        int best = 0;
        for (int i = 1; i < held.length; i++) {
            if (held[i] > held[best]) {
                best = i;
            }
        }
        return best;
    }

    private static java.math.BigDecimal opening(SoakGrid g) throws Exception {
        try (var series = g.market()) {
            return series.next().price();
        }
    }

    private static void control(Database db, long id, Control action) throws InterruptedException {
        ControlRequests.Reply reply = send(db, id, action);
        if (!done(reply)) {
            throw new IllegalStateException(action + " of grid " + id + " was not done: " + reply);
        }
    }

    private static ControlRequests.Reply send(Database db, long id, Control action) throws InterruptedException {
        return ControlRequests.send(db, id, action, "soak", 30_000, 60_000, System::currentTimeMillis);
    }

    private static boolean done(ControlRequests.Reply reply) {
        return reply instanceof ControlRequests.Acknowledged ack && !ack.refused();
    }
}
