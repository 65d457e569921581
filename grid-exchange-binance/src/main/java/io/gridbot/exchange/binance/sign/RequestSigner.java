package io.gridbot.exchange.binance.sign;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes Binance's SIGNED-endpoint signature: hex HMAC-SHA256, keyed with the secret, over the query string
 * followed directly by the body. Thread-safe.
 */
public final class RequestSigner {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public RequestSigner(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The signature of {@code totalParams} (query string concatenated with the body, no separator). */
    public String sign(String totalParams) {
        try {
            // A Mac is not thread-safe and cheap to make; one per signature keeps the signer shareable.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(totalParams.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "RequestSigner[***]";
    }
}
