package io.gridbot.exchange.binance.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.binance.limits.RateLimit;
import io.gridbot.exchange.binance.limits.RequestBudget;
import io.gridbot.exchange.binance.sign.ApiCredentials;
import io.gridbot.exchange.binance.sign.RequestSigner;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.gridbot.exchange.wire.ServerClock;

/**
 * Calls Binance's REST API: builds the query, signs it (timestamp, recvWindow, HMAC), sends the key header,
 * paces itself with the {@link RequestBudget} and has {@link ErrorClassifier} turn every failure into an
 * {@link ExchangeException} that carries the venue's code and message but never the key, the query or its
 * signature; a rate-limit refusal also starts the back-off it calls for. Thread-safe.
 */
public final class BinanceRestClient {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceRestClient.class);
    private static final RequestBody EMPTY = RequestBody.create(new byte[0]);

    private final OkHttpClient http;
    private final HttpUrl base;
    private final ApiCredentials credentials;
    private final RequestSigner signer;
    private final long recvWindowMs;
    private final ServerClock clock;
    private final RequestBudget budget;
    private final ObjectMapper json;

    public BinanceRestClient(OkHttpClient http, String baseUrl, ApiCredentials credentials, long recvWindowMs,
            ServerClock clock, RequestBudget budget, ObjectMapper json) {
        this.http = http;
        this.base = HttpUrl.get(baseUrl);
        this.credentials = credentials;
        this.signer = new RequestSigner(credentials.secret());
        this.recvWindowMs = recvWindowMs;
        this.clock = clock;
        this.budget = budget;
        this.json = json;
    }

    /** Measures the offset to the venue's clock. */
    public void syncTime() throws ExchangeException {
        long sent = clock.localMs();
        JsonNode time = call(Endpoint.TIME, Map.of());
        clock.observe(time.path("serverTime").asLong(), sent, clock.localMs());
    }

    public ServerClock clock() {
        return clock;
    }

    public RequestBudget budget() {
        return budget;
    }

    /**
     * Sends one request and returns the parsed JSON answer. A signed request refused for its timestamp
     * (-1021) is retried once after a fresh time sync.
     */
    public JsonNode call(Endpoint endpoint, Map<String, String> params) throws ExchangeException {
        try {
            return send(endpoint, params);
        } catch (ExchangeException e) {
            if (endpoint.security() == Endpoint.Security.SIGNED
                    && String.valueOf(BinanceErrorCode.INVALID_TIMESTAMP.code()).equals(e.venueCode())) {
                LOG.info("the venue refused a timestamp; resynchronising the clock (offset was {} ms)", clock.offsetMs());
                syncTime();
                return send(endpoint, params);
            }
            throw e;
        }
    }

    private JsonNode send(Endpoint endpoint, Map<String, String> params) throws ExchangeException {
        budget.acquire(endpoint.traffic());
        String query = query(endpoint, params);
        HttpUrl url = base.newBuilder().encodedPath(endpoint.path()).encodedQuery(query.isEmpty() ? null : query).build();
        Request.Builder request = new Request.Builder().url(url);
        if (endpoint.security() != Endpoint.Security.NONE) {
            request.header("X-MBX-APIKEY", credentials.apiKey());
        }
        request.method(endpoint.method(), endpoint.method().equals("GET") ? null : EMPTY);
        try (Response response = http.newCall(request.build()).execute()) {
            for (RateLimit limit : budget.limits()) {
                budget.observe(limit.header(), response.header(limit.header()));
            }
            String body = response.body().string();
            JsonNode node = parse(body);
            if (response.isSuccessful() && !isError(node)) {
                return node;
            }
            ErrorClassifier.Refusal refusal = ErrorClassifier.answer(endpoint, response.code(), response.header("Retry-After"),
                    node, body);
            switch (refusal.hold()) {
                case EVERY_REQUEST -> budget.backOff(refusal.holdMs());
                case NEW_ORDERS -> budget.backOffOrders(refusal.holdMs());
                case NONE -> {
                    // the pacing stays as it is
                }
            }
            throw refusal.error();
        } catch (IOException e) {
            throw ErrorClassifier.transport(endpoint, e);
        }
    }

    private String query(Endpoint endpoint, Map<String, String> params) {
        Map<String, String> all = new LinkedHashMap<>(params);
        if (endpoint.security() == Endpoint.Security.SIGNED) {
            all.put("recvWindow", Long.toString(recvWindowMs));
            all.put("timestamp", Long.toString(clock.nowMs()));
        }
        StringBuilder q = new StringBuilder();
        all.forEach((k, v) -> {
            if (!q.isEmpty()) {
                q.append('&');
            }
            q.append(encode(k)).append('=').append(encode(v));
        });
        if (endpoint.security() == Endpoint.Security.SIGNED) {
            // The signature covers the exact bytes sent, and must be the last parameter.
            String signature = signer.sign(q.toString());
            q.append("&signature=").append(signature);
        }
        return q.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isError(JsonNode node) {
        // allOpenOrders answers {"code":200,...} on success; errors are negative.
        return node != null && node.isObject() && node.path("code").isInt() && node.path("code").asInt() < 0;
    }
}
