package io.gridbot.exchange.bybit.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridbot.exchange.bybit.sign.BybitSigner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * The fake's REST side: routes Bybit's v5 paths, checks a private request's headers as Bybit does (the key, a
 * timestamp inside {@code [server_time - recv_window, server_time + 1000)}, the hex HMAC-SHA256 over timestamp, key,
 * receive window and the query string or body as sent), counts the documented limits and reports them in the
 * {@code X-Bapi-Limit*} headers, and answers in Bybit's envelope: a batch's items in {@code result.list}, their codes
 * in {@code retExtInfo.list}.
 */
final class FakeRest extends Dispatcher {

    /** An answer before headers: HTTP status, body and the route's limit status. */
    record Answer(int status, String body) {
    }

    private static final Set<String> PUBLIC = Set.of("GET /v5/market/time", "GET /v5/market/instruments-info",
            "GET /v5/market/tickers", "GET /v5/market/risk-limit");

    private final FakeBybit fake;
    private final BybitSigner signer = new BybitSigner(FakeBybit.CREDENTIALS.secret());
    private final FakeTrade trade;
    private final FakeReads reads;
    final AtomicInteger badSignatures = new AtomicInteger();
    final AtomicInteger goodSignatures = new AtomicInteger();
    final AtomicInteger rateLimited = new AtomicInteger();
    final List<String> targets = new CopyOnWriteArrayList<>();
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final List<String> signatures = new CopyOnWriteArrayList<>();

