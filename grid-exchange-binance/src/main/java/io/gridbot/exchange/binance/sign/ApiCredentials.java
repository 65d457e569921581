package io.gridbot.exchange.binance.sign;

import java.util.Objects;

/**
 * A Binance API key and its secret. {@link #toString()} shows neither, so a credential can never reach a log
 * line by accident.
 *
 * @param apiKey the key sent in the {@code X-MBX-APIKEY} header
 * @param secret the HMAC secret; never sent
 */
public record ApiCredentials(String apiKey, String secret) {

    public ApiCredentials {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "ApiCredentials[apiKey=***, secret=***]";
    }
}
