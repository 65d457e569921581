package io.gridbot.persistence.token;

import static io.gridbot.persistence.jooq.Tables.API_TOKEN;

import io.gridbot.persistence.jooq.tables.records.ApiTokenRecord;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jooq.DSLContext;

/**
 * The API tokens: a unique name, a scope and the token's SHA-256 hash (hex); making tokens and hashing them is
 * the caller's job, and this repository never sees a token. Names are stored in lower case and are 1 to 64 of
 * {@code a-z 0-9 _ . -}, so every server collation compares them as the embedded database does. A revoked
 * token stays listed, refused, until a new token takes its name.
 */
public final class ApiTokenRepository {

    /** What a valid name may contain, for messages. */
    public static final String NAME_RULE = "1 to 64 letters, digits, '_', '.' or '-' (compared in lower case)";
    private static final Pattern VALID = Pattern.compile("[a-z0-9_.-]{1,64}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    /**
     * One token, without the token.
     *
     * @param name       its name
     * @param scope      what it may do
     * @param hash       the hex SHA-256 of the token
     * @param createdAt  when it was created
     * @param lastUsedAt when it was last used (to about a minute), or {@code null} if never
     * @param revokedAt  when it was revoked, or {@code null} while it is valid
     */
    public record ApiToken(String name, TokenScope scope, String hash, long createdAt, Long lastUsedAt, Long revokedAt) {

        /** Whether it has been revoked. */
        public boolean revoked() {
            return revokedAt != null;
        }

        /** Keeps the hash out of logs and exception messages. */
        @Override
        public String toString() {
            return "ApiToken[" + name + ", " + scope + (revoked() ? ", revoked" : "") + "]";
        }
    }

    /** Refused: another valid token has this name. */
    public static final class DuplicateNameException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DuplicateNameException(String name) {
            super("a token named '" + name + "' exists; revoke it first or choose another name");
        }
    }

    private final DSLContext dsl;

    public ApiTokenRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The one spelling of a typed name. */
    public static String name(String typed) {
        return typed.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether the name, in its one spelling, is a valid token name. */
    public static boolean validName(String typed) {
        return typed != null && VALID.matcher(name(typed)).matches();
    }

    /**
     * Stores a new token; a revoked token of the same name is replaced.
     *
     * @throws IllegalArgumentException when the name or hash is not valid
     * @throws DuplicateNameException   when a valid token has this name
     */
    public ApiToken create(String typedName, TokenScope scope, String hash, long nowMs) {
        if (!validName(typedName)) {
            throw new IllegalArgumentException("a token name is " + NAME_RULE);
        }
        if (scope == null || hash == null || !HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("a token needs a scope and a hex SHA-256 hash");
        }
        String name = name(typedName);
        try {
            return insert(name, scope, hash, nowMs);
        } catch (org.jooq.exception.IntegrityConstraintViolationException e) {
            throw new DuplicateNameException(name); // another process created it at the same moment
        }
    }

    private ApiToken insert(String name, TokenScope scope, String hash, long nowMs) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            ApiTokenRecord old = t.selectFrom(API_TOKEN).where(API_TOKEN.NAME.eq(name)).forUpdate().fetchOne();
            if (old != null && old.getRevokedAt() == null) {
                throw new DuplicateNameException(name);
            }
            if (old != null) {
                t.deleteFrom(API_TOKEN).where(API_TOKEN.ID.eq(old.getId())).execute();
            }
            t.insertInto(API_TOKEN).set(API_TOKEN.NAME, name).set(API_TOKEN.SCOPE, scope.name())
                    .set(API_TOKEN.TOKEN_HASH, hash).set(API_TOKEN.CREATED_AT, nowMs).execute();
            return new ApiToken(name, scope, hash, nowMs, null, null);
        });
    }

    /** The token of this hash, revoked or not. */
    public Optional<ApiToken> findByHash(String hash) {
        if (hash == null || !HASH.matcher(hash).matches()) {
            return Optional.empty();
        }
        return dsl.selectFrom(API_TOKEN).where(API_TOKEN.TOKEN_HASH.eq(hash)).fetchOptional(ApiTokenRepository::token);
    }

    /** The token of this name, revoked or not. */
    public Optional<ApiToken> find(String typedName) {
        if (!validName(typedName)) {
            return Optional.empty();
        }
        String name = name(typedName);
        return dsl.selectFrom(API_TOKEN).where(API_TOKEN.NAME.eq(name)).fetchOptional(ApiTokenRepository::token)
                .filter(t -> t.name().equals(name));
    }

    /** Every token, by name. */
    public List<ApiToken> list() {
        return dsl.selectFrom(API_TOKEN).orderBy(API_TOKEN.NAME).fetch(ApiTokenRepository::token);
    }

    /**
     * Records a use: one statement, which writes only when the stored time is older than {@code everyMs}, so a
     * busy token costs one write a minute, whichever process sees it.
     */
    public void touch(String hash, long nowMs, long everyMs) {
        dsl.update(API_TOKEN).set(API_TOKEN.LAST_USED_AT, nowMs).where(API_TOKEN.TOKEN_HASH.eq(hash))
                .and(API_TOKEN.LAST_USED_AT.isNull().or(API_TOKEN.LAST_USED_AT.le(nowMs - everyMs))).execute();
    }

    /** Revokes the valid token of this name; returns whether there was one. */
    public boolean revoke(String typedName, long nowMs) {
        if (!validName(typedName)) {
            return false;
        }
        return dsl.update(API_TOKEN).set(API_TOKEN.REVOKED_AT, nowMs).where(API_TOKEN.NAME.eq(name(typedName)))
                .and(API_TOKEN.REVOKED_AT.isNull()).execute() > 0;
    }

    private static ApiToken token(ApiTokenRecord r) {
        return new ApiToken(r.getName(), TokenScope.valueOf(r.getScope()), r.getTokenHash(), r.getCreatedAt(),
                r.getLastUsedAt(), r.getRevokedAt());
    }
}
