package io.gridbot.exchange.binance.stream;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * One WebSocket connection of one stream route. Frames from the current socket go to the handler on okhttp's
 * reader thread, one at a time and in order; when the current socket fails or the server closes it, the
 * {@code onLost} callback is told why. A socket the link replaced or closed itself is never reported.
 */
public final class StreamLink {

    private final String name;
    private final OkHttpClient http;
    private final Duration connectTimeout;
    private final Consumer<String> onFrame;
    private final Consumer<String> onLost;
    private volatile WebSocket socket;

    public StreamLink(String name, OkHttpClient http, Duration connectTimeout, Consumer<String> onFrame,
            Consumer<String> onLost) {
        this.name = name;
        this.http = http;
        this.connectTimeout = connectTimeout;
        this.onFrame = onFrame;
        this.onLost = onLost;
    }

    public String name() {
        return name;
    }

    /**
     * Opens a socket to {@code url} and waits until it is open; the socket it replaces, if any, is closed
     * afterwards (so a rotation loses nothing). The URL is not put in messages: it may hold a listen key.
     */
    public void connect(String url) throws IOException {
        CompletableFuture<Void> opened = new CompletableFuture<>();
        WebSocket previous = socket;
        WebSocket next = http.newWebSocket(new Request.Builder().url(url).build(), new Handler(opened));
        socket = next;
        try {
            opened.get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(next);
            throw new IOException(name + ": interrupted while connecting");
        } catch (ExecutionException | TimeoutException e) {
            abandon(next);
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IOException(name + ": could not connect (" + cause.getClass().getSimpleName() + ")");
        }
        if (previous != null) {
            previous.close(1000, "replaced");
        }
    }

    private void abandon(WebSocket ws) {
        if (socket == ws) {
            socket = null;
        }
        ws.cancel();
    }

    /** True while a socket is open (or opening). */
    public boolean connected() {
        return socket != null;
    }

    /** Sends a text frame on the current socket; false if there is none. */
    public boolean send(String text) {
        WebSocket ws = socket;
        return ws != null && ws.send(text);
    }

    /** Closes the current socket without reporting it lost. */
    public void disconnect() {
        WebSocket ws = socket;
        socket = null;
        if (ws != null) {
            ws.close(1000, "closing");
            ws.cancel();
        }
    }

    private final class Handler extends WebSocketListener {
        private final CompletableFuture<Void> opened;

        Handler(CompletableFuture<Void> opened) {
            this.opened = opened;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            opened.complete(null);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            if (webSocket == socket) {
                onFrame.accept(text);
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            lost(webSocket, "closed by the venue (" + code + ")");
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            opened.completeExceptionally(t);
            lost(webSocket, "failed (" + t.getClass().getSimpleName() + ")");
        }

        private void lost(WebSocket webSocket, String why) {
            if (webSocket == socket) {
                socket = null;
                onLost.accept(name + " " + why);
            }
        }
    }
}
