package io.gridbot.runner.web;

import io.gridbot.persistence.Database;
import io.gridbot.runner.metrics.HttpMonitoring;
import io.gridbot.runner.web.grid.LiveGrids;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The dashboard's command-line options, shared by {@code grid daemon} and {@code grid demo --keep-running}:
 * off unless {@code --dashboard} or a port is given; on 127.0.0.1:8080 by default.
 */
public final class DashboardOptions {

    /** The port used when none is given. */
    public static final int DEFAULT_PORT = 8080;

    @Option(names = "--dashboard", description = "serve the web dashboard (on 127.0.0.1:" + DEFAULT_PORT + " unless told otherwise)")
    boolean enabled;

    @Option(names = "--dashboard-port", paramLabel = "PORT", description = "serve the dashboard on this port (0: any free port)")
    Integer port;

    @Option(names = "--dashboard-bind", paramLabel = "ADDRESS", defaultValue = DashboardServer.Settings.LOOPBACK,
            description = "address to listen on (default ${DEFAULT-VALUE}); anything else exposes the dashboard to the network")
    String bind;

    @Option(names = "--dashboard-behind-tls", description = "browsers reach the dashboard through a TLS reverse proxy: "
            + "mark the session cookie Secure on every response")
    boolean behindTls;

    /** Options asking for the dashboard on this address and port (for embedding and tests). */
    public static DashboardOptions on(String bind, int port) {
        DashboardOptions options = new DashboardOptions();
        options.enabled = true;
        options.bind = bind;
        options.port = port;
        return options;
    }

    /** Turns the dashboard on, as {@code grid demo --keep-running} does. */
    public DashboardOptions enable() {
        enabled = true;
        return this;
    }

    /** The settings, when the dashboard is wanted. */
    public Optional<DashboardServer.Settings> settings() {
        if (!enabled && port == null) {
            return Optional.empty();
        }
        return Optional.of(new DashboardServer.Settings(bind, port == null ? DEFAULT_PORT : port, behindTls));
    }

    /** Starts the dashboard when wanted, saying where it is (and warning when it is not loopback-only). */
    public Optional<DashboardServer> start(Database db, LiveGrids live, PrintWriter out) throws Exception {
        return start(db, live, HttpMonitoring.NONE, out);
    }

    /** As {@link #start(Database, LiveGrids, PrintWriter)}, serving a daemon's health and metrics too. */
    public Optional<DashboardServer> start(Database db, LiveGrids live, HttpMonitoring monitoring, PrintWriter out)
            throws Exception {
        Optional<DashboardServer.Settings> settings = settings();
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        if (!settings.get().loopbackOnly()) {
            out.printf("WARNING: the dashboard listens on %s, reachable from other machines, over plain HTTP; "
                    + "put it behind a TLS reverse proxy or keep it on 127.0.0.1%n", settings.get().bind());
        }
        DashboardServer server = DashboardServer.start(settings.get(), db, live, monitoring);
        int users = db.dashboardUsers().list().size();
        out.printf("dashboard: %s%s%n", server.uri(), users == 0
                ? " (no user yet: add one with 'grid user add NAME' on the same database)" : "");
        out.flush();
        return Optional.of(server);
    }
}
