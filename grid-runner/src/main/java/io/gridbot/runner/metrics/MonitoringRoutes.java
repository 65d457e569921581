package io.gridbot.runner.metrics;

import io.gridbot.runner.web.http.Route;
import java.util.List;

/**
 * {@code GET /health} (JSON, 200 while UP or DEGRADED, 503 when DOWN) and {@code GET /metrics} (Prometheus's
 * text format), open to anyone: a monitor holds no login. Neither shows anything secret.
 */
final class MonitoringRoutes {

    /** The content type of Prometheus's text format. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Monitoring monitoring;

    MonitoringRoutes(Monitoring monitoring) {
        this.monitoring = monitoring;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/health", call -> {
                    HealthReport report = monitoring.health();
                    call.json(report.httpStatus(), report);
                }).open(),
                Route.get("/metrics", call -> call.text(200, PROMETHEUS_TEXT, monitoring.scrape())).open());
    }
}
