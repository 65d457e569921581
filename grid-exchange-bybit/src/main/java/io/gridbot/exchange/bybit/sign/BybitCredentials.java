package io.gridbot.exchange.bybit.sign;

import java.util.Objects;

/**
 * A Bybit API key and its secret (a system-generated, HMAC key). {@link #toString()} shows neither, so a credential
 * can never reach a log line by accident.
 *
 * @param apiKey sent in the {@code X-BAPI-API-KEY} header and the WebSocket {@code auth}
 * @param secret the HMAC secret; never sent
 */
public record BybitCredentials(String apiKey, String secret) {

    public BybitCredentials {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(secret, "secret");
    }

    /** No credentials: enough for Bybit's public market endpoints (instruments, time), refused for any other. */
    public static final BybitCredentials NONE = new BybitCredentials("", "");

    @Override
    public String toString() {
        return "BybitCredentials[apiKey=***, secret=***]";
    }
}
