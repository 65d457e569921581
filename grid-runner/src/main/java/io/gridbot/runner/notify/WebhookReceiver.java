package io.gridbot.runner.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A generic webhook: each alert is POSTed as one JSON object {@code {"grid", "exchange", "symbol", "kind",
 * "message", "at", "daemon"}}. With a signing key, the header {@value #SIGNATURE} carries
 * {@code sha256=<hex HMAC-SHA256 of the body under the key>}, so the receiver can tell the body is ours.
 */
final class WebhookReceiver implements Receiver {

    /** The header that carries the body's signature. */
    static final String SIGNATURE = "X-Gridbot-Signature";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final Optional<String> signingKey;
    private final HttpPost http;
    private final Redaction redaction;

    WebhookReceiver(URI url, Optional<String> signingKey, HttpPost http) {
        this.url = url;
        this.signingKey = signingKey;
        this.http = http;
        this.redaction = new Redaction(List.of(url.toString(), signingKey.orElse("")));
    }

    @Override
    public Answer send(GridAlert alert) throws IOException, InterruptedException {
        String body = body(alert);
        Map<String, String> headers = signingKey.map(k -> Map.of(SIGNATURE, "sha256=" + sign(body, k))).orElse(Map.of());
        Answer answer = http.post(url, body, headers, redaction);
        return new Answer(answer.status(), HttpPost.excerpt(answer.said()), answer.retryAfterMs());
    }

    static String body(GridAlert alert) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grid", alert.grid());
        fields.put("exchange", alert.exchange());
        fields.put("symbol", alert.symbol());
        fields.put("kind", alert.kind());
        fields.put("message", alert.message());
        fields.put("at", alert.at());
        fields.put("daemon", alert.daemon());
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an alert did not serialise", e);
        }
    }

    /** The hex HMAC-SHA256 of {@code body} under {@code key}. */
    static String sign(String body, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
