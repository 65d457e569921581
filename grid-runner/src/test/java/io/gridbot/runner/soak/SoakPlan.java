package io.gridbot.runner.soak;

import io.gridbot.runner.daemon.LeaseSettings;

/**
 * How a soak runs: its seed, how many simulated hours, how fast the market replays (simulated seconds per real
 * second), how many daemons share the grids, and their leases. Leases and the daemons' reconnect schedule run on
 * real time, so their proportions to the simulated faults are those of the speed: at 60×, a 5-minute outage lasts
 * 5 s and outlasts a 4-s lease, and a 30-s outage lasts half a second, within the 2-s fencing time.
 *
 * @param seed    the fault schedule's seed
 * @param hours   simulated hours
 * @param speed   simulated time per real time
 * @param daemons daemon processes (two on a database server, one on the embedded database)
 * @param lease   the daemons' leases
 */
record SoakPlan(long seed, int hours, double speed, int daemons, LeaseSettings lease) {

    /** Leases short enough that a takeover happens within a simulated hour, long enough for a loaded machine. */
    static final LeaseSettings LEASE = new LeaseSettings(4_000, 500, 2_000, 200);

    SoakPlan {
        if (hours < 1 || speed <= 0 || daemons < 1 || daemons > 2) {
            throw new IllegalArgumentException("a soak needs 1 or more hours, a speed above 0 and 1 or 2 daemons");
        }
    }

    /**
     * The plan the system properties give ({@code gridbot.soak.seed}, {@code .hours}, {@code .speed}), with
     * {@code hours} and {@code seed} as the defaults.
     */
    static SoakPlan fromProperties(int hours, long seed, int daemons) {
        return new SoakPlan(Long.getLong("gridbot.soak.seed", seed), Integer.getInteger("gridbot.soak.hours", hours),
                Double.parseDouble(System.getProperty("gridbot.soak.speed", "60")), daemons, LEASE);
    }

    /** Simulated milliseconds as real ones. */
    long realMs(long simMs) {
        return (long) (simMs / speed);
    }

    FaultSchedule schedule(boolean databaseFaults) {
        return FaultSchedule.draw(seed, hours, daemons, databaseFaults);
    }
}
