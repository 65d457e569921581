package io.gridbot.exchange.okx.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridbot.exchange.fake.FakeSession;
import io.gridbot.exchange.fake.FakeSessions;
import io.gridbot.exchange.okx.sign.OkxSigner;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.WebSocket;

/**
 * The fake's WebSocket side, on {@code /ws/v5/public}, {@code /ws/v5/private} and {@code /ws/v5/business}: OKX's
 * text {@code ping} answered {@code pong}; {@code op: login} checked as OKX does (key, passphrase, a timestamp in
 * seconds within 30 s, the signature of timestamp + {@code GET/users/self/verify}), answered {@code event: login}
 * or {@code event: error} 60009; {@code op: subscribe} answered {@code event: subscribe} with the argument, or
 * {@code event: error} when a private channel is asked for before login; pushes {@code {"arg":…,"data":[…]}} to
 * the sessions subscribed to the channel. Sessions can be dropped, or muted (they stop answering and pushing, as a
 * dead connection does).
 */
final class FakeSockets {

    private final FakeOkx fake;
    private final OkxSigner signer = new OkxSigner(FakeOkx.CREDENTIALS.secret());
    final FakeSessions<Session> sessions = new FakeSessions<>();
    final AtomicInteger failedLogins = new AtomicInteger();
    final AtomicInteger pings = new AtomicInteger();
    final List<String> loginSignatures = new CopyOnWriteArrayList<>();

    FakeSockets(FakeOkx fake) {
        this.fake = fake;
    }

    /** A connected client of one route. */
    final class Session extends FakeSession {
        final Set<String> channels = ConcurrentHashMap.newKeySet();
        private volatile boolean loggedIn;

        Session(String route) {
            super(route, sessions);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            if (sessions.muted()) {
                return;
            }
            if (text.equals("ping")) {
                pings.incrementAndGet();
                send("pong");
                return;
            }
            JsonNode request = fake.wire.parse(text);
            if (request == null) {
                send(error("60012", "Invalid request: " + text));
                return;
            }
            switch (request.path("op").asText("")) {
                case "login" -> login(request.path("args").path(0));
                case "subscribe" -> request.path("args").forEach(this::subscribe);
                case "unsubscribe" -> request.path("args").forEach(a -> channels.remove(key(a)));
                default -> send(error("60012", "Invalid request: " + text));
            }
        }

        private void login(JsonNode arg) {
            loginSignatures.add(arg.path("sign").asText());
            long seconds = arg.path("timestamp").asLong(-1);
            boolean fresh = Math.abs(fake.now() / 1000 - seconds) <= 30;
            boolean good = FakeOkx.CREDENTIALS.apiKey().equals(arg.path("apiKey").asText())
                    && FakeOkx.CREDENTIALS.passphrase().equals(arg.path("passphrase").asText()) && fresh
                    && signer.signLogin(seconds).equals(arg.path("sign").asText());
            if (!good || route().equals("public")) {
                failedLogins.incrementAndGet();
                send(error("60009", "Login failed."));
                return;
            }
            loggedIn = true;
            send("{\"event\":\"login\",\"code\":\"0\",\"msg\":\"\",\"connId\":\"" + connId() + "\"}");
        }

        private void subscribe(JsonNode arg) {
            String channel = arg.path("channel").asText();
            boolean known = switch (route()) {
                case "public" -> Set.of("tickers", "books5", "trades", "mark-price").contains(channel);
                case "private" -> Set.of("orders", "positions", "account").contains(channel);
                case "business" -> channel.equals("orders-algo");
                default -> false;
            };
            if (!known) {
                send(error("60018", "Wrong URL or channel:" + channel + " doesn't exist."));
                return;
            }
            if (!route().equals("public") && !loggedIn) {
                send(error("60011", "Please log in"));
                return;
            }
            channels.add(key(arg));
            ObjectNode ack = fake.wire.object().put("event", "subscribe");
            ack.set("arg", arg);
            ack.put("connId", connId());
            send(fake.wire.text(ack));
        }

        private String connId() {
            return Integer.toHexString(System.identityHashCode(this));
        }
    }

    /** Whether a session of the route has subscribed to the channel, for any instrument. */
    boolean subscribed(String route, String channel) {
        for (Session s : sessions) {
            if (s.route().equals(route) && s.channels.stream().anyMatch(k -> k.startsWith(channel + "|"))) {
                return true;
            }
        }
        return false;
    }

    private static String key(JsonNode arg) {
        return arg.path("channel").asText() + "|" + arg.path("instId").asText();
    }

    private String error(String code, String msg) {
        return fake.wire.text(fake.wire.object().put("event", "error").put("code", code).put("msg", msg));
    }

    /** A session for an accepted upgrade of {@code /ws/v5/<route>}. */
    Session session(String route) {
        return sessions.add(new Session(route));
    }

    /**
     * Pushes one update to every session of the route subscribed to the channel, for all instruments or for
     * {@code instId}.
     */
    void push(String route, String channel, String instId, ObjectNode item) {
        ArrayNode data = fake.wire.array().add(item);
        for (Session s : sessions) {
            boolean all = s.channels.contains(channel + "|");
            if (!s.route().equals(route) || !(all || s.channels.contains(channel + "|" + instId))) {
                continue;
            }
            ObjectNode arg = fake.wire.object().put("channel", channel);
            if (!channel.equals("account")) {
                arg.put(all ? "instType" : "instId", all ? "SWAP" : instId);
            }
            ObjectNode frame = fake.wire.object();
            frame.set("arg", arg);
            frame.set("data", data);
            s.send(fake.wire.text(frame));
        }
    }
}
