package io.gridbot.exchange.bybit.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridbot.exchange.bybit.sign.BybitSigner;
import io.gridbot.exchange.fake.FakeSession;
import io.gridbot.exchange.fake.FakeSessions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.WebSocket;

/**
 * The fake's WebSocket side, on {@code /v5/public/linear} and {@code /v5/private}: {@code op: ping} answered with
 * Bybit's pong (on the public socket {@code op: ping} with {@code ret_msg} pong, on the private one {@code op: pong});
 * {@code op: auth} checked as Bybit does (the key, an {@code expires} still ahead, the signature of
 * {@code GET/realtime} + expires) and answered {@code success} true or false; {@code op: subscribe} answered with its
 * {@code req_id}, refused for a private topic before auth or a topic the route does not carry; pushes
 * ({@code topic}, {@code data}) to the sessions subscribed. Sessions can be dropped, or muted (they stop answering and
 * pushing, as a dead connection does).
 */
final class FakeSockets {

    private static final Set<String> PRIVATE_TOPICS = Set.of("order", "execution", "position", "wallet");

    private final FakeBybit fake;
    private final BybitSigner signer = new BybitSigner(FakeBybit.CREDENTIALS.secret());
    final FakeSessions<Session> sessions = new FakeSessions<>();
    final AtomicInteger failedAuths = new AtomicInteger();
    final AtomicInteger pings = new AtomicInteger();
    final List<String> authSignatures = new CopyOnWriteArrayList<>();

    FakeSockets(FakeBybit fake) {
        this.fake = fake;
    }

    /** A connected client of one route. */
    final class Session extends FakeSession {
        final Set<String> topics = ConcurrentHashMap.newKeySet();
        private volatile boolean authed;

        Session(String route) {
            super(route, sessions);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            if (sessions.muted()) {
                return;
            }
            JsonNode request = fake.wire.parse(text);
            if (request == null) {
                send(answer("", "", false, "Invalid request"));
                return;
            }
            String reqId = request.path("req_id").asText("");
            switch (request.path("op").asText("")) {
                case "ping" -> pong(reqId);
                case "auth" -> auth(reqId, request.path("args"));
                case "subscribe" -> subscribe(reqId, request.path("args"));
                case "unsubscribe" -> {
                    request.path("args").forEach(a -> topics.remove(a.asText()));
                    send(answer(reqId, "unsubscribe", true, ""));
                }
                default -> send(answer(reqId, request.path("op").asText(""), false, "op not found"));
            }
        }

        private void pong(String reqId) {
            pings.incrementAndGet();
            if (route().equals("private")) {
                ObjectNode pong = fake.wire.object().put("req_id", reqId).put("op", "pong");
                pong.putArray("args").add(Long.toString(fake.now()));
                send(pong.put("conn_id", connId()).toString());
            } else {
                send(answer(reqId, "ping", true, "pong"));
            }
        }

        private void auth(String reqId, JsonNode args) {
            String sign = args.path(2).asText("");
            authSignatures.add(sign);
            long expires = args.path(1).asLong(-1);
            boolean good = route().equals("private") && FakeBybit.CREDENTIALS.apiKey().equals(args.path(0).asText())
                    && expires > fake.now() && signer.signAuth(expires).equals(sign);
            if (!good) {
                failedAuths.incrementAndGet();
                send(answer(reqId, "auth", false, "Request not authorized"));
                return;
            }
            authed = true;
            send(answer(reqId, "auth", true, ""));
        }

        private void subscribe(String reqId, JsonNode args) {
            List<String> wanted = new ArrayList<>();
            for (JsonNode a : args) {
                String topic = a.asText("");
                boolean known = route().equals("private") ? PRIVATE_TOPICS.contains(topic)
                        : topic.startsWith("tickers.") || topic.startsWith("publicTrade.") || topic.startsWith("orderbook.1.");
                if (!known) {
                    send(answer(reqId, "subscribe", false, "Invalid topic: " + topic));
                    return;
                }
                wanted.add(topic);
            }
            if (route().equals("private") && !authed) {
                send(answer(reqId, "subscribe", false, "Request not authorized"));
                return;
            }
            topics.addAll(wanted);
            // as Bybit's examples show them: the public answer echoes req_id, the private one does not
            send(route().equals("private") ? fake.wire.object().put("success", true).put("ret_msg", "")
                    .put("op", "subscribe").put("conn_id", connId()).toString() : answer(reqId, "subscribe", true, ""));
            wanted.forEach(t -> fake.pushes.snapshot(this, t));
        }

        private String answer(String reqId, String op, boolean success, String retMsg) {
            return fake.wire.object().put("success", success).put("ret_msg", retMsg).put("conn_id", connId())
                    .put("req_id", reqId).put("op", op).toString();
        }

        private String connId() {
            return Integer.toHexString(System.identityHashCode(this));
        }
    }

    /** A session for an accepted upgrade of a route ({@code public} or {@code private}). */
    Session session(String route) {
        return sessions.add(new Session(route));
    }

    /** Whether a session of the route has subscribed to the topic. */
    boolean subscribed(String route, String topic) {
        for (Session s : sessions) {
            if (s.route().equals(route) && s.topics.contains(topic)) {
                return true;
            }
        }
        return false;
    }

    /** Pushes one frame to every session subscribed to its topic. */
    void push(String topic, ObjectNode frame) {
        String text = frame.toString();
        for (Session s : sessions) {
            if (s.topics.contains(topic)) {
                s.send(text);
            }
        }
    }
}
