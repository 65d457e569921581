package io.gridbot.exchange.binance.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridbot.exchange.fake.FakeSession;
import io.gridbot.exchange.fake.FakeSessions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.WebSocket;

/**
 * The fake's WebSocket side: sessions per route ({@code public}, {@code market}, {@code private}) with their
 * subscribed stream names, live SUBSCRIBE / UNSUBSCRIBE, and pushing events to the sessions that asked for
 * them, in the combined-stream envelope on {@code /stream} routes.
 */
final class FakeStreams {

    final FakeSessions<Session> sessions = new FakeSessions<>();
    private final ObjectMapper json = new ObjectMapper();

    /** A connected client. */
    final class Session extends FakeSession {
        final boolean combined;
        final Set<String> names = ConcurrentHashMap.newKeySet();

        Session(String route, boolean combined, List<String> initial) {
            super(route, sessions);
            this.combined = combined;
            names.addAll(initial);
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
    }

    /** A session for an accepted upgrade; it receives events from now on, before its socket is open. */
    Session session(String route, boolean combined, List<String> names) {
        return sessions.add(new Session(route, combined, names));
    }

    /** Sends a market event to every session of the route subscribed to {@code streamName}. */
    void publish(String route, String streamName, String data) {
        for (Session s : sessions) {
            if (!s.route().equals(route) || !s.names.contains(streamName)) {
                continue;
            }
            s.send(s.combined ? "{\"stream\":\"" + streamName + "\",\"data\":" + data + "}" : data);
        }
    }

    /** Sends a user-data event to every private session. */
    void publishPrivate(String data) {
        for (Session s : sessions) {
            if (s.route().equals("private")) {
                s.send(data);
            }
        }
    }
}
