package io.gridbot.runner.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotifierMetersTest {

    /** Notifiers as a running daemon's notifications report them. */
    private static final class Figures implements NotifierFigures {
        final List<String> names = new ArrayList<>();
        final Map<String, Long> delivered = new HashMap<>();
        final Map<String, Long> dropped = new HashMap<>();

        @Override
        public List<String> names() {
            return names;
        }

        @Override
        public long delivered(String name) {
            return delivered.getOrDefault(name, 0L);
        }

        @Override
        public long dropped(String name) {
            return dropped.getOrDefault(name, 0L);
        }
    }

    @Test
    void eachNotifierHasItsDeliveredAndDroppedCountersUntilItIsRemoved() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Figures figures = new Figures();
        NotifierMeters meters = new NotifierMeters(registry, figures);
        figures.names.addAll(List.of("ops", "phone"));
        figures.delivered.put("ops", 3L);
        figures.dropped.put("phone", 2L);

        meters.refresh();
        String scraped = registry.scrape();
        assertThat(scraped).contains("gridbot_notifier_delivered_total{notifier=\"ops\"} 3.0",
                "gridbot_notifier_dropped_total{notifier=\"phone\"} 2.0",
                "gridbot_notifier_delivered_total{notifier=\"phone\"} 0.0");

        figures.names.remove("phone");
        figures.delivered.put("ops", 4L);
        meters.refresh();
        assertThat(registry.scrape()).contains("gridbot_notifier_delivered_total{notifier=\"ops\"} 4.0")
                .doesNotContain("notifier=\"phone\"");
    }
}
