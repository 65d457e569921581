package io.gridbot.exchange.binance.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * The fake's WebSocket side: sessions per route ({@code public}, {@code market}, {@code private}) with their
 * subscribed stream names, live SUBSCRIBE / UNSUBSCRIBE, and pushing events to the sessions that asked for
 * them, in the combined-stream envelope on {@code /stream} routes.
 */
final class FakeStreams {

    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    final AtomicInteger opened = new AtomicInteger();

    /** A connected client. */
    final class Session extends WebSocketListener {
        final String route;
        final boolean combined;
        final Set<String> names = ConcurrentHashMap.newKeySet();
        private final List<String> pending = new java.util.ArrayList<>();
        private WebSocket socket;

        Session(String route, boolean combined, List<String> initial) {
            this.route = route;
            this.combined = combined;
            names.addAll(initial);
        }

        // The client may see its upgrade before the server side calls onOpen: frames sent meanwhile wait here.
        synchronized void send(String frame) {
            if (socket == null) {
                pending.add(frame);
            } else {
                socket.send(frame);
            }
        }

        synchronized WebSocket socket() {
            return socket;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            synchronized (this) {
                socket = webSocket;
                pending.forEach(webSocket::send);
                pending.clear();
            }
            opened.incrementAndGet();
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            try {
                JsonNode request = json.readTree(text);
                String method = request.path("method").asText();
                List<String> params = new java.util.ArrayList<>();
                request.path("params").forEach(p -> params.add(p.asText()));
                switch (method) {
                    case "SUBSCRIBE" -> names.addAll(params);
                    case "UNSUBSCRIBE" -> params.forEach(names::remove);
                    default -> {
                        webSocket.send("{\"error\":{\"code\":2,\"msg\":\"Invalid request\"},\"id\":" + request.path("id") + "}");
                        return;
                    }
                }
                webSocket.send("{\"result\":null,\"id\":" + request.path("id") + "}");
            } catch (java.io.IOException e) {
                webSocket.send("{\"error\":{\"code\":3,\"msg\":\"Invalid JSON\"}}");
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            sessions.remove(this);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            sessions.remove(this);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            sessions.remove(this);
        }
    }

    /** A session for an accepted upgrade; it receives events from now on, before its socket is open. */
    Session session(String route, boolean combined, List<String> names) {
        Session session = new Session(route, combined, names);
        sessions.add(session);
        return session;
    }

    /** Sends a market event to every session of the route subscribed to {@code streamName}. */
    void publish(String route, String streamName, String data) {
        for (Session s : sessions) {
            if (!s.route.equals(route) || !s.names.contains(streamName)) {
                continue;
            }
            s.send(s.combined ? "{\"stream\":\"" + streamName + "\",\"data\":" + data + "}" : data);
        }
    }

    /** Sends a user-data event to every private session. */
    void publishPrivate(String data) {
        for (Session s : sessions) {
            if (s.route.equals("private")) {
                s.send(data);
            }
        }
    }

    /** Sends a raw frame to every session of a route (malformed-message tests). */
    void raw(String route, String frame) {
        for (Session s : sessions) {
            if (s.route.equals(route)) {
                s.send(frame);
            }
        }
    }

    /**
     * Drops every connection. A server-side okhttp socket cannot be cut without a close frame, so the fake
     * sends 1011 (server error) and stops serving the session at once; to the client it is a lost stream.
     */
    void dropAll() {
        for (Session s : sessions) {
            sessions.remove(s);
            WebSocket ws = s.socket();
            if (ws != null) {
                ws.close(1011, "stream dropped");
            }
        }
    }

    /** Closes every connection with a close frame, as the venue's 24-hour limit does. */
    void closeAll(int code, String reason) {
        for (Session s : sessions) {
            sessions.remove(s);
            WebSocket ws = s.socket();
            if (ws != null) {
                ws.close(code, reason);
            }
        }
    }

    int count(String route) {
        return (int) sessions.stream().filter(s -> s.route.equals(route)).count();
    }
}
