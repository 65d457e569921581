package io.gridbot.exchange.okx.sign;

import java.util.Objects;

/**
 * An OKX API key with its secret and the passphrase chosen when the key was made; OKX asks for all three.
 * {@link #toString()} shows none of them, so a credential can never reach a log line by accident.
 *
 * @param apiKey     sent in the {@code OK-ACCESS-KEY} header
 * @param secret     the HMAC secret; never sent
 * @param passphrase sent in the {@code OK-ACCESS-PASSPHRASE} header
 */
public record OkxCredentials(String apiKey, String secret, String passphrase) {

    public OkxCredentials {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(passphrase, "passphrase");
    }

    /** No credentials: enough for OKX's public endpoints (the instrument list, the time), refused for any other. */
    public static final OkxCredentials NONE = new OkxCredentials("", "", "");

    @Override
    public String toString() {
        return "OkxCredentials[apiKey=***, secret=***, passphrase=***]";
    }
}
