package io.gridbot.persistence.user;

import static io.gridbot.persistence.jooq.Tables.DASHBOARD_USER;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The dashboard's users: names and encoded password hashes. Hashing is the caller's job; this
 * repository never sees a password. Names are stored and looked up in their one spelling
 * ({@link LoginName}); a name that is not valid finds no user.
 */
public final class DashboardUserRepository {

    /**
     * One user.
     *
     * @param name         the login name
     * @param passwordHash the encoded hash (algorithm, iterations, salt and digest)
     * @param createdAt    when the user was added
     * @param updatedAt    when the hash last changed
     */
    public record DashboardUser(String name, String passwordHash, long createdAt, long updatedAt) {

        /** Keeps the hash out of logs and exception messages. */
        @Override
        public String toString() {
            return "DashboardUser[" + name + "]";
        }
    }

    private final DSLContext dsl;

    public DashboardUserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Adds a user, or replaces the hash of an existing one; returns whether the user is new. */
    public boolean save(String typedName, String passwordHash, long nowMs) {
        if (!LoginName.valid(typedName)) {
            throw new IllegalArgumentException("a user name is " + LoginName.RULE);
        }
        String name = LoginName.of(typedName);
        int updated = dsl.update(DASHBOARD_USER).set(DASHBOARD_USER.PASSWORD_HASH, passwordHash)
                .set(DASHBOARD_USER.UPDATED_AT, nowMs).where(DASHBOARD_USER.USERNAME.eq(name)).execute();
        if (updated > 0) {
            return false;
        }
        dsl.insertInto(DASHBOARD_USER).set(DASHBOARD_USER.USERNAME, name).set(DASHBOARD_USER.PASSWORD_HASH, passwordHash)
                .set(DASHBOARD_USER.CREATED_AT, nowMs).set(DASHBOARD_USER.UPDATED_AT, nowMs).execute();
        return true;
    }

    /** The user of this name, in any case. */
    public Optional<DashboardUser> find(String typedName) {
        if (typedName == null || !LoginName.valid(typedName)) {
            return Optional.empty();
        }
        String name = LoginName.of(typedName);
        return dsl.selectFrom(DASHBOARD_USER).where(DASHBOARD_USER.USERNAME.eq(name))
                .fetchOptional(r -> new DashboardUser(r.getUsername(), r.getPasswordHash(), r.getCreatedAt(), r.getUpdatedAt()))
                .filter(u -> u.name().equals(name)); // exact, whatever the server's collation says
    }

    /** Every user, by name. */
    public List<DashboardUser> list() {
        return dsl.selectFrom(DASHBOARD_USER).orderBy(DASHBOARD_USER.USERNAME)
                .fetch(r -> new DashboardUser(r.getUsername(), r.getPasswordHash(), r.getCreatedAt(), r.getUpdatedAt()));
    }

    /** Removes a user, named in any case; returns whether there was one. */
    public boolean delete(String typedName) {
        return find(typedName).map(u -> dsl.deleteFrom(DASHBOARD_USER).where(DASHBOARD_USER.USERNAME.eq(u.name()))
                .execute() > 0).orElse(false);
    }
}
