package io.gridbot.exchange.okx.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * One OKX WebSocket (public, private or business) and the channels subscribed on it. Opening it logs in first when
 * it is a private socket ({@code op: login}, answered by {@code event: login}) and then subscribes every channel
 * asked for so far, so a reopened socket carries what the old one did. Pushes go to the handler on okhttp's reader
 * thread, in order. {@link #keepAlive(long)} sends OKX's text {@code ping} after a silence and reports the socket
 * lost when even the {@code pong} stays away. A socket lost (failed, closed by OKX, silent, or answered with an
 * {@code error} event) is reported once to {@code onLost}; one the socket closed itself is not.
 */
final class OkxSocket {

    private final String name;
    private final String url;
    private final OkHttpClient http;
    private final OkxStreamSettings settings;
    private final ObjectMapper json;
    private final LongSupplier clock;
    private final Supplier<ObjectNode> login;
    private final Consumer<JsonNode> onPush;
    private final Consumer<String> onLost;
    private final Consumer<String> onNotice;
    private final Set<ObjectNode> channels = new CopyOnWriteArraySet<>();
    private final Map<String, CompletableFuture<Void>> acks = new ConcurrentHashMap<>();
    private volatile WebSocket socket;
    private volatile CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile long lastHeardMs;
    private volatile boolean pinged;

    /**
     * @param login    the login request's argument, or {@code null} for the public socket
     * @param onNotice told OKX's {@code notice} (its code and message): the connection is about to be closed
     */
    OkxSocket(String name, String url, OkHttpClient http, OkxStreamSettings settings, ObjectMapper json,
            LongSupplier clock, Supplier<ObjectNode> login, Consumer<JsonNode> onPush, Consumer<String> onLost,
            Consumer<String> onNotice) {
        this.name = name;
        this.url = url;
        this.http = http;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.login = login;
        this.onPush = onPush;
        this.onLost = onLost;
        this.onNotice = onNotice;
    }

    String name() {
        return name;
    }

    /** Whether any channel was asked for: a socket with none stays closed. */
    boolean wanted() {
        return !channels.isEmpty();
    }

    boolean connected() {
        return socket != null && ready.isDone() && !ready.isCompletedExceptionally();
    }

    /**
     * Adds a channel ({@code {"channel": …, "instId": …}}); when the socket is open, subscribes at once and waits
     * for OKX's acknowledgement, so nothing pushed after this returns is missed.
     */
    void subscribe(ObjectNode arg) throws IOException {
        if (channels.add(arg) && connected()) {
            subscribeNow(List.of(arg));
        }
    }

    private void subscribeNow(List<ObjectNode> args) throws IOException {
        List<CompletableFuture<Void>> waiting = args.stream()
                .map(a -> acks.computeIfAbsent(key(a), k -> new CompletableFuture<>())).toList();
        send(request("subscribe", args));
        try {
            CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new))
                    .get(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(name + ": interrupted while subscribing");
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IOException(name + ": a subscription was not acknowledged (" + cause.getMessage() + ")");
        } finally {
            args.forEach(a -> acks.remove(key(a)));
        }
    }

    /** A channel as OKX echoes it in the acknowledgement. */
    private static String key(JsonNode arg) {
        return arg.path("channel").asText() + "|" + arg.path("instType").asText() + "|" + arg.path("instId").asText();
    }

    /** Opens the socket, logs in if private, subscribes every channel; throws if any of it fails in time. */
    void connect() throws IOException {
        disconnect();
        CompletableFuture<Void> done = new CompletableFuture<>();
        ready = done;
        pinged = false;
        lastHeardMs = clock.getAsLong();
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
        if (!channels.isEmpty()) {
            subscribeNow(List.copyOf(channels));
        }
    }

    /** Pings after a silence, and reports the socket lost when it stayed silent past the limit. */
    void keepAlive(long nowMs) {
        if (!connected()) {
            return;
        }
        long silent = nowMs - lastHeardMs;
        if (silent >= settings.deadAfter().toMillis()) {
            lost(socket, "silent for " + silent + " ms (no data, no pong)");
        } else if (silent >= settings.pingAfter().toMillis() && !pinged) {
            pinged = true;
            send("ping");
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

    private String request(String op, List<ObjectNode> args) {
        ObjectNode request = json.createObjectNode().put("op", op);
        ArrayNode list = request.putArray("args");
        args.forEach(list::add);
        return request.toString();
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
            if (login == null) {
                done.complete(null);
            } else {
                ws.send(request("login", List.of(login.get())));
            }
        }

        @Override
        public void onMessage(WebSocket ws, String text) {
            if (ws != socket) {
                return;
            }
            lastHeardMs = clock.getAsLong();
            pinged = false;
            if (text.equals("pong")) {
                return;
            }
            JsonNode frame;
            try {
                frame = json.readTree(text);
            } catch (IOException e) {
                return; // not OKX's: nothing in it can be acted on
            }
            String event = frame.path("event").asText("");
            switch (event) {
                case "login" -> done.complete(null);
                case "subscribe" -> {
                    CompletableFuture<Void> ack = acks.get(key(frame.path("arg")));
                    if (ack != null) {
                        ack.complete(null);
                    }
                }
                case "error" -> {
                    String why = "refused: " + frame.path("code").asText() + " " + frame.path("msg").asText();
                    if (!done.isDone()) {
                        done.completeExceptionally(new IOException(why));
                    } else if (!acks.isEmpty()) {
                        // a subscription waits: it fails, and whoever asked for it reports the loss
                        acks.values().forEach(a -> a.completeExceptionally(new IOException(why)));
                    } else {
                        lost(ws, why);
                    }
                }
                // 64008: the connection closes about 30 s from now for a service upgrade
                case "notice" -> onNotice.accept(frame.path("code").asText() + " " + frame.path("msg").asText());
                case "" -> {
                    if (frame.has("data")) {
                        onPush.accept(frame);
                    }
                }
                default -> { } // channel-conn-count and other events that ask nothing of the client
            }
        }

        @Override
        public void onClosing(WebSocket ws, int code, String reason) {
            ws.close(1000, null);
            done.completeExceptionally(new IOException("closed by OKX (" + code + ")"));
            lost(ws, "closed by OKX (" + code + ")");
        }

        @Override
        public void onFailure(WebSocket ws, Throwable t, Response response) {
            done.completeExceptionally(t);
            lost(ws, "failed (" + t.getClass().getSimpleName() + ")");
        }
    }
}
