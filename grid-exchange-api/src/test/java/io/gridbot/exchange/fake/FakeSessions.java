package io.gridbot.exchange.fake;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.WebSocket;

/**
 * The clients connected to a fake venue's WebSockets, for the fake to push to and to break: it counts the sessions
 * opened so far, sends raw frames to a route, drops or closes every connection, and can be muted (its sessions stop
 * sending, as a dead connection does, until unmuted). Iterating it visits the sessions connected now.
 *
 * @param <S> the venue's own session type
 */
public final class FakeSessions<S extends FakeSession> implements Iterable<S> {

    private final List<S> sessions = new CopyOnWriteArrayList<>();
    private final AtomicInteger opened = new AtomicInteger();
    private volatile boolean muted;

    /** No session yet. */
    public FakeSessions() {
    }

    /** Takes the session of an accepted upgrade: it receives what is pushed from now on, before its socket is open. */
    public S add(S session) {
        sessions.add(session);
        return session;
    }

    @Override
    public Iterator<S> iterator() {
        return sessions.iterator();
    }

    /** How many sessions have opened so far, the closed ones included. */
    public int opened() {
        return opened.get();
    }

    /** Mutes or unmutes every session: a muted one sends nothing, and its fake should answer nothing. */
    public void mute(boolean mute) {
        muted = mute;
    }

    public boolean muted() {
        return muted;
    }

    /** Sends a raw frame to every session of a route (malformed-message tests). */
    public void raw(String route, String frame) {
        sessions.stream().filter(s -> s.route().equals(route)).forEach(s -> s.send(frame));
    }

    /**
     * Drops every connection. A server-side okhttp socket cannot be cut without a close frame, so the fake sends
     * 1011 (server error) and stops serving the session at once; to the client it is a lost stream.
     */
    public void dropAll() {
        closeAll(1011, "stream dropped");
    }

    /** Closes every connection with this close frame and stops serving it (a venue's connection time limit). */
    public void closeAll(int code, String reason) {
        for (S s : sessions) {
            sessions.remove(s);
            WebSocket ws = s.socket();
            if (ws != null) {
                ws.close(code, reason);
            }
        }
    }

    /** The sessions of a route, whether their socket is open yet or not. */
    public int count(String route) {
        return (int) sessions.stream().filter(s -> s.route().equals(route)).count();
    }

    /** The sessions of a route whose socket is open. */
    public int open(String route) {
        return (int) sessions.stream().filter(s -> s.route().equals(route) && s.socket() != null).count();
    }

    void countOpened() {
        opened.incrementAndGet();
    }

    void remove(FakeSession session) {
        sessions.remove(session);
    }
}
