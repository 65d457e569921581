package io.gridbot.runner.soak;

import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.Side;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.sim.Holdings;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.runtime.GridRuntimeRepository.GridLease;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the harness sees while a soak runs, sampled every {@value #EVERY_MS} ms on its own paths (the venue's
 * state, and the database directly, never through a daemon's proxy): each grid's resting orders and position
 * read at one instant (no two live orders for one line or one client id, and the worst case of the position
 * plus every resting entry within the limit), each grid's lease owner (the timeline the order check reads), and
 * whether each grid was able to trade: running, held by a live daemon whose lease is younger than the fencing
 * time. Stretches when a grid was not able to trade are kept as outages.
 */
final class SoakWatch implements AutoCloseable {

    static final long EVERY_MS = 100;
    /** Samples failing in a row that make the watch blind: 5 s, five simulated minutes at 60x. */
    static final int BLIND_SAMPLES = 50;

    /** A lease owner seen at a moment ({@link System#nanoTime()}). */
    record OwnerSample(long nanos, String owner) {
    }

    /** A stretch in which a grid could not trade, in simulated milliseconds; {@code untilMs} -1 while open. */
    record Outage(String grid, long fromMs, long untilMs) {
    }

    private final Database db;
    private final SimulatedExchange venue;
    private final List<SoakGrid> grids;
    private final Map<String, Long> ids;
    private final List<SoakDaemon> daemons;
    private final SoakMarket market;
    private final long fenceMs;
    private final SoakViolations violations;
    private final Map<String, List<OwnerSample>> owners = new HashMap<>();
    private final Map<String, long[]> ableSamples = new HashMap<>(); // {able, all}
    private final Map<String, Long> downSince = new HashMap<>();
    private final List<Outage> outages = new ArrayList<>();
    private final Thread thread;
    private volatile boolean counting;

    SoakWatch(Database db, SimulatedExchange venue, List<SoakGrid> grids, Map<String, Long> ids,
            List<SoakDaemon> daemons, SoakMarket market, long fenceMs, SoakViolations violations) {
        this.db = db;
        this.venue = venue;
        this.grids = grids;
        this.ids = ids;
        this.daemons = daemons;
        this.market = market;
        this.fenceMs = fenceMs;
        this.violations = violations;
        grids.forEach(g -> {
            owners.put(g.name(), new ArrayList<>());
            ableSamples.put(g.name(), new long[2]);
        });
        thread = Thread.ofPlatform().daemon().name("soak-watch").start(this::run);
    }

    /** Uptime and outages count from now (once every grid ran for the first time). */
    void startCounting() {
        counting = true;
    }

    /** Uptime and outages stop counting (the run is over; grids are being stopped). */
    void stopCounting() {
        counting = false;
        synchronized (this) {
            long now = market.simNowMs();
            downSince.forEach((grid, since) -> outages.add(new Outage(grid, since, now)));
            downSince.clear();
        }
    }

    private void run() {
        int failedInARow = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                sample();
                failedInARow = 0;
            } catch (RuntimeException | ExchangeException e) {
                // One lost sample hides 100 ms; the watch going blind for longer is a break of its own.
                if (++failedInARow == BLIND_SAMPLES) {
                    violations.add("watch", market.simNowMs(), BLIND_SAMPLES + " samples in a row failed: " + e);
                }
            }
            try {
                Thread.sleep(EVERY_MS); // the sampling pace, not a wait for a result
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() throws ExchangeException {
        long sim = market.simNowMs();
        for (SoakGrid g : grids) {
            book(g, venue.holdings(g.symbol()), sim);
        }
        Map<Long, GridLease> leases = new HashMap<>();
        db.runtime().leases().forEach(l -> leases.put(l.configId(), l));
        long nanos = System.nanoTime();
        long nowMs = System.currentTimeMillis();
        synchronized (this) {
            for (SoakGrid g : grids) {
                GridLease lease = leases.get(ids.get(g.name()));
                String owner = lease == null ? null : lease.owner();
                owners.get(g.name()).add(new OwnerSample(nanos, owner));
                boolean able = lease != null && lease.status() == GridStatus.RUNNING && owner != null
                        && nowMs - lease.heartbeatAt() < fenceMs
                        && daemons.stream().anyMatch(d -> d.runningAs(owner));
                if (counting) {
                    long[] counts = ableSamples.get(g.name());
                    counts[1]++;
                    if (able) {
                        counts[0]++;
                        Long since = downSince.remove(g.name());
                        if (since != null) {
                            outages.add(new Outage(g.name(), since, sim));
                        }
                    } else {
                        downSince.putIfAbsent(g.name(), sim);
                    }
                }
            }
        }
    }

    /** The venue's side of a grid at one instant: no duplicate live order, the worst case within the limit. */
    private void book(SoakGrid g, Holdings h, long sim) {
        Map<String, String> identities = new HashMap<>();
        Set<String> clientIds = new HashSet<>();
        BigDecimal buys = BigDecimal.ZERO;
        BigDecimal sells = BigDecimal.ZERO;
        for (OpenOrder o : h.openOrders()) {
            if (!clientIds.add(o.clientOrderId())) {
                violations.add("duplicate order", sim, g.name() + ": two live orders with the client id " + o.clientOrderId());
            }
            var parsed = ClientOrderId.parse(o.clientOrderId());
            if (parsed.isEmpty()) {
                violations.add("foreign order", sim, g.name() + ": a live order not placed by a grid: " + o.clientOrderId());
                continue;
            }
            var p = parsed.get();
            if (p.kind() == ClientOrderId.Kind.ENTRY || p.kind() == ClientOrderId.Kind.EXIT) {
                String first = identities.putIfAbsent(p.kind() + "/" + p.side() + "/" + p.line(), o.clientOrderId());
                if (first != null) {
                    violations.add("duplicate order", sim, g.name() + ": two live " + p.kind() + " " + p.side()
                            + " orders for line " + p.line() + " (" + first + ", " + o.clientOrderId() + ")");
                }
            }
            if (!o.reduceOnly() && o.origQty() != null) { // a close-position order has no quantity: it only closes
                BigDecimal left = o.origQty().subtract(o.filledQty());
                if (o.side() == Side.BUY) {
                    buys = buys.add(left);
                } else {
                    sells = sells.add(left);
                }
            }
        }
        BigDecimal net = h.position().netQty();
        // What the position would be if every resting order that can add to it filled, one side at a time.
        BigDecimal worstLong = net.add(buys);
        BigDecimal worstShort = sells.subtract(net);
        if (worstLong.compareTo(g.maxPosition()) > 0 || worstShort.compareTo(g.maxPosition()) > 0) {
            violations.add("limit", sim, g.name() + ": worst case long " + worstLong.toPlainString() + " / short "
                    + worstShort.toPlainString() + " above the limit " + g.maxPosition().toPlainString()
                    + " (position " + net.toPlainString() + ")");
        }
    }

    /** Each grid's lease owners as sampled, oldest first. */
    synchronized Map<String, List<OwnerSample>> owners() {
        Map<String, List<OwnerSample>> copy = new HashMap<>();
        owners.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }

    /** The fraction of counted samples in which each grid was able to trade. */
    synchronized Map<String, Double> uptime() {
        Map<String, Double> uptime = new HashMap<>();
        ableSamples.forEach((grid, c) -> uptime.put(grid, c[1] == 0 ? 0.0 : (double) c[0] / c[1]));
        return uptime;
    }

    synchronized List<Outage> outages() {
        return List.copyOf(outages);
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