    FakeRest(FakeBybit fake, FakeOrderBook book) {
        this.fake = fake;
        this.trade = new FakeTrade(fake, book);
        this.reads = new FakeReads(fake, book);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.equals("/v5/public/linear") || path.equals("/v5/private")) {
            return new MockResponse.Builder().webSocketUpgrade(fake.sockets.session(path.endsWith("private")
                    ? "private" : "public")).build();
        }
        fake.sim.advanceTo(fake.now());
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        targets.add(request.getMethod() + " " + request.getTarget());
        bodies.add(body);
        String route = request.getMethod() + " " + path;
        FakeLimits.Status limit = fake.limits.take(route);
        Answer answer = answer(request, route, body, limit);
        MockResponse.Builder response = new MockResponse.Builder().code(answer.status()).body(answer.body())
                .addHeader("Content-Type", answer.body().startsWith("{") ? "application/json" : "text/html")
                .addHeader("X-Bapi-Limit", Integer.toString(limit.limit()))
                .addHeader("X-Bapi-Limit-Status", Integer.toString(limit.remaining()))
                .addHeader("X-Bapi-Limit-Reset-Timestamp", Long.toString(limit.resetAtMs()));
        long slow = fake.faults.takeSlowMs();
        if (slow > 0) {
            response.headersDelay(slow, TimeUnit.MILLISECONDS);
        }
        return response.build();
    }

    private Answer answer(RecordedRequest request, String route, String body, FakeLimits.Status limit) {
        FakeFaults.Answer refusal = fake.faults.takeRequestRefusal();
        if (refusal != null) {
            return whole(refusal);
        }
        if (!PUBLIC.contains(route)) {
            Answer refused = authenticate(request, body);
            if (refused != null) {
                return refused;
            }
        }
        if (!limit.allowed()) {
            rateLimited.incrementAndGet();
            return error(10006, "Too many visits!");
        }
        JsonNode json = body.isEmpty() ? fake.wire.object() : fake.wire.parse(body);
        if (json == null) {
            return error(10001, "params error: the body is no JSON");
        }
        boolean creates = route.equals("POST /v5/order/create") || route.equals("POST /v5/order/create-batch");
        FakeFaults.CreateAnswer hidden = creates ? fake.faults.takeCreateAnswer() : null;
        if (hidden != null && !hidden.placed()) {
            return whole(hidden.answer());
        }
        Answer real = route(route, query(request.getUrl()), json);
        return hidden != null ? whole(hidden.answer()) : real;
    }

    private Answer route(String route, Map<String, String> q, JsonNode body) {
        try {
            return switch (route) {
                case "GET /v5/market/time" -> ok(fake.wire.object().put("timeSecond", Long.toString(fake.now() / 1000))
                        .put("timeNano", Long.toString(fake.now() * 1_000_000)));
                case "GET /v5/market/instruments-info" -> ok(reads.instruments(q));
                case "GET /v5/market/tickers" -> ok(reads.tickers(q));
                case "GET /v5/market/risk-limit" -> ok(reads.riskLimits(q));
                case "POST /v5/order/create" -> ok(trade.create(body, body.path("category").asText("")));
                case "POST /v5/order/create-batch" -> batch(body, true);
                case "POST /v5/order/cancel" -> ok(trade.cancel(body));
                case "POST /v5/order/cancel-batch" -> batch(body, false);
                case "POST /v5/order/cancel-all" -> ok(trade.cancelAll(body));
                case "GET /v5/order/realtime" -> ok(reads.realtime(q));
                case "GET /v5/order/history" -> ok(reads.history(q));
                case "GET /v5/execution/list" -> ok(reads.executions(q));
                case "GET /v5/position/list" -> ok(reads.positions(q));
                case "POST /v5/position/switch-mode" -> ok(reads.switchMode(body));
                case "GET /v5/account/wallet-balance" -> ok(reads.wallet(q));
                default -> new Answer(404, "");
            };
        } catch (FakeTrade.Refused r) {
            return error(r.code, r.getMessage());
        }
    }

    /** A batch create or cancel: up to 20 items, each answered in {@code result.list} and {@code retExtInfo.list}. */
    private Answer batch(JsonNode body, boolean create) throws FakeTrade.Refused {
        JsonNode items = body.path("request");
        if (!"linear".equals(body.path("category").asText()) || !items.isArray() || items.isEmpty()) {
            throw new FakeTrade.Refused(10001, "params error: category or request");
        }
        if (items.size() > 20) {
            throw new FakeTrade.Refused(10001, "params error: a batch takes 20 orders at most");
        }
        ArrayNode results = fake.wire.array();
        ArrayNode codes = fake.wire.array();
        for (JsonNode item : items) {
            ObjectNode result;
            try {
                result = create ? trade.create(item, "linear") : trade.cancel(item);
                codes.add(fake.wire.object().put("code", 0).put("msg", "OK"));
            } catch (FakeTrade.Refused r) {
                result = fake.wire.object().put("orderId", "").put("orderLinkId", item.path("orderLinkId").asText(""));
                codes.add(fake.wire.object().put("code", r.code).put("msg", r.getMessage()));
            }
            results.add(result.put("category", "linear").put("symbol", item.path("symbol").asText("")));
        }
        ObjectNode ext = fake.wire.object();
        ext.set("list", codes);
        ObjectNode result = fake.wire.object();
        result.set("list", results);
        return new Answer(200, fake.wire.envelope(0, "OK", result, ext, fake.now()));
    }

    // ------------------------------------------------------------------ authentication

    private Answer authenticate(RecordedRequest request, String body) {
        String key = request.getHeaders().get("X-BAPI-API-KEY");
        String sign = request.getHeaders().get("X-BAPI-SIGN");
        String timestamp = request.getHeaders().get("X-BAPI-TIMESTAMP");
        String window = request.getHeaders().get("X-BAPI-RECV-WINDOW");
        if (!blank(sign)) {
            signatures.add(sign);
        }
        if (blank(key) || blank(sign) || blank(timestamp)) {
            return new Answer(401, fake.wire.envelope(10003, "API key is invalid.", null, null, fake.now()));
        }
        if (!FakeBybit.CREDENTIALS.apiKey().equals(key)) {
            return error(10003, "API key is invalid.");
        }
        long at;
        long recvWindow;
        try {
            at = Long.parseLong(timestamp);
            recvWindow = blank(window) ? 5_000 : Long.parseLong(window);
        } catch (NumberFormatException e) {
            return error(10001, "params error: timestamp or recv_window invalid");
        }
        long now = fake.now();
        if (at < now - recvWindow || at >= now + 1_000) {
            return error(10002, "invalid request, please check your server timestamp or recv_window param. req_timestamp["
                    + at + "],server_timestamp[" + now + "],recv_window[" + recvWindow + "]");
        }
        String payload = request.getMethod().equals("GET") ? nullToEmpty(request.getUrl().encodedQuery()) : body;
        if (!signer.sign(at, key, recvWindow, payload).equals(sign)) {
            badSignatures.incrementAndGet();
            return error(10004, "Error sign, please check your signature generation algorithm.");
        }
        goodSignatures.incrementAndGet();
        return null;
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, String> query(HttpUrl url) {
        Map<String, String> q = new LinkedHashMap<>();
        for (String name : url.queryParameterNames()) {
            q.put(name, url.queryParameter(name));
        }
        return q;
    }

    private Answer whole(FakeFaults.Answer a) {
        return a.code() == null ? new Answer(a.status(), a.msg())
                : new Answer(a.status(), fake.wire.envelope(a.code(), a.msg(), null, null, fake.now()));
    }

    private Answer ok(ObjectNode result) {
        return new Answer(200, fake.wire.envelope(0, "OK", result, null, fake.now()));
    }

    private Answer error(int code, String msg) {
        return new Answer(200, fake.wire.envelope(code, msg, null, null, fake.now()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
