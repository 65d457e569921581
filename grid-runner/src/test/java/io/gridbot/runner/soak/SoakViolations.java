package io.gridbot.runner.soak;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The invariant breaks a soak found, by rule, each with the simulated time it was seen at. A rule that breaks
 * thousands of times keeps its first {@value #KEPT} examples and a count.
 */
final class SoakViolations {

    static final int KEPT = 20;

    private final Map<String, List<String>> examples = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    synchronized void add(String rule, long simMs, String what) {
        counts.merge(rule, 1, Integer::sum);
        List<String> kept = examples.computeIfAbsent(rule, r -> new ArrayList<>());
        if (kept.size() < KEPT) {
            kept.add(SoakReport.clock(simMs) + " " + what);
        }
    }

    synchronized boolean none() {
        return counts.isEmpty();
    }

    /** How many breaks were seen, of every rule. */
    synchronized int count() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Each broken rule with its count and first examples, for the report. */
    synchronized String describe() {
        if (counts.isEmpty()) {
            return "none";
        }
        StringBuilder out = new StringBuilder();
        counts.forEach((rule, n) -> {
            out.append(rule).append(": ").append(n).append('\n');
            examples.get(rule).forEach(e -> out.append("    ").append(e).append('\n'));
        });
        return out.toString();
    }
}
