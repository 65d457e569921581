package io.gridbot.exchange.bybit.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.bybit.limits.RequestPacing;
import io.gridbot.exchange.bybit.sign.BybitCredentials;
import io.gridbot.exchange.bybit.sign.BybitSigner;
import io.gridbot.exchange.wire.ServerClock;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls Bybit's REST API v5: builds the query or JSON body, signs private requests ({@code X-BAPI-API-KEY},
 * {@code -TIMESTAMP}, {@code -RECV-WINDOW}, {@code -SIGN}), paces itself with {@link RequestPacing} (reading
 * {@code X-Bapi-Limit-Status} and {@code X-Bapi-Limit-Reset-Timestamp} off every answer) and unwraps Bybit's envelope
 * {@code {"retCode","retMsg","result","retExtInfo","time"}}. Every failure becomes an {@link ExchangeException} from
 * {@link BybitErrors} that carries Bybit's code and message but never the key, the secret or a signature. A request
 * refused for its timestamp (10002) is retried once after a fresh time sync. Thread-safe.
 */
public final class BybitRestClient {

    private static final Logger LOG = LoggerFactory.getLogger(BybitRestClient.class);
    private static final MediaType JSON = MediaType.get("application/json");

    /** A successful answer: its {@code result} and {@code retExtInfo} (a batch's per-item codes). */
    public record Reply(JsonNode result, JsonNode extInfo) {
    }

    private final OkHttpClient http;
    private final HttpUrl base;
    private final BybitCredentials credentials;
    private final BybitSigner signer;
    private final long recvWindowMs;
    private final ServerClock clock;
    private final RequestPacing pacing;
    private final ObjectMapper json;

    public BybitRestClient(OkHttpClient http, String baseUrl, BybitCredentials credentials, long recvWindowMs,
            ServerClock clock, RequestPacing pacing, ObjectMapper json) {
        this.http = http;
        this.base = HttpUrl.get(baseUrl);
        this.credentials = credentials;
        // a client without a secret reads public endpoints only (a grid checked before it is stored)
        this.signer = credentials.secret().isEmpty() ? null : new BybitSigner(credentials.secret());
        this.recvWindowMs = recvWindowMs;
        this.clock = clock;
        this.pacing = pacing;
        this.json = json;
    }

    /** Measures the offset to the venue's clock ({@code GET /v5/market/time}, {@code timeNano}). */
    public void syncTime() throws ExchangeException {
        long sent = clock.localMs();
        JsonNode result = send(Endpoint.TIME, Map.of(), null).result();
        long serverMs;
        try {
            String nano = result.path("timeNano").asText("");
            serverMs = nano.isEmpty() ? Long.parseLong(result.path("timeSecond").asText()) * 1000
                    : Long.parseLong(nano) / 1_000_000;
        } catch (NumberFormatException e) {
            throw BybitErrors.unreadable(ServerClock.class);
        }
        clock.observe(serverMs, sent, clock.localMs());
    }

    public ServerClock clock() {
        return clock;
    }

    /** Releases the HTTP client's connections and threads; the client is unusable afterwards. */
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** A GET of these parameters, in this order. */
    public Reply get(Endpoint endpoint, Map<String, String> query) throws ExchangeException {
        return call(endpoint, query, null);
    }

    /** A POST of a JSON body. */
    public Reply post(Endpoint endpoint, Object body) throws ExchangeException {
        return call(endpoint, Map.of(), body);
    }

    private Reply call(Endpoint endpoint, Map<String, String> query, Object body) throws ExchangeException {
        try {
            return send(endpoint, query, body);
        } catch (ExchangeException e) {
            if (endpoint.signed() && BybitErrorCode.TIME_WINDOW.is(e.venueCode())) {
                LOG.info("the venue refused a timestamp; resynchronising the clock (offset was {} ms)", clock.offsetMs());
                syncTime();
                return send(endpoint, query, body);
            }
            throw e;
        }
    }

