package io.gridbot.runner.web;

import io.gridbot.persistence.Database;
import io.gridbot.runner.api.BearerCheck;
import io.gridbot.runner.api.OpenApiDocument;
import io.gridbot.runner.metrics.HttpMonitoring;
import io.gridbot.runner.venue.VenueListings;
import io.gridbot.runner.web.auth.Authenticator;
import io.gridbot.runner.web.auth.SessionStore;
import io.gridbot.runner.web.grid.AlertFeed;
import io.gridbot.runner.web.grid.GridBoard;
import io.gridbot.runner.web.grid.LiveGrids;
import io.gridbot.runner.web.http.Dispatcher;
import io.gridbot.runner.web.http.HttpCall;
import io.gridbot.runner.web.http.Route;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The web dashboard, served by the runner on Jetty: login, the grid list, each grid's live page,
 * logs, statistics, charts, CSV downloads, configuration and control. It reads the database, plus the live
 * engines of the process hosting it, so it can run inside {@code grid daemon} or beside one.
 */
public final class DashboardServer implements AutoCloseable {

    /**
     * Where the dashboard listens.
     *
     * @param bind      the address; loopback unless the operator asks otherwise
     * @param port      the port, 0 for any free one
     * @param behindTls whether browsers reach it through a TLS reverse proxy, so the session cookie is always
     *                  {@code Secure} (it is anyway on a request the proxy marks as HTTPS)
     */
    public record Settings(String bind, int port, boolean behindTls) {

        /** The default address: this machine only. */
        public static final String LOOPBACK = "127.0.0.1";

        /** Plain HTTP, no proxy promised. */
        public Settings(String bind, int port) {
            this(bind, port, false);
        }

        /** Whether the address is reachable from this machine only. */
        public boolean loopbackOnly() {
            try {
                return InetAddress.getByName(bind).isLoopbackAddress();
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }
    }

    private final Server server;
    private final ServerConnector connector;
    private final GridRoutes gridRoutes;
    private final BearerCheck bearer;
    private final List<Route> routes;

    private DashboardServer(Server server, ServerConnector connector, GridRoutes gridRoutes, BearerCheck bearer,
            List<Route> routes) {
        this.server = server;
        this.connector = connector;
        this.gridRoutes = gridRoutes;
        this.bearer = bearer;
        this.routes = List.copyOf(routes);
    }

    /** Starts the dashboard over this database and these live grids; configurations are checked against the venues. */
    public static DashboardServer start(Settings settings, Database db, LiveGrids live) throws Exception {
        return start(settings, db, live, VenueListings.standard(System.getenv()));
    }

    /** As {@link #start(Settings, Database, LiveGrids)}, serving a daemon's {@code /health} and {@code /metrics}. */
    public static DashboardServer start(Settings settings, Database db, LiveGrids live, HttpMonitoring monitoring)
            throws Exception {
        return start(settings, db, live, VenueListings.standard(System.getenv()), monitoring);
    }

    /** As {@link #start(Settings, Database, LiveGrids)}, with the venues' listings given (a fake venue in tests). */
    public static DashboardServer start(Settings settings, Database db, LiveGrids live, VenueListings venues)
            throws Exception {
        return start(settings, db, live, venues, HttpMonitoring.NONE);
    }

    /** With the venues' listings and the monitoring to serve given. */
    public static DashboardServer start(Settings settings, Database db, LiveGrids live, VenueListings venues,
            HttpMonitoring monitoring) throws Exception {
        LongSupplier clock = System::currentTimeMillis;
        // A removed user, or one whose password changed after they logged in, is out at the next request.
        SessionStore sessions = new SessionStore(clock, session -> db.dashboardUsers().find(session.user())
                .filter(u -> u.updatedAt() <= session.createdMs()).isPresent());
        Pages pages = new Pages();
        GridBoard board = new GridBoard(db, live, clock);
        GridRoutes grids = new GridRoutes(board, new AlertFeed(db, clock), clock);
        LoginRoutes login = new LoginRoutes(sessions, new Authenticator(db::dashboardUsers, clock),
                (call, status, csrf, message) -> pages.page(call, status, "login", Map.of("csrf", csrf,
                        "message", message)));
        List<Route> routes = new ArrayList<>(login.routes());
        routes.add(Route.get("/assets/{file}", call -> pages.asset(call, call.path("file"))).open());
        routes.add(Route.get("/assets/vendor/{file}", call -> pages.vendor(call, call.path("file"))).open());
        routes.add(Route.get("/", call -> pages.page(call, 200, "grids", user(call))));
        routes.add(Route.get("/grids/{name}", call -> gridPage(call, pages, board, "grid")));
        routes.add(Route.get("/grids/{name}/edit", call -> gridPage(call, pages, board, "config")));
        routes.add(Route.get("/new-grid", call -> pages.page(call, 200, "config", Map.of("csrf",
                call.session().csrfToken(), "user", call.session().user(), "grid", ""))));
        routes.addAll(grids.routes());
        routes.addAll(new ChartRoutes(db, clock).routes());
        routes.addAll(new ConfigRoutes(db, clock, venues).routes());
        routes.addAll(new PreviewRoutes(venues, db, clock).routes());
        byte[] openApi = OpenApiDocument.bytes();
        routes.add(Route.get(OpenApiDocument.PATH, call -> call.send(200, OpenApiDocument.MEDIA_TYPE, openApi)).open());
        routes.addAll(monitoring.routes());

        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("dashboard");
        threads.setDaemon(true);
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(settings.bind());
        connector.setPort(settings.port());
        server.addConnector(connector);
        BearerCheck bearer = new BearerCheck(db::apiTokens, clock);
        server.setHandler(new Dispatcher(routes, sessions, settings.behindTls(), bearer,
                call -> missing(call, pages, "There is no page at " + call.path("path") + ".")));
        monitoring.watch(server);
        server.setStopTimeout(2_000);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new DashboardServer(server, connector, grids, bearer, routes);
    }

    private static Map<String, String> user(HttpCall call) {
        return Map.of("csrf", call.session().csrfToken(), "user", call.session().user());
    }

    /** A grid's page, or the 404 page when no grid has that name: the page would wait for it forever. */
    private static void gridPage(HttpCall call, Pages pages, GridBoard board, String page) {
        if (board.grid(call.path("name")).isEmpty()) {
            missing(call, pages, "No grid named “" + call.path("name") + "”.");
        } else {
            pages.page(call, 200, page, withGrid(call));
        }
    }

    private static void missing(HttpCall call, Pages pages, String message) {
        pages.page(call, 404, "missing", Map.of("csrf", call.session().csrfToken(), "user", call.session().user(),
                "message", message));
    }

    private static Map<String, String> withGrid(HttpCall call) {
        return Map.of("csrf", call.session().csrfToken(), "user", call.session().user(), "grid", call.path("name"));
    }

    /**
     * This server's own control token, valid until it stops and stored nowhere: the daemon publishes it to the
     * commands of its data directory.
     */
    public String controlToken() {
        return bearer.processToken();
    }

    /** Every route this server answers, in the order they are matched. */
    public List<Route> routes() {
        return routes;
    }

    /** The address browsers use. */
    public URI uri() {
        String host = connector.getHost() == null || connector.getHost().equals("0.0.0.0") ? "127.0.0.1"
                : connector.getHost();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + connector.getLocalPort() + "/");
    }

    @Override
    public void close() {
        gridRoutes.close();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the dashboard did not stop", e);
        }
    }
}
