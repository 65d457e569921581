package io.gridbot.runner.web.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The sessions of one dashboard process, in memory: a restart logs everyone out, which is acceptable for
 * an operator console and keeps session ids out of the database. Ids and CSRF tokens are 256 random bits;
 * a login always starts a new session (no fixation); sessions end after {@link #IDLE_MS} without a request.
 *
 * <p>The anonymous session of the login form is not stored at all: its id carries its issue time and a
 * signature under a key that lives only in this process, and its CSRF token is derived from the id. Any
 * number of login-page visits therefore costs no memory and can never push out the session of a person
 * about to log in.
 */
public final class SessionStore {

    /** Idle time after which a session ends (for the login form: time since it was shown). */
    public static final long IDLE_MS = 8 * 3_600_000L;
    private static final String ANONYMOUS = "a.";
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Entry(Session session, long lastSeenMs) {
    }

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private final Predicate<Session> standing;
    private final byte[] signingKey = new byte[32];

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
        RANDOM.nextBytes(signingKey);
    }

    /** The live session of this id, touched; empty when unknown or expired. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        long now = clock.getAsLong();
        if (id.startsWith(ANONYMOUS)) {
            return verifyAnonymous(id, now);
        }
        Entry entry = sessions.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        if (now - entry.lastSeenMs() > IDLE_MS || !standing.test(entry.session())) {
            sessions.remove(id);
            return Optional.empty();
        }
        sessions.put(id, new Entry(entry.session(), now));
        return Optional.of(entry.session());
    }

    /** A new anonymous session, for the login form's CSRF token; nothing is stored. */
    public Session anonymous() {
        long now = clock.getAsLong();
        String unsigned = ANONYMOUS + now + "." + token();
        String id = unsigned + "." + sign("id|" + unsigned);
        return new Session(id, sign("csrf|" + id), null, now);
    }

    /** A new session for a user who just proved their password; the old session, if any, ends. */
    public Session login(String user, String previousId) {
        if (previousId != null) {
            sessions.remove(previousId);
        }
        long now = clock.getAsLong();
        // Abandoned sessions would otherwise stay until their id is used again: drop the idle ones here.
        sessions.values().removeIf(e -> now - e.lastSeenMs() > IDLE_MS);
        Session session = new Session(token(), token(), user, now);
        sessions.put(session.id(), new Entry(session, now));
        return session;
    }

    /** Ends a session (an anonymous one simply stops mattering once its user logs in). */
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

    private Optional<Session> verifyAnonymous(String id, long now) {
        int lastDot = id.lastIndexOf('.');
        String unsigned = id.substring(0, lastDot);
        if (!MessageDigest.isEqual(sign("id|" + unsigned).getBytes(StandardCharsets.US_ASCII),
                id.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        String[] parts = unsigned.split("\\.");
        long issued;
        try {
            issued = Long.parseLong(parts[1]);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
        if (now - issued > IDLE_MS) {
            return Optional.empty();
        }
        return Optional.of(new Session(id, sign("csrf|" + id), null, issued));
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
