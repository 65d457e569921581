package io.gridbot.runner.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One delivered and one dropped counter per notifier, tagged with its name; a notifier added or removed while
 * the daemon runs gains or loses its counters at the next scrape.
 */
final class NotifierMeters {

    private final MeterRegistry registry;
    private final NotifierFigures figures;
    private final Map<String, List<Meter>> shown = new HashMap<>();

    NotifierMeters(MeterRegistry registry, NotifierFigures figures) {
        this.registry = registry;
        this.figures = figures;
    }

    /** Brings the counters in line with the notifiers in use now. */
    synchronized void refresh() {
        Set<String> now = new HashSet<>(figures.names());
        shown.keySet().removeIf(name -> {
            if (now.contains(name)) {
                return false;
            }
            shown.get(name).forEach(registry::remove);
            return true;
        });
        for (String name : now) {
            shown.computeIfAbsent(name, n -> List.of(
                    FunctionCounter.builder(MeterNames.NOTIFIER_DELIVERED, figures, f -> f.delivered(n))
                            .tag("notifier", n).description("Alerts the notifier delivered").register(registry),
                    FunctionCounter.builder(MeterNames.NOTIFIER_DROPPED, figures, f -> f.dropped(n))
                            .tag("notifier", n).description("Alerts the notifier dropped: its queue was full")
                            .register(registry)));
        }
    }
}
