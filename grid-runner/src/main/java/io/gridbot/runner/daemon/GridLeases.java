package io.gridbot.runner.daemon;

import io.gridbot.core.status.GridStatus;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.runtime.GridRuntimeRepository.GridLease;
import io.gridbot.persistence.runtime.GridRuntimeRepository.Lease;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One daemon's leases on its grids: taking them, renewing them, and knowing from its own clock whether it may
 * still send a grid's orders. A lease counts from the time written with its last successful renewal, the
 * very value other daemons compare against: a grid may be sent orders until {@code fenceAfterMs} after that,
 * and taken by another daemon only {@code leaseMs} after it. Nothing here waits for the database to say the
 * lease is gone: a daemon cut off from it fences itself on time alone.
 */
final class GridLeases {

    private static final Logger LOG = LoggerFactory.getLogger(GridLeases.class);

    private final Database db;
    private final String owner;
    private final LeaseSettings settings;
    private final LongSupplier clock;
    private final Map<Long, Long> renewedAt = new ConcurrentHashMap<>();
    private boolean renewalsFailing;

    GridLeases(Database db, String owner, LeaseSettings settings, LongSupplier clock) {
        this.db = db;
        this.owner = owner;
        this.settings = settings;
        this.clock = clock;
    }

    /** Takes the grid's lease: free, run out, this daemon's own, or held by a dead process on this host. */
    boolean claim(long configId) {
        String holder = db.runtime().lease(configId).map(Lease::owner).orElse(null);
        long now = clock.getAsLong();
        boolean taken = db.runtime().claim(configId, owner, now, settings.leaseMs(),
                DaemonIdentity.deadOnThisHost(holder) ? holder : null);
        if (taken) {
            renewedAt.put(configId, now);
        }
        return taken;
    }

    /** Whether a live daemon other than this one holds the grid's lease. */
    boolean heldElsewhere(long configId) {
        long now = clock.getAsLong();
        return db.runtime().lease(configId).filter(l -> l.held(now, settings.leaseMs()) && !owner.equals(l.owner()))
                .filter(l -> !DaemonIdentity.deadOnThisHost(l.owner())).isPresent();
    }

    /** Whether this daemon may send the grid's orders now: it renewed the lease less than the fencing time ago. */
    boolean mayTrade(long configId) {
        Long at = renewedAt.get(configId);
        return at != null && clock.getAsLong() - at < settings.fenceAfterMs();
    }

    /** The time written with the grid's last successful renewal (or its claim), or -1 when it is not held here. */
    long renewedAt(long configId) {
        Long at = renewedAt.get(configId);
        return at == null ? -1 : at;
    }

    /**
     * Renews the leases of these grids; returns the ones another daemon holds now, to be given up. When the
     * database does not answer, nothing is known to be lost: the grids fence themselves as time passes.
     */
    Set<Long> renew(Collection<Long> configIds) {
        long now = clock.getAsLong();
        try {
            Set<Long> held = db.runtime().renew(owner, configIds, now);
            held.forEach(id -> renewedAt.put(id, now));
            if (renewalsFailing) {
                renewalsFailing = false;
                LOG.info("leases renewed again");
            }
            Set<Long> lost = new HashSet<>(configIds);
            lost.removeAll(held);
            return lost;
        } catch (RuntimeException e) {
            if (!renewalsFailing) {
                renewalsFailing = true;
                LOG.warn("renewing the grids' leases failed (retrying every {} ms; grids stop sending orders {} ms after "
                        + "their last renewal): {}", settings.renewEveryMs(), settings.fenceAfterMs(), e.toString());
            }
            return Set.of();
        }
    }

    /**
     * Grids recorded as running (or starting) that no live daemon holds: their holder was killed or cut off
     * and its lease ran out, or it was a process of this host that no longer exists.
     */
    List<GridLease> orphans(Set<Long> hostedHere) {
        long now = clock.getAsLong();
        return db.runtime().leases().stream().filter(l -> !hostedHere.contains(l.configId()))
                .filter(l -> orphaned(l, now)).toList();
    }

    /**
     * The grid's lease, if the grid is recorded in a status other than stopped and no live daemon holds it: its
     * host died or lost the database, and what it left on the venue waits for a daemon to take the grid.
     */
    Optional<GridLease> unheld(long configId) {
        long now = clock.getAsLong();
        return db.runtime().leases().stream().filter(l -> l.configId() == configId)
                .filter(l -> l.status() != GridStatus.STOPPED && unheld(l, now)).findFirst();
    }

    private boolean orphaned(GridLease l, long now) {
        return (l.status() == GridStatus.RUNNING || l.status() == GridStatus.INITIALIZING) && unheld(l, now);
    }

    private boolean unheld(GridLease l, long now) {
        return !l.held(now, settings.leaseMs()) || DaemonIdentity.deadOnThisHost(l.owner());
    }

    /** Forgets a grid given up or released: it may send nothing more. */
    void forget(long configId) {
        renewedAt.remove(configId);
    }
}
