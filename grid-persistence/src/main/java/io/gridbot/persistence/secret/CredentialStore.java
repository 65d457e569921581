package io.gridbot.persistence.secret;

import static io.gridbot.persistence.jooq.Tables.EXCHANGE_CREDENTIAL;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Exchange credentials, stored encrypted by {@link SecretSeal} (AES-256-GCM under a {@link MasterKey} that never
 * enters the database); the exchange and label are bound in as associated data, so a value cannot be moved to
 * another account.
 */
public final class CredentialStore {

    private static final int VERSION = 1;
    private final DSLContext dsl;
    private final SecretSeal seal;

    public CredentialStore(DSLContext dsl, MasterKey key) {
        this.dsl = dsl;
        this.seal = new SecretSeal(key);
    }

    /** Stores (or replaces) the credentials of one account, its passphrase with them (none when it has none). */
    public void save(Credentials c, long nowMs) {
        String ad = c.exchange() + "/" + c.label();
        String apiKey = encrypt(c.apiKey(), ad + "/key");
        String secret = encrypt(c.secret(), ad + "/secret");
        String passphrase = c.passphrase() == null ? null : encrypt(c.passphrase(), ad + "/passphrase");
        int updated = dsl.update(EXCHANGE_CREDENTIAL).set(EXCHANGE_CREDENTIAL.API_KEY, apiKey)
                .set(EXCHANGE_CREDENTIAL.API_SECRET, secret).set(EXCHANGE_CREDENTIAL.API_PASSPHRASE, passphrase)
                .set(EXCHANGE_CREDENTIAL.KEY_VERSION, VERSION)
                .where(EXCHANGE_CREDENTIAL.EXCHANGE.eq(c.exchange())).and(EXCHANGE_CREDENTIAL.LABEL.eq(c.label())).execute();
        if (updated == 0) {
            dsl.insertInto(EXCHANGE_CREDENTIAL)
                    .set(EXCHANGE_CREDENTIAL.EXCHANGE, c.exchange()).set(EXCHANGE_CREDENTIAL.LABEL, c.label())
                    .set(EXCHANGE_CREDENTIAL.API_KEY, apiKey).set(EXCHANGE_CREDENTIAL.API_SECRET, secret)
                    .set(EXCHANGE_CREDENTIAL.API_PASSPHRASE, passphrase).set(EXCHANGE_CREDENTIAL.KEY_VERSION, VERSION).set(EXCHANGE_CREDENTIAL.CREATED_AT, nowMs)
                    .execute();
        }
    }

    /** The credentials of one account, decrypted. */
    public Optional<Credentials> load(String exchange, String label) {
        return dsl.selectFrom(EXCHANGE_CREDENTIAL).where(EXCHANGE_CREDENTIAL.EXCHANGE.eq(exchange))
                .and(EXCHANGE_CREDENTIAL.LABEL.eq(label)).fetchOptional()
                .map(r -> new Credentials(exchange, label, decrypt(r.getApiKey(), exchange + "/" + label + "/key"),
                        decrypt(r.getApiSecret(), exchange + "/" + label + "/secret"),
                        r.getApiPassphrase() == null ? null
                                : decrypt(r.getApiPassphrase(), exchange + "/" + label + "/passphrase")));
    }

    /** The stored accounts as {@code exchange/label}, never their keys. */
    public List<String> accounts() {
        return dsl.select(EXCHANGE_CREDENTIAL.EXCHANGE, EXCHANGE_CREDENTIAL.LABEL).from(EXCHANGE_CREDENTIAL)
                .orderBy(EXCHANGE_CREDENTIAL.EXCHANGE, EXCHANGE_CREDENTIAL.LABEL).fetch(r -> r.value1() + "/" + r.value2());
    }

    /** Deletes one account's credentials; false when there were none. */
    public boolean delete(String exchange, String label) {
        return dsl.deleteFrom(EXCHANGE_CREDENTIAL).where(EXCHANGE_CREDENTIAL.EXCHANGE.eq(exchange))
                .and(EXCHANGE_CREDENTIAL.LABEL.eq(label)).execute() > 0;
    }

    private String encrypt(String plain, String associated) {
        return seal.seal(plain, associated);
    }

    private String decrypt(String stored, String associated) {
        return seal.open(stored, associated, "stored credentials");
    }
}
