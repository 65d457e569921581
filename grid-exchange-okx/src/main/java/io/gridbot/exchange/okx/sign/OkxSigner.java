package io.gridbot.exchange.okx.sign;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes OKX's {@code OK-ACCESS-SIGN}: the Base64 of the HMAC-SHA256, keyed with the secret, of
 * {@code timestamp + METHOD + requestPath + body}, where a GET's query belongs to the request path and a POST's
 * JSON body is the exact text sent. The WebSocket login signs the same way over
 * {@code epochSeconds + "GET" + "/users/self/verify"}. Thread-safe.
 */
public final class OkxSigner {

    private static final String ALGORITHM = "HmacSHA256";
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final SecretKeySpec key;

    public OkxSigner(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The signature of one REST request. */
    public String sign(String timestamp, String method, String requestPath, String body) {
        return sign(timestamp + method + requestPath + (body == null ? "" : body));
    }

    /** The {@code sign} of a private WebSocket login at {@code epochSeconds}. */
    public String signLogin(long epochSeconds) {
        return sign(epochSeconds + "GET/users/self/verify");
    }

    /** The {@code OK-ACCESS-TIMESTAMP} of a moment: ISO 8601 in UTC with milliseconds, e.g. {@code 2020-12-08T09:08:57.715Z}. */
    public static String timestamp(long epochMs) {
        return ISO_MILLIS.format(Instant.ofEpochMilli(epochMs));
    }

    private String sign(String preHash) {
        try {
            // A Mac is not thread-safe and cheap to make; one per signature keeps the signer shareable.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(preHash.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "OkxSigner[***]";
    }
}
