package io.gridbot.runner.metrics;

import io.gridbot.runner.web.http.Route;
import java.util.List;
import org.eclipse.jetty.server.Server;

/**
 * What the HTTP server serves and reports for monitoring: the {@code /health} and {@code /metrics} routes, open
 * to anyone, and meters of the server itself (its thread pool and connections). A server without a daemon
 * behind it (the dashboard beside one) serves neither.
 */
public interface HttpMonitoring {

    /** The routes to serve. */
    List<Route> routes();

    /** Reports the server's thread pool and connections; called once, before the server starts. */
    void watch(Server server);

    /** Nothing to serve, nothing to watch. */
    HttpMonitoring NONE = new HttpMonitoring() {
        @Override
        public List<Route> routes() {
            return List.of();
        }

        @Override
        public void watch(Server server) {
        }
    };
}
