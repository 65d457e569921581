package io.gridbot.runner.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboard and the alert rules in docs/monitoring use only metrics that a daemon's {@code /metrics}
 * exports, and every metric docs/monitoring.md lists is exported too, so none of them can fall behind the code
 * (issue 13).
 */
class MonitoringDocsTest {

    private static final Path DOCS = Path.of("..", "docs");

    @TempDir
    Path dir;

    @Test
    void theDashboardTheAlertRulesAndTheMonitoringPageNameOnlyExportedMetrics() throws Exception {
        Set<String> exported;
        try (MonitoredDaemon d = new MonitoredDaemon(dir)) {
            d.startGrid();
            d.daemon.monitoring().countNotifiers(new NotifierFigures() { // a daemon with one notifier
                @Override
                public java.util.List<String> names() {
                    return java.util.List.of("ops");
                }

                @Override
                public long delivered(String name) {
                    return 0;
                }

                @Override
                public long dropped(String name) {
                    return 0;
                }
            });
            d.exchange.faults().rejectNextCreates(1, io.gridbot.core.fault.ExchangeErrorKind.RATE_LIMITED);
            d.trade("25890.0"); // fills, and a refusal: the refusals' counter appears with the first one
            System.gc(); // the pause timer appears with the first collection the binder hears of
            MonitoredDaemon.await("a collection and a refusal reported", () -> names(d).containsAll(
                    List.of("jvm_gc_pause_seconds_sum", "gridbot_venue_refusals_total")));
            exported = names(d);
        }
        Set<String> dashboard = dashboardNames();
        Set<String> rules = ruleNames();
        assertThat(dashboard).as("the dashboard reads the per-grid figures").contains("gridbot_grid_position",
                "gridbot_grid_realized_pnl", "gridbot_grid_open_orders", "gridbot_grid_order_drift",
                "gridbot_grid_stream_up", "gridbot_order_ack_seconds_bucket", "gridbot_venue_rate_limit_hits_total",
                "gridbot_writebehind_backlog", "gridbot_writebehind_dropped_total", "jvm_memory_used_bytes");
        assertThat(dashboard).as("every metric the Grafana dashboard uses is exported").isSubsetOf(exported);
        // Prometheus writes up itself, for every target it scrapes: the one series the rules may use beyond ours.
        Set<String> ours = new TreeSet<>(rules);
        assertThat(ours.remove("up")).as("the daemon-down rule reads Prometheus's up").isTrue();
        assertThat(ours).as("every metric the alert rules use is exported").isSubsetOf(exported);
        // A histogram or timer is named once by its base name; /metrics writes its _count, _sum and _max.
        assertThat(pageNames()).as("every metric docs/monitoring.md names is exported")
                .allSatisfy(n -> assertThat(exported).containsAnyOf(n, n + "_count"));
    }

    @Test
    void everyAlertRuleIsComplete() throws Exception {
        JsonNode groups = new YAMLMapper().readTree(DOCS.resolve("monitoring/alert-rules.yml").toFile()).path("groups");
        List<String> alerts = new ArrayList<>();
        groups.forEach(g -> g.path("rules").forEach(r -> {
            alerts.add(r.path("alert").asText());
            assertThat(r.path("expr").asText()).as(r.path("alert").asText()).isNotBlank();
            assertThat(r.path("labels").path("severity").asText()).isIn("critical", "warning");
            assertThat(r.path("annotations").path("summary").asText()).isNotBlank();
        }));
        assertThat(alerts).contains("GridbotDaemonDown", "GridbotHealthDown", "GridbotStreamDown",
                "GridbotNoFillWhileOrdersRest", "GridbotOrderDriftPersisting", "GridbotWriteBehindDrops",
                "GridbotRateLimitStorm");
        String page = Files.readString(DOCS.resolve("monitoring.md"));
        assertThat(alerts).allSatisfy(a -> assertThat(page).as("docs/monitoring.md explains " + a).contains("`" + a + "`"));
    }

    @Test
    void theNamesOfAnExpressionAreItsMetricsAlone() {
        assertThat(PromQlNames.of("histogram_quantile(0.95, sum by (grid, le) (rate(gridbot_order_ack_seconds_bucket"
                + "{grid=~\"$grid\", outcome=\"accepted\"}[$__rate_interval]))) > 2.5 and on (instance, grid) "
                + "gridbot_grid_status{status=\"RUNNING\"} == 1 or absent(up{job=\"gridbot\"}) * 6e3"))
                .containsExactlyInAnyOrder("gridbot_order_ack_seconds_bucket", "gridbot_grid_status", "up");
    }

    private static Set<String> names(MonitoredDaemon d) {
        try {
            return d.metrics().names();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> dashboardNames() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(DOCS.resolve("monitoring/grafana-dashboard.json").toFile());
        Set<String> names = new TreeSet<>();
        List<JsonNode> exprs = dashboard.findValues("expr");
        assertThat(exprs).as("the dashboard's queries").hasSizeGreaterThan(10);
        exprs.forEach(e -> names.addAll(PromQlNames.of(e.asText())));
        Matcher variable = Pattern.compile("label_values\\(([a-zA-Z_:][a-zA-Z0-9_:]*)")
                .matcher(dashboard.path("templating").toString());
        while (variable.find()) {
            names.add(variable.group(1));
        }
        return names;
    }

    private static Set<String> ruleNames() throws Exception {
        JsonNode rules = new YAMLMapper().readTree(DOCS.resolve("monitoring/alert-rules.yml").toFile());
        Set<String> names = new TreeSet<>();
        rules.findValues("expr").forEach(e -> names.addAll(PromQlNames.of(e.asText())));
        assertThat(names).isNotEmpty();
        return names;
    }

    /** Every metric name the page writes in backquotes (labels left out). */
    private static Set<String> pageNames() throws Exception {
        Set<String> names = new TreeSet<>();
        Matcher name = Pattern.compile("`((?:gridbot|jvm|process|system|hikaricp|jetty)_[a-z0-9_]+)")
                .matcher(Files.readString(DOCS.resolve("monitoring.md")));
        while (name.find()) {
            names.add(name.group(1));
        }
        assertThat(names).as("the page's metrics").hasSizeGreaterThan(30);
        return names;
    }
}
