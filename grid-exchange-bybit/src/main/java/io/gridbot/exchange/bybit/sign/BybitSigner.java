package io.gridbot.exchange.bybit.sign;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes Bybit's {@code X-BAPI-SIGN}: the lower-case hex of the HMAC-SHA256, keyed with the secret, of
 * {@code timestamp + apiKey + recvWindow + payload}, where a GET's payload is its query string exactly as sent
 * (without the {@code ?}) and a POST's is its JSON body exactly as sent. The WebSocket {@code auth} signs
 * {@code "GET/realtime" + expires} the same way. Thread-safe.
 */
public final class BybitSigner {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public BybitSigner(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The signature of one REST request. */
    public String sign(long timestampMs, String apiKey, long recvWindowMs, String payload) {
        return hmac(timestampMs + apiKey + recvWindowMs + (payload == null ? "" : payload));
    }

    /** The signature of a private WebSocket {@code auth} that expires at {@code expiresMs}. */
    public String signAuth(long expiresMs) {
        return hmac("GET/realtime" + expiresMs);
    }

    private String hmac(String text) {
        try {
            // A Mac is not thread-safe and cheap to make; one per signature keeps the signer shareable.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "BybitSigner[***]";
    }
}
