package io.gridbot.runner.web.auth;

import io.gridbot.persistence.user.DashboardUserRepository;
import io.gridbot.persistence.user.LoginName;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Checks a name and password against the stored hashes. An unknown name costs the same hash as a known one,
 * and after {@value #MAX_FAILURES} failures a name is refused for {@value #LOCK_MS} ms, so passwords cannot be
 * guessed at the speed of the network. Failures count against the name's one spelling ({@link LoginName}),
 * so {@code CHAOS} is locked while {@code chaos} is.
 */
public final class Authenticator {

    static final int MAX_FAILURES = 5;
    static final long LOCK_MS = 60_000;
    /** Names tracked at most: guesses at random names cannot grow the map without bound. */
    private static final int MAX_TRACKED = 10_000;

    private record Failures(int count, long lastMs) {
    }

    private final Supplier<DashboardUserRepository> users;
    private final LongSupplier clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public Authenticator(Supplier<DashboardUserRepository> users, LongSupplier clock) {
        this.users = users;
        this.clock = clock;
    }

    /** The outcome of a login attempt. */
    public enum Outcome {
        ACCEPTED, REFUSED, LOCKED
    }

    /** Checks the password; the array is cleared afterwards. */
    public Outcome check(String typedName, char[] password) {
        try {
            String name = LoginName.of(typedName);
            long now = clock.getAsLong();
            Failures f = failures.get(name);
            if (f != null && f.count() >= MAX_FAILURES && now - f.lastMs() < LOCK_MS) {
                return Outcome.LOCKED;
            }
            String hash = users.get().find(name).map(DashboardUserRepository.DashboardUser::passwordHash)
                    .orElse(null);
            boolean ok = PasswordHash.matches(password, hash == null ? PasswordHash.decoy() : hash) && hash != null;
            if (ok) {
                failures.remove(name);
                return Outcome.ACCEPTED;
            }
            if (failures.size() >= MAX_TRACKED) {
                failures.values().removeIf(old -> now - old.lastMs() >= LOCK_MS);
            }
            failures.merge(name, new Failures(1, now), (a, b) -> new Failures(
                    now - a.lastMs() < LOCK_MS ? a.count() + 1 : 1, now));
            return Outcome.REFUSED;
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }
}
