package io.gridbot.exchange.binance.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.binance.limits.RateLimit;
import io.gridbot.exchange.binance.limits.RequestBudget;
import io.gridbot.exchange.binance.sign.ApiCredentials;
import io.gridbot.exchange.binance.sign.RequestSigner;
import java.io.IOException;
import java.io.InterruptedIOException;
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

/**
 * Calls Binance's REST API: builds the query, signs it (timestamp, recvWindow, HMAC), sends the key header,
 * paces itself with the {@link RequestBudget} and turns every failure into an {@link ExchangeException} that
 * carries the venue's code and message but never the key, the query or its signature. Thread-safe.
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
            throw failure(endpoint, response, node, body);
        } catch (InterruptedIOException e) {
            // A timeout after the request left: for a create, the order may exist.
            throw new ExchangeException(endpoint.createsOrders() ? ExchangeErrorKind.TIMEOUT_UNKNOWN : ExchangeErrorKind.NETWORK,
                    null, endpoint.method() + " " + endpoint.path() + " timed out");
        } catch (java.net.ConnectException | java.net.UnknownHostException e) {
            throw new ExchangeException(ExchangeErrorKind.NETWORK, null,
                    endpoint.method() + " " + endpoint.path() + " could not connect: " + e.getClass().getSimpleName());
        } catch (IOException e) {
            // The connection broke after the request may have left: a create's outcome is unknown.
            throw new ExchangeException(endpoint.createsOrders() ? ExchangeErrorKind.TIMEOUT_UNKNOWN : ExchangeErrorKind.NETWORK,
                    null, endpoint.method() + " " + endpoint.path() + " failed: " + e.getClass().getSimpleName());
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

    private ExchangeException failure(Endpoint endpoint, Response response, JsonNode node, String body) {
        int status = response.code();
        long retryAfterMs = retryAfterMs(response.header("Retry-After"));
        String code = node != null && node.has("code") ? node.path("code").asText() : null;
        String msg = node != null && node.has("msg") ? node.path("msg").asText() : null;
        if (status == 429 || status == 418) {
            long wait = retryAfterMs > 0 ? retryAfterMs : status == 418 ? 120_000 : 30_000;
            // An order endpoint carries no IP weight: its 429 is the account's order rate, not the IP's.
            boolean orderRate = status == 429 && (BinanceErrorCode.TOO_MANY_ORDERS.code() + "").equals(code)
                    || status == 429 && code == null && endpoint.createsOrders();
            if (orderRate) {
                budget.backOffOrders(wait);
            } else {
                budget.backOff(wait);
            }
            LOG.warn("the venue answered HTTP {} to {} {}: backing off {} for {} ms", status, endpoint.method(),
                    endpoint.path(), orderRate ? "new orders" : "every request", wait);
            return new ExchangeException(ExchangeErrorKind.RATE_LIMITED, code != null ? code : "HTTP " + status,
                    msg != null ? msg : status == 418 ? "IP banned" : "Too many requests", wait);
        }
        Integer venueCode = node != null && node.path("code").isInt() ? node.path("code").asInt() : null;
        String text = msg != null ? msg : body == null || body.isBlank() ? null : body;
        ExchangeErrorKind kind = ErrorClassifier.kindOf(endpoint.createsOrders(), status, venueCode, text);
        if (kind == ExchangeErrorKind.RATE_LIMITED) {
            long wait = retryAfterMs > 0 ? retryAfterMs : 30_000;
            if (venueCode != null && venueCode == BinanceErrorCode.TOO_MANY_ORDERS.code()) {
                budget.backOffOrders(wait);
            } else {
                budget.backOff(wait);
            }
        }
        String label = code != null ? code : "HTTP " + status;
        return new ExchangeException(kind, label, msg != null ? msg : describe(kind, endpoint, status), retryAfterMs);
    }

    /** A message for an answer without Binance's own (a gateway's page, an empty body). */
    private static String describe(ExchangeErrorKind kind, Endpoint endpoint, int status) {
        return switch (kind) {
            case TIMEOUT_UNKNOWN -> endpoint.method() + " " + endpoint.path() + " answered HTTP " + status
                    + ": execution status unknown";
            case AUTHENTICATION -> "API key refused";
            case OTHER -> status == 403 ? "refused by the venue's firewall" : endpoint.method() + " " + endpoint.path() + " failed";
            default -> endpoint.method() + " " + endpoint.path() + " failed";
        };
    }

    private static long retryAfterMs(String header) {
        if (header == null) {
            return 0;
        }
        try {
            return Long.parseLong(header.trim()) * 1_000;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
