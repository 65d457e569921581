package io.gridbot.runner.web.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The sessions of one dashboard process, in memory: a restart logs everyone out, which is acceptable for
 * an operator console and keeps session ids out of the database. Ids and CSRF tokens are 256 random bits;
 * a login always starts a new session (no fixation); sessions end after {@link #IDLE_MS} without a request.
 */
public final class SessionStore {

    /** Idle time after which a session ends. */
    public static final long IDLE_MS = 8 * 3_600_000L;
    /** Anonymous sessions kept at most: a flood of login-page visits cannot exhaust memory. */
    private static final int MAX_ANONYMOUS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Entry(Session session, long lastSeenMs) {
    }

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private final Predicate<Session> standing;

    /** Sessions that end only by logout or idleness. */
    public SessionStore(LongSupplier clock) {
        this(clock, session -> true);
    }

    /**
     * @param standing whether a logged-in session may go on (its user still exists and has not changed their
     *                 password since); one that may not ends at its next request, live views included
     */
    public SessionStore(LongSupplier clock, Predicate<Session> standing) {
        this.clock = clock;
        this.standing = standing;
    }

    /** The live session of this id, touched; empty when unknown or expired. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        long now = clock.getAsLong();
        Entry entry = sessions.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        if (now - entry.lastSeenMs() > IDLE_MS || entry.session().authenticated() && !standing.test(entry.session())) {
            sessions.remove(id);
            return Optional.empty();
        }
        sessions.put(id, new Entry(entry.session(), now));
        return Optional.of(entry.session());
    }

    /** A new anonymous session, for the login form's CSRF token. */
    public Session anonymous() {
        if (sessions.size() > MAX_ANONYMOUS) {
            purge();
        }
        return add(null);
    }

    /** A new session for a user who just proved their password; the old session, if any, ends. */
    public Session login(String user, String previousId) {
        if (previousId != null) {
            sessions.remove(previousId);
        }
        return add(user);
    }

    /** Ends a session. */
    public void logout(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Whether the token is this session's CSRF token (compared in constant time). */
    public static boolean csrfMatches(Session session, String token) {
        return token != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    private Session add(String user) {
        Session session = new Session(token(), token(), user, clock.getAsLong());
        sessions.put(session.id(), new Entry(session, session.createdMs()));
        return session;
    }

    private void purge() {
        long now = clock.getAsLong();
        sessions.values().removeIf(e -> !e.session().authenticated() || now - e.lastSeenMs() > IDLE_MS);
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
