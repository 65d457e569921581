package io.gridbot.runner.web.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridbot.runner.web.auth.Caller;
import io.gridbot.runner.web.auth.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * One request and its response, with the few operations the dashboard's endpoints need. Each reply method
 * completes the exchange; {@link #stream()} instead keeps it open for server-sent events.
 */
public final class HttpCall {

    /** The name of the session cookie. */
    public static final String SESSION_COOKIE = "gridbot_session";
    /** The header carrying the CSRF token on script-made requests. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final Map<String, String> pathParams;
    private final Session session;
    private final boolean behindTls;
    private final Caller caller;
    private final BooleanSupplier authorized;
    private Fields query;

    HttpCall(Request request, Response response, Callback callback, Map<String, String> pathParams, Session session,
            boolean behindTls, Caller caller, BooleanSupplier authorized) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.pathParams = pathParams;
        this.session = session;
        this.behindTls = behindTls;
        this.caller = caller;
        this.authorized = authorized;
    }

    /** The value of a {@code {name}} segment of the route. */
    public String path(String name) {
        return pathParams.get(name);
    }

    /** A query parameter, or empty. */
    public Optional<String> query(String name) {
        if (query == null) {
            query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        }
        return Optional.ofNullable(query.getValue(name)).filter(s -> !s.isBlank());
    }

    /**
     * The browser session this request belongs to: the logged-in one on a user's route reached with the cookie,
     * possibly anonymous on a public route, {@code null} without a cookie or when an API token was used.
     */
    public Session session() {
        return session;
    }

    /** Who passed the security check: a logged-in browser or an API token; {@code null} on public routes. */
    public Caller caller() {
        return caller;
    }

    /**
     * Whether the caller may still use the server: the session has not ended, the token not been revoked. Long
     * answers (live views) ask before each push.
     */
    public boolean stillAuthorized() {
        return authorized.getAsBoolean();
    }

    /** The request body as form fields ({@code application/x-www-form-urlencoded}). */
    public Fields form() throws Exception {
        // Blocking is fine here: the dashboard's handlers run on pool threads that may block.
        return org.eclipse.jetty.server.FormFields.getFields(request);
    }

    /** The request body parsed as JSON into {@code type}. */
    public <T> T json(Class<T> type) throws IOException {
        return JSON.readValue(Content.Source.asString(request, StandardCharsets.UTF_8), type);
    }

    /** Adds a response header. */
    public HttpCall header(String name, String value) {
        response.getHeaders().put(name, value);
        return this;
    }

    /**
     * Sets the session cookie: HttpOnly, SameSite=Strict, whole site, no explicit expiry (ends with the browser),
     * and Secure when the browser is on HTTPS: this server's own TLS, a TLS reverse proxy promised by
     * {@code --dashboard-behind-tls}, or a proxy that says so ({@code X-Forwarded-Proto: https} or
     * {@code Forwarded: proto=https}; trusting it costs nothing, since Secure only narrows where the cookie goes).
     */
    public void sessionCookie(String value) {
        Response.addCookie(response, HttpCookie.build(SESSION_COOKIE, value).path("/").httpOnly(true)
                .sameSite(HttpCookie.SameSite.STRICT).secure(request.isSecure() || behindTls || forwardedHttps()).build());
    }

    private boolean forwardedHttps() {
        String proto = request.getHeaders().get("X-Forwarded-Proto");
        if (proto != null && proto.trim().equalsIgnoreCase("https")) {
            return true;
        }
        String forwarded = request.getHeaders().get("Forwarded");
        return forwarded != null && forwarded.toLowerCase(java.util.Locale.ROOT).matches(".*\\bproto=\"?https\\b.*");
    }

    /** Replies with a value as JSON. */
    public void json(int status, Object body) throws IOException {
        send(status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
    }

    /** Replies with a text body of a content type. */
    public void text(int status, String contentType, String body) {
        send(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Replies with bytes of a content type. */
    public void send(int status, String contentType, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** Replies 303 See Other: the browser follows with a GET. */
    public void redirect(String location) {
        Response.sendRedirect(request, response, callback, 303, location, true);
    }

    /** Starts a server-sent event stream; the caller writes events and closes it. */
    public EventStream stream() {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        return new EventStream();
    }

    /** An open stream of server-sent events. */
    public final class EventStream implements AutoCloseable {

        private EventStream() {
        }

        /** Writes one event whose data is {@code body} as JSON; throws once the browser has gone. */
        public void send(String event, Object body) throws IOException {
            write("event: " + event + "\ndata: " + JSON.writeValueAsString(body) + "\n\n");
        }

        /** A comment line, which keeps proxies from closing an idle stream. */
        public void keepAlive() throws IOException {
            write(": keep-alive\n\n");
        }

        private void write(String text) throws IOException {
            Callback.Completable done = new Callback.Completable();
            response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), done);
            try {
                done.get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IOException("the event stream closed", e);
            }
        }

        @Override
        public void close() {
            response.write(true, ByteBuffer.allocate(0), callback);
        }
    }
}
