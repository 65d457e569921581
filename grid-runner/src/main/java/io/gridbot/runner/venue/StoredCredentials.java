package io.gridbot.runner.venue;

import io.gridbot.exchange.venue.AccountCredentials;
import io.gridbot.exchange.venue.VenueSettings;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.secret.Credentials;
import io.gridbot.persistence.secret.MasterKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A venue's accounts in the encrypted credential store, looked up by label, as the daemon and the account
 * command read them: decrypted with the master key from {@code GRIDBOT_MASTER_KEY} or
 * {@code <data-dir>/master.key}. Without either the store is not consulted, and no key is ever created here:
 * only storing credentials makes one.
 */
public final class StoredCredentials {

    private StoredCredentials() {
    }

    /**
     * The lookup of every venue's accounts in {@code db}, as providers read them ({@link VenueSettings}); it throws
     * {@link UncheckedIOException} when the master key cannot be read.
     */
    public static VenueSettings.AccountStore accounts(Database db, Map<String, String> env, Path dataDir) {
        return (exchange, account) -> of(db, exchange, env, dataDir).apply(account).map(StoredCredentials::fields);
    }

    /** A stored account as a provider reads it: its key, secret and passphrase (when it has one) by field name. */
    static AccountCredentials fields(Credentials c) {
        Map<String, String> fields = new HashMap<>();
        fields.put(AccountCredentials.API_KEY, c.apiKey());
        fields.put(AccountCredentials.SECRET, c.secret());
        if (c.passphrase() != null) {
            fields.put(AccountCredentials.PASSPHRASE, c.passphrase());
        }
        return new AccountCredentials(c.exchange(), c.label(), fields);
    }

    /**
     * The lookup of {@code exchange}'s accounts in {@code db}; it throws {@link UncheckedIOException} when the
     * master key cannot be read.
     */
    public static Function<String, Optional<Credentials>> of(Database db, String exchange, Map<String, String> env,
            Path dataDir) {
        Path keyFile = dataDir.resolve("master.key");
        return account -> {
            if (env.get(MasterKey.ENV) == null && !Files.exists(keyFile)) {
                return Optional.empty();
            }
            try {
                return db.credentials(MasterKey.load(env, keyFile)).load(exchange, account);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
