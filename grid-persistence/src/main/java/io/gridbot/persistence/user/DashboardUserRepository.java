package io.gridbot.persistence.user;

import static io.gridbot.persistence.jooq.Tables.DASHBOARD_USER;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The dashboard's users (issue 7): names and encoded password hashes. Hashing is the caller's job; this
 * repository never sees a password.
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
    public boolean save(String name, String passwordHash, long nowMs) {
        int updated = dsl.update(DASHBOARD_USER).set(DASHBOARD_USER.PASSWORD_HASH, passwordHash)
                .set(DASHBOARD_USER.UPDATED_AT, nowMs).where(DASHBOARD_USER.USERNAME.eq(name)).execute();
        if (updated > 0) {
            return false;
        }
        dsl.insertInto(DASHBOARD_USER).set(DASHBOARD_USER.USERNAME, name).set(DASHBOARD_USER.PASSWORD_HASH, passwordHash)
                .set(DASHBOARD_USER.CREATED_AT, nowMs).set(DASHBOARD_USER.UPDATED_AT, nowMs).execute();
        return true;
    }

    /** The user of this name. */
    public Optional<DashboardUser> find(String name) {
        return dsl.selectFrom(DASHBOARD_USER).where(DASHBOARD_USER.USERNAME.eq(name))
                .fetchOptional(r -> new DashboardUser(r.getUsername(), r.getPasswordHash(), r.getCreatedAt(), r.getUpdatedAt()));
    }

    /** Every user, by name. */
    public List<DashboardUser> list() {
        return dsl.selectFrom(DASHBOARD_USER).orderBy(DASHBOARD_USER.USERNAME)
                .fetch(r -> new DashboardUser(r.getUsername(), r.getPasswordHash(), r.getCreatedAt(), r.getUpdatedAt()));
    }

    /** Removes a user; returns whether there was one. */
    public boolean delete(String name) {
        return dsl.deleteFrom(DASHBOARD_USER).where(DASHBOARD_USER.USERNAME.eq(name)).execute() > 0;
    }
}
