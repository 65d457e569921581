package io.gridbot.exchange.bybit.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * One Bybit WebSocket (public linear or private) and the topics subscribed on it. Opening it authenticates first when
 * it is the private socket ({@code op: auth}, answered {@code success} true or false) and then subscribes every topic
 * asked for so far, each request with its {@code req_id} and waited for until Bybit acknowledges it, so a reopened
 * socket carries what the old one did. Pushes ({@code topic}, {@code data}) go to the handler on okhttp's reader
 * thread, in order. {@link #keepAlive(long)} sends {@code op: ping} at least every {@code pingEvery} and after a
 * silence, and reports the socket lost when nothing, not even the pong, came for {@code deadAfter}. A socket lost
 * (failed, closed by Bybit, silent, or refused) is reported once to {@code onLost}; one closed here is not.
 */
final class BybitSocket {

    private final String name;
    private final String url;
    private final OkHttpClient http;
    private final BybitStreamSettings settings;
    private final ObjectMapper json;
    private final LongSupplier clock;
    private final Supplier<ArrayNode> auth;
    private final Consumer<JsonNode> onPush;
    private final Consumer<String> onLost;
    private final Set<String> topics = new CopyOnWriteArraySet<>();
    private final Map<String, CompletableFuture<Void>> acks = new ConcurrentHashMap<>();
    private final AtomicLong requestIds = new AtomicLong();
    private volatile WebSocket socket;
    private volatile CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile long lastHeardMs;
    private volatile long lastPingMs;

    /** @param auth the {@code auth} request's arguments (key, expires, signature), or {@code null} for a public socket */
    BybitSocket(String name, String url, OkHttpClient http, BybitStreamSettings settings, ObjectMapper json,
            LongSupplier clock, Supplier<ArrayNode> auth, Consumer<JsonNode> onPush, Consumer<String> onLost) {
        this.name = name;
        this.url = url;
        this.http = http;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.auth = auth;
        this.onPush = onPush;
        this.onLost = onLost;
    }

    /** Whether any topic was asked for: a socket with none stays closed. */
    boolean wanted() {
        return !topics.isEmpty();
    }

    boolean connected() {
        return socket != null && ready.isDone() && !ready.isCompletedExceptionally();
    }

    /** Adds a topic; when the socket is open, subscribes at once and waits for Bybit's acknowledgement. */
    void subscribe(String topic) throws IOException {
        if (topics.add(topic) && connected()) {
            subscribeNow(List.of(topic));
        }
    }

    private void subscribeNow(List<String> args) throws IOException {
        String reqId = name.charAt(0) + Long.toString(requestIds.incrementAndGet());
        CompletableFuture<Void> ack = new CompletableFuture<>();
        acks.put(reqId, ack);
        ObjectNode request = json.createObjectNode().put("req_id", reqId).put("op", "subscribe");
        ArrayNode list = request.putArray("args");
        args.forEach(list::add);
        send(request.toString());
        try {
            ack.get(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(name + ": interrupted while subscribing");
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IOException(name + ": a subscription was not acknowledged (" + cause.getMessage() + ")");
        } finally {
            acks.remove(reqId);
        }
    }

    /** Opens the socket, authenticates if private, subscribes every topic; throws if any of it fails in time. */
    void connect() throws IOException {
        disconnect();
        CompletableFuture<Void> done = new CompletableFuture<>();
        ready = done;
        lastHeardMs = clock.getAsLong();
        lastPingMs = lastHeardMs;
        WebSocket ws = http.newWebSocket(new Request.Builder().url(url).build(), new Handler(done));
        socket = ws;
        try {
            done.get(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(ws);
            throw new IOException(name + ": interrupted while connecting");
        } catch (ExecutionException | TimeoutException e) {
            abandon(ws);
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IOException(name + ": could not connect (" + cause.getMessage() + ")");
        }
        if (!topics.isEmpty()) {
            subscribeNow(List.copyOf(topics));
        }
    }

    /** Pings when due, and reports the socket lost when it stayed silent past the limit. */
    void keepAlive(long nowMs) {
        if (!connected()) {
            return;
        }
        long silent = nowMs - lastHeardMs;
        if (silent >= settings.deadAfter().toMillis()) {
            lost(socket, "silent for " + silent + " ms (no data, no pong)");
            return;
        }
        boolean quiet = silent >= settings.pingAfter().toMillis() && lastPingMs <= lastHeardMs;
        if (quiet || nowMs - lastPingMs >= settings.pingEvery().toMillis()) {
            lastPingMs = nowMs;
            send(json.createObjectNode().put("req_id", "ping").put("op", "ping").toString());
        }
    }

    /** Closes the socket without reporting it lost. */
    void disconnect() {
        WebSocket ws = socket;
        socket = null;
        if (ws != null) {
            ws.close(1000, "closing");
            ws.cancel();
        }
    }

    private void abandon(WebSocket ws) {
        if (socket == ws) {
            socket = null;
        }
        ws.cancel();
    }

    private void send(String text) {
        WebSocket ws = socket;
        if (ws != null) {
            ws.send(text);
        }
    }

    private void lost(WebSocket ws, String why) {
        if (ws != null && ws == socket) {
            socket = null;
            ws.cancel();
            onLost.accept(name + " " + why);
        }
    }

    private final class Handler extends WebSocketListener {
        private final CompletableFuture<Void> done;

        Handler(CompletableFuture<Void> done) {
            this.done = done;
        }

        @Override
        public void onOpen(WebSocket ws, Response response) {
            if (auth == null) {
                done.complete(null);
            } else {
                ObjectNode request = json.createObjectNode().put("req_id", "auth").put("op", "auth");
                request.set("args", auth.get());
                ws.send(request.toString());
            }
        }

        @Override
        public void onMessage(WebSocket ws, String text) {
            if (ws != socket) {
                return;
            }
            lastHeardMs = clock.getAsLong();
            JsonNode frame;
            try {
                frame = json.readTree(text);
            } catch (IOException e) {
                return; // not Bybit's: nothing in it can be acted on
            }
            if (frame.has("topic")) {
                onPush.accept(frame);
                return;
            }
            boolean success = frame.path("success").asBoolean(false);
            String why = "refused: " + frame.path("ret_msg").asText("");
            switch (frame.path("op").asText("")) {
                case "auth" -> {
                    if (success) {
                        done.complete(null);
                    } else {
                        done.completeExceptionally(new IOException("authentication " + why));
                    }
                }
                case "subscribe" -> {
                    // The private socket's answer may not echo req_id (Bybit's example has none); one subscription
                    // waits at a time per socket, so an answer without a known id is that one's.
                    CompletableFuture<Void> ack = acks.get(frame.path("req_id").asText(""));
                    if (ack == null && acks.size() == 1) {
                        ack = acks.values().iterator().next();
                    }
                    if (ack != null && success) {
                        ack.complete(null);
                    } else if (ack != null) {
                        ack.completeExceptionally(new IOException(why));
                    }
                }
                default -> { } // pong (op ping or pong), notices
            }
        }

        @Override
        public void onClosing(WebSocket ws, int code, String reason) {
            ws.close(1000, null);
            done.completeExceptionally(new IOException("closed by Bybit (" + code + ")"));
            lost(ws, "closed by Bybit (" + code + ")");
        }

        @Override
        public void onFailure(WebSocket ws, Throwable t, Response response) {
            done.completeExceptionally(t);
            lost(ws, "failed (" + t.getClass().getSimpleName() + ")");
        }
    }
}
