package io.gridbot.runner.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a soak found, in figures a person reads: the plan, the faults injected, each grid's executions and
 * uptime, how long grids took to trade again after each kind of fault, the daemons' crashes, and every
 * invariant that broke.
 *
 * @param plan       the run's plan
 * @param injected   faults injected by kind
 * @param missing    kinds the schedule promised and the run did not inject
 * @param orders     orders the venue accepted per grid
 * @param executions venue executions per grid
 * @param uptime     per grid, the fraction of the run it was able to trade
 * @param outages    the stretches in which a grid could not trade
 * @param faults     the schedule, to attribute each outage to the fault before it
 * @param crashes    daemon exits the harness did not cause, after they were up
 * @param refusals   daemon exits before they were up (started without a database, say)
 * @param starts     daemon processes started
 * @param violations the invariant breaks
 * @param realSeconds how long the run took
 */
record SoakReport(SoakPlan plan, Map<Fault.Kind, Integer> injected, List<Fault.Kind> missing,
        Map<String, Integer> orders, Map<String, Integer> executions, Map<String, Double> uptime, List<SoakWatch.Outage> outages,
        FaultSchedule faults, int crashes, int refusals, int starts, SoakViolations violations, double realSeconds) {

    /** Whether the run proves what it claims: no break, no crash, every fault injected. */
    boolean passed() {
        return violations.none() && crashes == 0 && missing.isEmpty();
    }

    /** A simulated time as {@code h+mm:ss}. */
    static String clock(long simMs) {
        long s = simMs / 1000;
        return String.format(Locale.ROOT, "%d+%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    String describe() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "soak: seed %d, %d simulated hours at %.0fx, %d daemon(s); %.0f s real%n",
                plan.seed(), plan.hours(), plan.speed(), plan.daemons(), realSeconds));
        out.append("verdict: ").append(passed() ? "PASSED" : "FAILED").append('\n');
        out.append("faults injected:");
        new TreeMap<>(injected).forEach((k, n) -> out.append(' ').append(k.name().toLowerCase(Locale.ROOT)).append('=').append(n));
        out.append('\n');
        if (!missing.isEmpty()) {
            out.append("faults never injected: ").append(missing).append('\n');
        }
        out.append("grids:\n");
        new TreeMap<>(executions).forEach((grid, n) -> out.append(String.format(Locale.ROOT,
                "  %-18s orders %6d  executions %5d  uptime %6.2f %%%n", grid, orders.getOrDefault(grid, 0), n,
                100 * uptime.getOrDefault(grid, 0.0))));
        out.append("recovery (real seconds until a grid traded again, by the fault before the outage):\n");
        recoveries().forEach((kind, seconds) -> out.append(String.format(Locale.ROOT, "  %-18s n %3d  mean %5.1f  max %5.1f%n",
                kind, seconds.size(), seconds.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                seconds.stream().mapToDouble(Double::doubleValue).max().orElse(0))));
        out.append(String.format(Locale.ROOT, "daemons: %d started, %d crashes, %d refused to start%n", starts, crashes,
                refusals));
        out.append("violations: ").append(violations.describe()).append('\n');
        return out.toString();
    }

    /** Each outage's length in real seconds, grouped by the kind of the last fault that started before it. */
    Map<String, List<Double>> recoveries() {
        Map<String, List<Double>> byKind = new TreeMap<>();
        for (SoakWatch.Outage o : outages) {
            String kind = "start";
            for (Fault f : faults.faults()) {
                if (f.atMs() <= o.fromMs()) {
                    kind = f.kind().name().toLowerCase(Locale.ROOT);
                }
            }
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(plan.realMs(o.untilMs() - o.fromMs()) / 1000.0);
        }
        return byKind;
    }
}
