package io.gridbot.runner.web.http;

import io.gridbot.runner.web.auth.Session;
import io.gridbot.runner.web.auth.SessionStore;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's only Jetty handler: finds the route, enforces the security model (a session for every
 * non-public route, the session's CSRF token on every POST), adds the security headers, and turns a failure
 * into a generic 500 whose details go to the log only.
 */
public final class Dispatcher extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final long MAX_DRAINED_BYTES = 64 * 1024;

    private final List<Route> routes;
    private final SessionStore sessions;
    private final boolean behindTls;

    public Dispatcher(List<Route> routes, SessionStore sessions) {
        this(routes, sessions, false);
    }

    /** @param behindTls browsers come through a TLS reverse proxy: session cookies are always {@code Secure} */
    public Dispatcher(List<Route> routes, SessionStore sessions, boolean behindTls) {
        this.routes = List.copyOf(routes);
        this.sessions = sessions;
        this.behindTls = behindTls;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        secureHeaders(response);
        String method = request.getMethod();
        String path = Request.getPathInContext(request);
        List<String> segments = Arrays.stream(path.substring(1).split("/", -1))
                .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8)).toList();
        Optional<Session> session = sessions.find(cookie(request));
        HttpCall deny = new HttpCall(request, response, callback, Map.of(), session.orElse(null), behindTls);
        boolean pathKnown = false;
        for (Route route : routes) {
            Optional<Map<String, String>> params = route.match(method, segments);
            if (params.isEmpty()) {
                pathKnown |= route.match(route.method(), segments).isPresent();
                continue;
            }
            HttpCall call = new HttpCall(request, response, callback, params.get(), session.orElse(null), behindTls);
            try {
                if (route.access() == Access.USER && session.filter(Session::authenticated).isEmpty()) {
                    drainSmallBody(request);
                    refuseAnonymous(call, path);
                } else if (method.equals("POST") && (session.isEmpty() || !SessionStore.csrfMatches(session.get(),
                        csrfToken(request)))) {
                    drainSmallBody(request);
                    call.json(403, Map.of("error", "missing or wrong CSRF token; reload the page"));
                } else {
                    route.endpoint().handle(call);
                }
            } catch (Exception e) {
                LOG.warn("dashboard: {} {} failed", method, path, e);
                try {
                    call.json(500, Map.of("error", "internal error; see the runner's log"));
                } catch (Exception ignored) {
                    callback.failed(e);
                }
            }
            return true;
        }
        try {
            deny.json(pathKnown ? 405 : 404, Map.of("error", pathKnown ? "method not allowed" : "not found"));
        } catch (Exception e) {
            callback.failed(e);
        }
        return true;
    }

    /**
     * Reads a refused request's small body before the answer: a body still unread when the answer goes out
     * makes the server close the connection, and a client that already sent its next request on it gets no
     * answer at all. Large bodies are left to that close.
     */
    private static void drainSmallBody(Request request) throws java.io.IOException {
        long length = request.getLength();
        if (length > 0 && length <= MAX_DRAINED_BYTES) {
            org.eclipse.jetty.io.Content.Source.consumeAll(request);
        }
    }

    private static void refuseAnonymous(HttpCall call, String path) throws Exception {
        if (path.startsWith("/api/") || path.endsWith(".csv")) {
            call.json(401, Map.of("error", "log in first"));
        } else {
            call.redirect("/login");
        }
    }

    /** The token of a form (hidden field) or of a script's request (header). */
    private static String csrfToken(Request request) {
        String header = request.getHeaders().get(HttpCall.CSRF_HEADER);
        if (header != null) {
            return header;
        }
        String type = request.getHeaders().get("Content-Type");
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            try {
                return org.eclipse.jetty.server.FormFields.getFields(request).getValue("csrf");
            } catch (Exception e) {
                return null;
            }
        }
        return null;
    }

    private static String cookie(Request request) {
        List<HttpCookie> cookies = Request.getCookies(request);
        return cookies == null ? null : cookies.stream().filter(c -> c.getName().equals(HttpCall.SESSION_COOKIE))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private static void secureHeaders(Response response) {
        var h = response.getHeaders();
        // Scripts only from this origin, nothing from anywhere else: the dashboard works offline by design.
        h.put("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        h.put("Referrer-Policy", "same-origin");
        h.put("Cache-Control", "no-store");
    }
}
