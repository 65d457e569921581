package io.gridbot.runner.api;

import io.gridbot.persistence.token.ApiTokenRepository;
import io.gridbot.persistence.token.TokenScope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a bearer token may use the API, and with what scope: a stored token that is not revoked, or
 * the process's own control token, made at random when this check is created and held in memory only (the
 * daemon hands it to the commands of its data directory through its published endpoint). A stored token's
 * last use is written at most once every {@value #TOUCH_EVERY_MS} ms, so a busy token costs one write a
 * minute. Tokens themselves are never logged.
 */
public final class BearerCheck {

    /** How often a token's last use is refreshed at most. */
    public static final long TOUCH_EVERY_MS = 60_000;
    /** The name the process's own token goes by in logs and control requests (no stored name has brackets). */
    public static final String PROCESS_TOKEN_NAME = "(daemon)";
    private static final Logger LOG = LoggerFactory.getLogger(BearerCheck.class);

    /**
     * What a valid token may do.
     *
     * @param name  the token's name
     * @param scope read or control
     */
    public record Grant(String name, TokenScope scope) {
    }

    private final Supplier<ApiTokenRepository> tokens;
    private final LongSupplier clock;
    private final String processToken = TokenMint.mint();
    private final byte[] processHash = TokenMint.hash(processToken).getBytes(StandardCharsets.US_ASCII);

    public BearerCheck(Supplier<ApiTokenRepository> tokens, LongSupplier clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The process's own control token: valid while this process runs, never stored. */
    public String processToken() {
        return processToken;
    }

    /** What this token may do; empty when it is unknown, malformed or revoked. */
    public Optional<Grant> check(String token) {
        if (!TokenMint.wellFormed(token)) {
            return Optional.empty();
        }
        String hash = TokenMint.hash(token);
        if (MessageDigest.isEqual(processHash, hash.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(new Grant(PROCESS_TOKEN_NAME, TokenScope.CONTROL));
        }
        ApiTokenRepository repository = tokens.get();
        Optional<ApiTokenRepository.ApiToken> stored = repository.findByHash(hash).filter(t -> !t.revoked());
        stored.ifPresent(t -> touch(repository, t));
        return stored.map(t -> new Grant(t.name(), t.scope()));
    }

    private void touch(ApiTokenRepository repository, ApiTokenRepository.ApiToken token) {
        long now = clock.getAsLong();
        if (token.lastUsedAt() != null && now - token.lastUsedAt() < TOUCH_EVERY_MS) {
            return;
        }
        try {
            repository.touch(token.hash(), now, TOUCH_EVERY_MS);
        } catch (RuntimeException e) {
            // The answer matters more than the bookkeeping: the next use tries again.
            LOG.debug("could not record the use of token {}: {}", token.name(), e.toString());
        }
    }
}
