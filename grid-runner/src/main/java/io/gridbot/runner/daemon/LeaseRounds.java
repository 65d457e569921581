package io.gridbot.runner.daemon;

import io.gridbot.persistence.Database;
import io.gridbot.persistence.runtime.GridRuntimeRepository;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's lease rounds, one every {@link LeaseSettings#renewEveryMs()} of the time {@link #doWork(long)} is
 * given: the leases of the grids hosted here are renewed (with each one's market price, for the processes that
 * do not host it), those another daemon took are given up with their orders untouched, and the grids recorded
 * as running whose holder went silent are taken over.
 */
final class LeaseRounds {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseRounds.class);

    private final Database db;
    private final LongSupplier clock;
    private final String owner;
    private final GridLeases leases;
    private final GridHosting hosting;
    private final long renewEveryMs;
    private long nextRound;

    LeaseRounds(Database db, LongSupplier clock, String owner, GridLeases leases, GridHosting hosting, long renewEveryMs) {
        this.db = db;
        this.clock = clock;
        this.owner = owner;
        this.leases = leases;
        this.hosting = hosting;
        this.renewEveryMs = renewEveryMs;
    }

    /** A round when one is due at {@code nowMs} (the first call always makes one). */
    void doWork(long nowMs) {
        if (nowMs >= nextRound) {
            nextRound = nowMs + renewEveryMs;
            renew();
            resumeOrphans();
        }
    }

    /**
     * Renews the leases of the grids hosted here, gives up those another daemon took, and records each one's
     * market price for the processes that do not host it ({@code grid status}, another host's dashboard).
     */
    private void renew() {
        for (long lost : leases.renew(List.copyOf(hosting.ids()))) {
            HostedGrid hosted = hosting.get(lost);
            if (hosted != null) {
                LOG.warn("grid {}: another daemon holds it now ({}); given up here with its orders untouched, for the "
                        + "new holder to reconcile", hosted.name(), db.runtime().lease(lost)
                        .map(GridRuntimeRepository.Lease::owner).orElse("nobody"));
                hosting.unhost(hosted, true);
            }
        }
        try {
            Map<Long, BigDecimal> marks = new HashMap<>();
            hosting.all().forEach(h -> {
                BigDecimal price = h.engine().view().lastPrice();
                if (price != null) {
                    marks.put(h.id(), price);
                }
            });
            db.runtime().saveMarks(owner, marks, clock.getAsLong());
        } catch (RuntimeException e) {
            LOG.debug("market prices not recorded: {}", e.toString());
        }
    }

    /** Takes over the grids recorded as running whose holder went silent (killed, or cut off from the database). */
    private void resumeOrphans() {
        try {
            for (var orphan : leases.orphans(hosting.ids())) {
                db.configs().list().stream().filter(g -> g.id() == orphan.configId()).findFirst()
                        .ifPresent(grid -> hosting.resume(grid, orphan.status()));
            }
        } catch (RuntimeException e) {
            LOG.debug("looking for grids to resume failed: {}", e.toString());
        }
    }
}
