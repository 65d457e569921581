package io.gridbot.exchange.fake;

import java.util.ArrayList;
import java.util.List;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * One client connected to a fake venue's WebSocket route, as the fake's server side sees it: frames sent before the
 * socket is open wait and go out in order once it is, nothing goes out while its {@link FakeSessions} are muted,
 * and it leaves its sessions when it closes or fails. A venue's fake extends it with what that venue's wire asks
 * for: the answers in {@link #onMessage(WebSocket, String)} and what the client subscribed to.
 */
public abstract class FakeSession extends WebSocketListener {

    private final String route;
    private final FakeSessions<?> sessions;
    private final List<String> pending = new ArrayList<>();
    private WebSocket socket;

    /** A session of this route ({@code public}, {@code private} and the like) that will belong to these sessions. */
    protected FakeSession(String route, FakeSessions<?> sessions) {
        this.route = route;
        this.sessions = sessions;
    }

    /** The route the client connected to. */
    public String route() {
        return route;
    }

    /** Sends a frame to the client, or keeps it until the socket is open; drops it while the sessions are muted. */
    public synchronized void send(String frame) {
        // The client may see its upgrade before the server side calls onOpen: frames sent meanwhile wait here.
        if (sessions.muted()) {
            return;
        }
        if (socket == null) {
            pending.add(frame);
        } else {
            socket.send(frame);
        }
    }

    /** The server side's socket; null until it is open. */
    public synchronized WebSocket socket() {
        return socket;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        synchronized (this) {
            socket = webSocket;
            pending.forEach(webSocket::send);
            pending.clear();
        }
        sessions.countOpened();
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
