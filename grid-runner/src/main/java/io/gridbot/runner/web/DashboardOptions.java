package io.gridbot.runner.web;

import io.gridbot.persistence.Database;
import io.gridbot.runner.metrics.HttpMonitoring;
import io.gridbot.runner.web.grid.LiveGrids;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.UnknownHostException;
import picocli.CommandLine.Option;

/**
 * The HTTP server's command-line options, shared by {@code grid daemon} and {@code grid demo --keep-running}:
 * the server (the API, the dashboard's pages, health and metrics) always runs, on 127.0.0.1:8080 unless told
 * otherwise. The options of the time when the dashboard was optional ({@code --dashboard},
 * {@code --dashboard-port}, {@code --dashboard-bind}, {@code --dashboard-behind-tls}) still work.
 */
public final class DashboardOptions {

    /** The port used when none is given. */
    public static final int DEFAULT_PORT = 8080;

    @Option(names = "--dashboard", hidden = true, description = "accepted for older scripts: the server always runs")
    boolean enabled;

    @Option(names = {"--http-port", "--dashboard-port"}, paramLabel = "PORT", defaultValue = "" + DEFAULT_PORT,
            description = "serve the API and the dashboard on this port (default ${DEFAULT-VALUE}; 0: any free port)")
    int port = DEFAULT_PORT;

    @Option(names = {"--http-bind", "--dashboard-bind"}, paramLabel = "ADDRESS",
            defaultValue = DashboardServer.Settings.LOOPBACK,
            description = "address to listen on (default ${DEFAULT-VALUE}); anything else exposes the server to the network")
    String bind = DashboardServer.Settings.LOOPBACK;

    @Option(names = {"--http-behind-tls", "--dashboard-behind-tls"}, description = "browsers reach the server "
            + "through a TLS reverse proxy: mark the session cookie Secure on every response")
    boolean behindTls;

    /** The server cannot listen where the options say. */
    public static final class UnusableAddressException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnusableAddressException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Options asking for the server on this address and port (for embedding and tests). */
    public static DashboardOptions on(String bind, int port) {
        DashboardOptions options = new DashboardOptions();
        options.bind = bind;
        options.port = port;
        return options;
    }

    /** Where the server listens. */
    public DashboardServer.Settings settings() {
        return new DashboardServer.Settings(bind, port, behindTls);
    }

    /**
     * Starts the server with a daemon's health and metrics ({@link HttpMonitoring#NONE} for none), saying where
     * it is (and warning when it is not loopback-only).
     *
     * @throws UnusableAddressException when the port is taken or the address is not this machine's, with a
     *                                  message naming the option to change
     */
    public DashboardServer start(Database db, LiveGrids live, HttpMonitoring monitoring, PrintWriter out)
            throws Exception {
        DashboardServer.Settings settings = settings();
        if (settings.port() < 0 || settings.port() > 65_535) {
            throw new UnusableAddressException("--http-port must be 0 to 65535, not " + settings.port(), null);
        }
        if (!settings.loopbackOnly()) {
            out.printf("WARNING: the server listens on %s, reachable from other machines, over plain HTTP; "
                    + "put it behind a TLS reverse proxy or keep it on 127.0.0.1%n", settings.bind());
        }
        DashboardServer server;
        try {
            server = DashboardServer.start(settings, db, live, monitoring);
        } catch (Exception e) {
            throw unusable(settings, e);
        }
        int users = db.dashboardUsers().list().size();
        out.printf("dashboard: %s%s%n", server.uri(), users == 0
                ? " (no user yet: add one with 'grid user add NAME' on the same database)" : "");
        out.printf("API: %sapi/ (described at %sapi/openapi.yaml; tokens: 'grid token create NAME')%n", server.uri(),
                server.uri());
        out.flush();
        return server;
    }

    private static Exception unusable(DashboardServer.Settings settings, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return new UnusableAddressException("cannot listen on " + settings.bind() + ":" + settings.port()
                        + " (" + t.getMessage() + "): choose another port with --http-port (0 picks a free one)"
                        + " or another address with --http-bind", e);
            }
            if (t instanceof UnknownHostException) {
                return new UnusableAddressException("--http-bind " + settings.bind()
                        + " is not an address of this machine", e);
            }
        }
        return e;
    }
}
