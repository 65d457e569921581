package io.gridbot.exchange.okx.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.okx.limits.RequestPacing;
import io.gridbot.exchange.okx.sign.OkxCredentials;
import io.gridbot.exchange.okx.sign.OkxSigner;
import io.gridbot.exchange.okx.wire.ServerTimeWire;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.gridbot.exchange.wire.ServerClock;

/**
 * Calls OKX's REST API v5: builds the query or JSON body, signs private requests ({@code OK-ACCESS-KEY},
 * {@code -SIGN}, {@code -TIMESTAMP}, {@code -PASSPHRASE}), marks demo-trading requests with
 * {@code x-simulated-trading: 1}, paces itself with {@link RequestPacing} and unwraps OKX's envelope
 * {@code {"code","msg","data"}}. Every failure becomes an {@link ExchangeException} from {@link OkxErrors} that
 * carries OKX's code and message but never the key, the passphrase or a signature. Thread-safe.
 */
public final class OkxRestClient {

    private static final Logger LOG = LoggerFactory.getLogger(OkxRestClient.class);
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient http;
    private final HttpUrl base;
    private final OkxCredentials credentials;
    private final OkxSigner signer;
    private final boolean simulated;
    private final ServerClock clock;
    private final RequestPacing pacing;
    private final ObjectMapper json;

    /**
     * @param simulated whether the key is a demo-trading key: every request then carries {@code x-simulated-trading: 1}
     */
    public OkxRestClient(OkHttpClient http, String baseUrl, OkxCredentials credentials, boolean simulated,
            ServerClock clock, RequestPacing pacing, ObjectMapper json) {
        this.http = http;
        this.base = HttpUrl.get(baseUrl);
        this.credentials = credentials;
        // a client without a secret reads public endpoints only (a grid checked before it is stored)
        this.signer = credentials.secret().isEmpty() ? null : new OkxSigner(credentials.secret());
        this.simulated = simulated;
        this.clock = clock;
        this.pacing = pacing;
        this.json = json;
    }