    private Reply send(Endpoint endpoint, Map<String, String> query, Object body) throws ExchangeException {
        if (endpoint.signed() && signer == null) {
            throw BybitErrors.refusedLocally(ExchangeErrorKind.AUTHENTICATION,
                    endpoint.method() + " " + endpoint.path() + " needs credentials, and none were given");
        }
        pacing.acquire(endpoint.path(), endpoint.limitPerSecond());
        String queryText = queryString(query);
        String bodyText = body == null ? "" : write(body);
        HttpUrl url = base.newBuilder().encodedPath(endpoint.path())
                .encodedQuery(queryText.isEmpty() ? null : queryText).build();
        Request.Builder request = new Request.Builder().url(url);
        if (endpoint.signed()) {
            long timestamp = clock.nowMs();
            String payload = endpoint.method().equals("GET") ? queryText : bodyText;
            request.header("X-BAPI-API-KEY", credentials.apiKey())
                    .header("X-BAPI-TIMESTAMP", Long.toString(timestamp))
                    .header("X-BAPI-RECV-WINDOW", Long.toString(recvWindowMs))
                    .header("X-BAPI-SIGN", signer.sign(timestamp, credentials.apiKey(), recvWindowMs, payload));
        }
        request.method(endpoint.method(), endpoint.method().equals("GET") ? null : RequestBody.create(bodyText, JSON));
        try (Response response = http.newCall(request.build()).execute()) {
            observeLimits(endpoint, response);
            JsonNode node = parse(response.body().string());
            Integer code = node == null || !node.path("retCode").canConvertToInt() ? null : node.path("retCode").asInt();
            if (response.isSuccessful() && code != null && code == 0) {
                return new Reply(node.path("result"), node.path("retExtInfo"));
            }
            String msg = node == null || !node.has("retMsg") ? null : node.path("retMsg").asText();
            ExchangeException refused = BybitErrors.answer(endpoint, response.code(), code, msg);
            if (refused.kind() == ExchangeErrorKind.RATE_LIMITED) {
                pacing.backOff(endpoint.path(), holdMs(response));
                LOG.warn("the venue refused {} {} for its rate ({}): holding back", endpoint.method(), endpoint.path(),
                        refused.venueCode());
            }
            throw refused;
        } catch (IOException e) {
            throw BybitErrors.transport(endpoint, e);
        }
    }

    private void observeLimits(Endpoint endpoint, Response response) {
        String remaining = response.header("X-Bapi-Limit-Status");
        String reset = response.header("X-Bapi-Limit-Reset-Timestamp");
        if (remaining != null && reset != null) {
            try {
                pacing.observe(endpoint.path(), Integer.parseInt(remaining.trim()), Long.parseLong(reset.trim()),
                        clock.offsetMs());
            } catch (NumberFormatException ignored) {
                // a header of another shape says nothing the pacing can use
            }
        }
    }

    /** Until the reset Bybit named, when it named one in the future, else one window. */
    private long holdMs(Response response) {
        String reset = response.header("X-Bapi-Limit-Reset-Timestamp");
        try {
            long until = reset == null ? 0 : Long.parseLong(reset.trim()) - clock.nowMs();
            return until > 0 ? Math.min(until, 10 * BybitErrors.DEFAULT_HOLD_MS) : BybitErrors.DEFAULT_HOLD_MS;
        } catch (NumberFormatException e) {
            return BybitErrors.DEFAULT_HOLD_MS;
        }
    }

    /** Parameters in the order given ({@code key, value, key, value, …}): queries read, and are signed, as written. */
    public static Map<String, String> params(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come in key and value pairs");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

    /** The query exactly as sent and signed. */
    static String queryString(Map<String, String> query) {
        StringBuilder q = new StringBuilder();
        query.forEach((k, v) -> {
            if (!q.isEmpty()) {
                q.append('&');
            }
            q.append(encode(k)).append('=').append(encode(v));
        });
        return q.toString();
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
