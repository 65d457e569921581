package io.gridbot.runner.soak;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The faults of a run, drawn from a seed: the same seed gives the same schedule. Every simulated hour one
 * daemon is killed near its end (the daemons take turns); the other faults come in two halves, one in even
 * hours and one in odd hours, each at a minute of its own, so that any two hours hold every kind once and
 * faults overlap as they do in life.
 */
record FaultSchedule(long seed, List<Fault> faults) {

    static final long MINUTE = 60_000;
    /** An outage this long or longer outlasts a lease. */
    static final long LONG_OUTAGE_MS = 5 * MINUTE;

    FaultSchedule {
        faults = faults.stream().sorted(Comparator.comparingLong(Fault::atMs)).toList();
    }

    /**
     * @param hours          simulated hours
     * @param daemons        how many daemons run (a partition needs two)
     * @param databaseFaults whether the database can be cut (not when it is embedded in a daemon)
     */
    static FaultSchedule draw(long seed, int hours, int daemons, boolean databaseFaults) {
        Random random = new Random(seed);
        List<Fault> faults = new ArrayList<>();
        for (int hour = 0; hour < hours; hour++) {
            long start = hour * 60 * MINUTE;
            faults.add(new Fault.Kill(start + minute(random, 50, 57), hour % daemons));
            if (hour % 2 == 0) {
                faults.add(new Fault.StreamDrop(start + minute(random, 5, 45)));
                faults.add(new Fault.StreamStall(start + minute(random, 5, 45), 8 * MINUTE));
                faults.add(new Fault.RateLimitStorm(start + minute(random, 5, 45), 3 * MINUTE));
                faults.add(new Fault.UnknownOutcome(start + minute(random, 5, 45)));
                faults.add(new Fault.DuplicatedEvents(start + minute(random, 5, 45), 12));
                if (databaseFaults) {
                    faults.add(new Fault.DatabaseOutage(start + minute(random, 5, 45), MINUTE / 2));
                }
            } else {
                faults.add(new Fault.FailingReconnect(start + minute(random, 5, 40)));
                faults.add(new Fault.ServerErrors(start + minute(random, 5, 45), 3));
                faults.add(new Fault.PartialFills(start + minute(random, 5, 40), 15 * MINUTE));
                faults.add(new Fault.ReorderedEvents(start + minute(random, 5, 45), 12));
                if (databaseFaults) {
                    faults.add(new Fault.DatabaseOutage(start + minute(random, 5, 40), LONG_OUTAGE_MS));
                    if (daemons > 1) {
                        faults.add(new Fault.Partition(start + minute(random, 10, 35), 20 * MINUTE));
                    }
                }
            }
        }
        return new FaultSchedule(seed, faults);
    }

    /** The kinds this schedule holds. */
    Set<Fault.Kind> kinds() {
        Set<Fault.Kind> kinds = EnumSet.noneOf(Fault.Kind.class);
        faults.forEach(f -> kinds.add(f.kind()));
        return kinds;
    }

    private static long minute(Random random, int from, int to) {
        return (from + random.nextInt(to - from)) * MINUTE + random.nextInt(60) * 1000L;
    }
}