    /** Measures the offset to the venue's clock ({@code GET /api/v5/public/time}). */
    public void syncTime() throws ExchangeException {
        long sent = clock.localMs();
        ArrayNode data = send(Endpoint.TIME, Map.of(), null, null, 1);
        ServerTimeWire time;
        try {
            time = json.treeToValue(data.path(0), ServerTimeWire.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw OkxErrors.unreadable(ServerTimeWire.class);
        }
        if (time == null || time.ts() <= 0) {
            throw OkxErrors.unreadable(ServerTimeWire.class);
        }
        clock.observe(time.ts(), sent, clock.localMs());
    }

    public ServerClock clock() {
        return clock;
    }

    public ObjectMapper json() {
        return json;
    }

    /** Releases the HTTP client's connections and threads; the client is unusable afterwards. */
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** A GET; {@code instId} (may be {@code null}) keys the pacing where the limit counts per instrument. */
    public ArrayNode get(Endpoint endpoint, Map<String, String> query, String instId) throws ExchangeException {
        return call(endpoint, query, null, instId, 1);
    }

    /**
     * A POST of a JSON body.
     *
     * @param weight what the request counts against its limit: 1, or the number of orders of a batch
     */
    public ArrayNode post(Endpoint endpoint, Object body, String instId, int weight) throws ExchangeException {
        return call(endpoint, Map.of(), body, instId, weight);
    }

    /**
     * Sends one request and returns the envelope's {@code data}. An itemised endpoint's partial or whole failure
     * ({@code code} 1 or 2) returns the data too, since each item says for itself. A private request refused for its
     * timestamp (50102) is retried once after a fresh time sync.
     */
    private ArrayNode call(Endpoint endpoint, Map<String, String> query, Object body, String instId, int weight)
            throws ExchangeException {
        try {
            return send(endpoint, query, body, instId, weight);
        } catch (ExchangeException e) {
            if (endpoint.signed() && OkxErrorCode.TIMESTAMP_EXPIRED.is(e.venueCode())) {
                LOG.info("the venue refused a timestamp; resynchronising the clock (offset was {} ms)", clock.offsetMs());
                syncTime();
                return send(endpoint, query, body, instId, weight);
            }
            throw e;
        }
    }

    private ArrayNode send(Endpoint endpoint, Map<String, String> query, Object body, String instId, int weight)
            throws ExchangeException {
        String key = RequestPacing.key(endpoint.path(), endpoint.rule(), instId);
        pacing.acquire(key, endpoint.rule(), weight, endpoint.traffic() == Endpoint.Traffic.NEW_ORDER);
        HttpUrl url = url(endpoint, query);
        String bodyText = body == null ? "" : write(body);
        Request.Builder request = new Request.Builder().url(url);
        if (endpoint.signed() && signer == null) {
            throw OkxErrors.refusedLocally(ExchangeErrorKind.AUTHENTICATION,
                    endpoint.method() + " " + endpoint.path() + " needs credentials, and none were given");
        }
        if (endpoint.signed()) {
            String requestPath = url.encodedPath() + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery());
            String timestamp = OkxSigner.timestamp(clock.nowMs());
            request.header("OK-ACCESS-KEY", credentials.apiKey())
                    .header("OK-ACCESS-SIGN", signer.sign(timestamp, endpoint.method(), requestPath, bodyText))
                    .header("OK-ACCESS-TIMESTAMP", timestamp)
                    .header("OK-ACCESS-PASSPHRASE", credentials.passphrase());
        }
        if (simulated) {
            request.header("x-simulated-trading", "1");
        }
        request.method(endpoint.method(), endpoint.method().equals("GET") ? null : RequestBody.create(bodyText, JSON));
        try (Response response = http.newCall(request.build()).execute()) {
            JsonNode node = parse(response.body().string());
            String code = node == null || !node.has("code") ? null : node.path("code").asText();
            JsonNode data = node == null ? null : node.get("data");
            if (response.isSuccessful() && "0".equals(code) && data != null && data.isArray()) {
                return (ArrayNode) data;
            }
            if (response.isSuccessful() && endpoint.itemised() && ("1".equals(code) || "2".equals(code))
                    && data != null && data.isArray() && !data.isEmpty()) {
                return (ArrayNode) data;
            }
            if (response.isSuccessful() && "0".equals(code)) {
                throw OkxErrors.unreadable(ArrayNode.class);
            }
            String msg = node == null || !node.has("msg") ? null : node.path("msg").asText();
            OkxErrors.Refusal refusal = OkxErrors.answer(endpoint, response.code(), code, msg);
            switch (refusal.hold()) {
                case ENDPOINT -> pacing.backOff(key, refusal.holdMs());
                case NEW_ORDERS -> pacing.backOffOrders(refusal.holdMs());
                case NONE -> {
                    // the pacing stays as it is
                }
            }
            if (refusal.hold() != OkxErrors.Hold.NONE) {
                LOG.warn("the venue refused {} {} for its rate ({}): holding back for {} ms", endpoint.method(),
                        endpoint.path(), refusal.error().venueCode(), refusal.holdMs());
            }
            throw refusal.error();
        } catch (IOException e) {
            throw OkxErrors.transport(endpoint, e);
        }
    }

    /** Parameters in the order given ({@code key, value, key, value, …}): queries and bodies read as written. */
    public static Map<String, String> params(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come in key and value pairs");
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

    private HttpUrl url(Endpoint endpoint, Map<String, String> query) {
        StringBuilder q = new StringBuilder();
        query.forEach((k, v) -> {
            if (!q.isEmpty()) {
                q.append('&');
            }
            q.append(encode(k)).append('=').append(encode(v));
        });
        return base.newBuilder().encodedPath(endpoint.path()).encodedQuery(q.isEmpty() ? null : q.toString()).build();
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a request body", e);
        }
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
