package io.gridbot.runner.web.http;

import io.gridbot.persistence.token.TokenScope;
import io.gridbot.runner.api.BearerCheck;
import io.gridbot.runner.web.auth.Caller;
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
 * The server's only Jetty handler: finds the route, enforces the security model, adds the security headers, and
 * turns a failure into a generic 500 whose details go to the log only.
 *
 * <p>The security model: every non-public route needs a logged-in session, and a POST in a session also needs
 * the session's CSRF token. The API (paths under {@code /api/} and the CSV downloads) also takes
 * {@code Authorization: Bearer <token>}: an unknown or revoked token gets 401 with {@code WWW-Authenticate:
 * Bearer}, a read-scope token may only GET (anything else gets 403), and a bearer request needs no CSRF token,
 * since no browser adds that header on its own. Tokens never reach the log.
 */
public final class Dispatcher extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final long MAX_DRAINED_BYTES = 64 * 1024;
    private static final String BEARER = "bearer ";

    private final List<Route> routes;
    private final SessionStore sessions;
    private final boolean behindTls;
    private final BearerCheck bearer;
    private final Endpoint missingPage;

    /** A dispatcher with sessions only: no token is valid. */
    public Dispatcher(List<Route> routes, SessionStore sessions) {
        this(routes, sessions, false, null);
    }

    /** As below, every unknown path answered with the JSON 404. */
    public Dispatcher(List<Route> routes, SessionStore sessions, boolean behindTls, BearerCheck bearer) {
        this(routes, sessions, behindTls, bearer, null);
    }

    /**
     * @param behindTls browsers come through a TLS reverse proxy: session cookies are always {@code Secure}
     * @param bearer    checks API tokens; {@code null} refuses them all
     * @param missingPage answers a logged-in browser's GET of a page path no route knows (a 404 page, given the
     *                  path as the parameter {@code path}); {@code null} answers it like an API path, with JSON
     */
    public Dispatcher(List<Route> routes, SessionStore sessions, boolean behindTls, BearerCheck bearer,
            Endpoint missingPage) {
        this.routes = List.copyOf(routes);
        this.sessions = sessions;
        this.behindTls = behindTls;
        this.bearer = bearer;
        this.missingPage = missingPage;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        secureHeaders(response);
        String method = request.getMethod();
        String path = Request.getPathInContext(request);
        List<String> segments = Arrays.stream(path.substring(1).split("/", -1))
                .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8)).toList();
        Optional<Session> session = sessions.find(cookie(request));
        HttpCall deny = new HttpCall(request, response, callback, Map.of(), session.orElse(null), behindTls, null,
                () -> false);
        boolean pathKnown = false;
        for (Route route : routes) {
            Optional<Map<String, String>> params = route.match(method, segments);
            if (params.isEmpty()) {
                pathKnown |= route.match(route.method(), segments).isPresent();
                continue;
            }
            try {
                String token = bearerToken(request);
                if (route.access() == Access.USER && token != null && api(path)) {
                    withToken(route, token, request, response, callback, params.get());
                } else {
                    withSession(route, session, request, response, callback, params.get(), path);
                }
            } catch (Exception e) {
                LOG.warn("dashboard: {} {} failed", method, path, e);
                try {
                    deny.json(500, Map.of("error", "internal error; see the runner's log"));
                } catch (Exception ignored) {
                    callback.failed(e);
                }
            }
            return true;
        }
        try {
            if (!pathKnown && missingPage != null && reads(method) && !api(path) && !path.startsWith("/assets/")) {
                // A person typed or followed a page address: an HTML page says so, with a way back.
                withSession(new Route(method, path, Access.USER, missingPage), session, request, response, callback,
                        Map.of("path", path), path);
                return true;
            }
            deny.json(pathKnown ? 405 : 404, Map.of("error", pathKnown ? "method not allowed" : "not found"));
        } catch (Exception e) {
            callback.failed(e);
        }
        return true;
    }

    private void withSession(Route route, Optional<Session> session, Request request, Response response,
            Callback callback, Map<String, String> params, String path) throws Exception {
        Optional<Session> user = session.filter(Session::authenticated);
        String id = session.map(Session::id).orElse(null);
        HttpCall call = new HttpCall(request, response, callback, params, session.orElse(null), behindTls,
                user.<Caller>map(Caller.Browser::new).orElse(null), () -> sessions.find(id).isPresent());
        if (route.access() == Access.USER && user.isEmpty()) {
            drainSmallBody(request);
            refuseAnonymous(call, path);
        } else if (request.getMethod().equals("POST") && (session.isEmpty()
                || !SessionStore.csrfMatches(session.get(), csrfToken(request)))) {
            drainSmallBody(request);
            call.json(403, Map.of("error", "missing or wrong CSRF token; reload the page"));
        } else {
            route.endpoint().handle(call);
        }
    }

    private void withToken(Route route, String token, Request request, Response response, Callback callback,
            Map<String, String> params) throws Exception {
        HttpCall refusal = new HttpCall(request, response, callback, params, null, behindTls, null, () -> false);
        Optional<BearerCheck.Grant> grant = bearer == null ? Optional.empty() : bearer.check(token);
        if (grant.isEmpty()) {
            drainSmallBody(request);
            LOG.info("API: refused a {} {} with an unknown or revoked token", request.getMethod(),
                    Request.getPathInContext(request));
            refusal.header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                    .json(401, Map.of("error", "unknown or revoked API token"));
        } else if (grant.get().scope() == TokenScope.READ && !reads(request.getMethod())) {
            drainSmallBody(request);
            refusal.header("WWW-Authenticate", "Bearer error=\"insufficient_scope\"")
                    .json(403, Map.of("error", "token '" + grant.get().name() + "' has the read scope: it may only "
                            + "read; a control token may change things"));
        } else {
            route.endpoint().handle(new HttpCall(request, response, callback, params, null, behindTls,
                    new Caller.Token(grant.get().name(), grant.get().scope()),
                    () -> bearer.check(token).isPresent()));
        }
    }

    /** The API: where programs with a token are let in beside logged-in browsers. */
    private static boolean api(String path) {
        return path.startsWith("/api/") || path.endsWith(".csv");
    }

    private static boolean reads(String method) {
        return method.equals("GET") || method.equals("HEAD");
    }

    /** The token of an {@code Authorization: Bearer} header, or {@code null} without one. */
    private static String bearerToken(Request request) {
        String header = request.getHeaders().get("Authorization");
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return header.substring(BEARER.length()).strip();
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
        if (api(path)) {
            call.header("WWW-Authenticate", "Bearer").json(401, Map.of("error",
                    "log in first, or send an API token (Authorization: Bearer ...)"));
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
