package io.gridbot.runner.daemon;

import java.util.Properties;

/**
 * How a daemon holds its grids, with leases that cannot split. A daemon renews its leases every
 * {@code renewEveryMs}; one that has not renewed a grid's lease for {@code fenceAfterMs} stops sending orders
 * for it (it fences itself) until a renewal succeeds again; another daemon may take the grid only once
 * {@code leaseMs} passed without a renewal. Because {@code fenceAfterMs < leaseMs}, the old holder has stopped
 * sending before anyone else may start, so two daemons never place orders for one grid, whatever happens to
 * the network between them and the database. {@code pollMs} is how often control requests are read.
 *
 * @param leaseMs      how long a grid stays a daemon's without a renewal (30 s)
 * @param renewEveryMs how often leases are renewed, and grids whose lease ran out are looked for (5 s)
 * @param fenceAfterMs how long after its last renewal a daemon stops sending a grid's orders (15 s)
 * @param pollMs       how often control requests are read (200 ms)
 */
public record LeaseSettings(long leaseMs, long renewEveryMs, long fenceAfterMs, long pollMs) {

    /** The system properties that override the defaults (for tests and drills; not user settings). */
    public static final String LEASE = "gridbot.lease-ms";
    public static final String RENEW = "gridbot.lease-renew-ms";
    public static final String FENCE = "gridbot.lease-fence-ms";
    public static final String POLL = "gridbot.control-poll-ms";

    public LeaseSettings {
        if (pollMs <= 0 || renewEveryMs <= 0 || renewEveryMs >= fenceAfterMs || fenceAfterMs >= leaseMs) {
            throw new IllegalArgumentException("lease settings need 0 < renewal (" + renewEveryMs + " ms) < fencing ("
                    + fenceAfterMs + " ms) < lease (" + leaseMs + " ms) and a poll above 0 (" + pollMs + " ms)");
        }
    }

    /** 30 s leases renewed every 5 s, fenced after 15 s; requests read every 200 ms. */
    public static LeaseSettings defaults() {
        return new LeaseSettings(30_000, 5_000, 15_000, 200);
    }

    /** The defaults, each overridden by its system property when set. */
    public static LeaseSettings from(Properties properties) {
        LeaseSettings d = defaults();
        return new LeaseSettings(number(properties, LEASE, d.leaseMs()), number(properties, RENEW, d.renewEveryMs()),
                number(properties, FENCE, d.fenceAfterMs()), number(properties, POLL, d.pollMs()));
    }

    /**
     * The longest a grid recorded as running stays without a host after its daemon went silent (killed, or cut
     * off from the database): its lease runs out, and a live daemon finds it at its next renewal round.
     */
    public long resumeWithinMs() {
        return leaseMs + renewEveryMs;
    }

    private static long number(Properties properties, String name, long fallback) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number of milliseconds, not '" + value + "'");
        }
    }
}
