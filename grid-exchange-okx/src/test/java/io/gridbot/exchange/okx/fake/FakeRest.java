package io.gridbot.exchange.okx.fake;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridbot.exchange.okx.sign.OkxSigner;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * The fake's REST side: routes OKX paths, checks a private request's headers as OKX does (key, passphrase,
 * timestamp within 30 seconds, the Base64 HMAC-SHA256 over timestamp, method, path with query, and body) and the
 * demo-trading header against the environment, counts the documented limits, and hands the request to the trade
 * or account side, which answer in OKX's shapes.
 */
final class FakeRest extends Dispatcher {

    /** An answer before headers: HTTP status and body. */
    record Answer(int status, String body) {
    }

    private final FakeOkx fake;
    private final OkxSigner signer = new OkxSigner(FakeOkx.CREDENTIALS.secret());
    private final FakeTrade trade;
    private final FakeStops stops;
    private final FakeAccount account;
    final AtomicInteger badSignatures = new AtomicInteger();
    final AtomicInteger goodSignatures = new AtomicInteger();
    final AtomicInteger rateLimited = new AtomicInteger();
    final List<String> targets = new CopyOnWriteArrayList<>();
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final List<String> signatures = new CopyOnWriteArrayList<>();

    FakeRest(FakeOkx fake) {
        this.fake = fake;
        OrderChecks checks = new OrderChecks(fake);
        FakeAnswers answers = new FakeAnswers(fake.wire);
        this.stops = new FakeStops(fake, checks, answers);
        this.trade = new FakeTrade(fake, stops, checks, answers);
        this.account = new FakeAccount(fake, answers);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.startsWith("/ws/v5/")) {
            String route = path.substring("/ws/v5/".length());
            if (!java.util.Set.of("public", "private", "business").contains(route)) {
                return new MockResponse.Builder().code(404).build();
            }
            return new MockResponse.Builder().webSocketUpgrade(fake.sockets.session(route)).build();
        }
        fake.sim.advanceTo(fake.now());
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        targets.add(request.getMethod() + " " + request.getTarget());
        bodies.add(body);
        String route = request.getMethod() + " " + request.getUrl().encodedPath();
        Answer answer = answer(request, route, body);
        MockResponse.Builder response = new MockResponse.Builder().code(answer.status()).body(answer.body())
                .addHeader("Content-Type", answer.body().startsWith("{") ? "application/json" : "text/html");
        long slow = fake.faults.takeSlowMs();
        if (slow > 0) {
            response.headersDelay(slow, TimeUnit.MILLISECONDS);
        }
        return response.build();
    }

    private Answer answer(RecordedRequest request, String route, String body) {
        FakeFaults.Answer refusal = fake.faults.takeRequestRefusal();
        if (refusal != null) {
            return whole(refusal);
        }
        if (!FakeLimits.known(route)) {
            return new Answer(404, "");
        }
        String given = fake.faults.takeRouteAnswer(route);
        if (given != null) {
            return new Answer(200, given);
        }
        boolean signed = !route.startsWith("GET /api/v5/public/") && !route.startsWith("GET /api/v5/market/");
        if (signed) {
            Answer denied = authenticate(request, body);
            if (denied != null) {
                return denied;
            }
        }
        boolean demoHeader = "1".equals(request.getHeaders().get("x-simulated-trading"));
        if (signed && demoHeader != fake.simulated) {
            return error(401, "50101", "APIKey does not match current environment.");
        }
        JsonNode json = body.isEmpty() ? null : fake.wire.parse(body);
        if (!body.isEmpty() && json == null) {
            return error(400, "50002", "JSON syntax error");
        }
        Map<String, String> query = query(request.getUrl());
        if (!fake.limits.take(route, instId(query, json), weight(json))) {
            rateLimited.incrementAndGet();
            return error(429, "50011", "Too Many Requests");
        }
        boolean creates = route.equals("POST /api/v5/trade/order") || route.equals("POST /api/v5/trade/batch-orders")
                || route.equals("POST /api/v5/trade/order-algo");
        FakeFaults.CreateAnswer hidden = creates ? fake.faults.takeCreateAnswer() : null;
        if (hidden != null && !hidden.placed()) {
            return whole(hidden.answer());
        }
        Answer real = route(route, query, json);
        return hidden != null ? whole(hidden.answer()) : real;
    }

    private Answer route(String route, Map<String, String> q, JsonNode body) {
        return switch (route) {
            case "GET /api/v5/public/time" -> ok(fake.wire.array().add(fake.wire.object().put("ts", Long.toString(fake.now()))));
            case "GET /api/v5/public/instruments" -> account.instruments(q);
            case "GET /api/v5/market/ticker" -> account.ticker(q);
            case "GET /api/v5/account/balance" -> account.balance();
            case "GET /api/v5/account/positions" -> account.positions(q);
            case "GET /api/v5/account/config" -> account.config();
            case "POST /api/v5/account/set-position-mode" -> account.setPositionMode(body);
            case "POST /api/v5/trade/order" -> trade.place(body);
            case "POST /api/v5/trade/batch-orders" -> trade.placeBatch(body);
            case "POST /api/v5/trade/cancel-order" -> trade.cancel(body);
            case "POST /api/v5/trade/cancel-batch-orders" -> trade.cancelBatch(body);
            case "GET /api/v5/trade/order" -> trade.query(q);
            case "GET /api/v5/trade/orders-pending" -> trade.pending(q);
            case "GET /api/v5/trade/fills-history" -> trade.fills(q);
            case "POST /api/v5/trade/order-algo" -> stops.placeStop(body);
            case "POST /api/v5/trade/cancel-algos" -> stops.cancelStops(body);
            case "GET /api/v5/trade/order-algo" -> stops.queryStop(q);
            case "GET /api/v5/trade/orders-algo-pending" -> stops.pendingStops(q);
            default -> new Answer(404, "");
        };
    }

    // ------------------------------------------------------------------ authentication

    private Answer authenticate(RecordedRequest request, String body) {
        String key = request.getHeaders().get("OK-ACCESS-KEY");
        String sign = request.getHeaders().get("OK-ACCESS-SIGN");
        String timestamp = request.getHeaders().get("OK-ACCESS-TIMESTAMP");
        String passphrase = request.getHeaders().get("OK-ACCESS-PASSPHRASE");
        if (!blank(sign)) {
            signatures.add(sign);
        }
        if (blank(key)) {
            return error(401, "50103", "Request header \"OK-ACCESS-KEY\" cannot be empty.");
        }
        if (blank(passphrase)) {
            return error(401, "50104", "Request header \"OK-ACCESS-PASSPHRASE\" cannot be empty.");
        }
        if (blank(sign)) {
            return error(401, "50106", "Request header \"OK-ACCESS-SIGN\" cannot be empty.");
        }
        if (blank(timestamp)) {
            return error(401, "50107", "Request header \"OK-ACCESS-TIMESTAMP\" cannot be empty.");
        }
        if (!FakeOkx.CREDENTIALS.apiKey().equals(key)) {
            return error(401, "50111", "Invalid OK-ACCESS-KEY.");
        }
        long at;
        try {
            at = Instant.parse(timestamp).toEpochMilli();
        } catch (DateTimeParseException e) {
            return error(401, "50112", "Invalid OK-ACCESS-TIMESTAMP.");
        }
        if (Math.abs(fake.now() - at) > 30_000) {
            return error(401, "50102", "Timestamp request expired.");
        }
        if (!FakeOkx.CREDENTIALS.passphrase().equals(passphrase)) {
            return error(401, "50105", "Request header \"OK-ACCESS-PASSPHRASE\" incorrect.");
        }
        if (!signer.sign(timestamp, request.getMethod(), request.getTarget(), body).equals(sign)) {
            badSignatures.incrementAndGet();
            return error(401, "50113", "Invalid signature.");
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

    private static String instId(Map<String, String> query, JsonNode body) {
        if (query.containsKey("instId")) {
            return query.get("instId");
        }
        JsonNode first = body == null ? null : body.isArray() ? body.path(0) : body;
        return first == null ? null : first.path("instId").asText(null);
    }

    private static int weight(JsonNode body) {
        return body != null && body.isArray() ? Math.max(1, body.size()) : 1;
    }

    private Answer whole(FakeFaults.Answer a) {
        return a.code() == null ? new Answer(a.status(), a.msg()) : error(a.status(), a.code(), a.msg());
    }

    Answer ok(com.fasterxml.jackson.databind.node.ArrayNode data) {
        return new Answer(200, fake.wire.ok(data));
    }

    Answer error(int status, String code, String msg) {
        return new Answer(status, fake.wire.envelope(code, msg, fake.wire.array()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
