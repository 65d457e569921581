package io.gridbot.exchange.binance.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.OrderState;
import io.gridbot.exchange.TradeRecord;
import io.gridbot.exchange.account.Balance;
import io.gridbot.exchange.account.PositionSnapshot;
import io.gridbot.exchange.binance.sign.RequestSigner;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * The fake's REST side: routes Binance paths, checks the key header, the signature (recomputed over the raw
 * query before {@code &signature=} plus the raw body) and the timestamp window, counts request weight and
 * orders into Binance's headers, and answers with Binance's shapes and error codes.
 */
final class FakeRest extends Dispatcher {

    private static final Pattern CLIENT_ID = Pattern.compile("^[\\.A-Z\\:/a-z0-9_-]{1,36}$");

    private final FakeBinance fake;
    private final RequestSigner signer = new RequestSigner(FakeBinance.CREDENTIALS.secret());
    private final ObjectMapper json = new ObjectMapper();
    final AtomicInteger badSignatures = new AtomicInteger();
    final AtomicInteger goodSignatures = new AtomicInteger();
    final List<String> targets = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<String> signatures = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile String listenKey;
    private long weightMinute;
    private int weightUsed;
    private long orders10sWindow;
    private int orders10s;
    private long orders1mWindow;
    private int orders1m;

    FakeRest(FakeBinance fake) {
        this.fake = fake;
    }

    /** What an endpoint needs. */
    private enum Security {
        NONE, KEY, SIGNED
    }

    /** An answer before headers: status and JSON. */
    private record Answer(int status, String body) {
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.startsWith("/public/") || path.startsWith("/market/") || path.startsWith("/private/")) {
            return upgrade(request, path);
        }
        fake.sim.advanceTo(fake.now());
        targets.add(request.getMethod() + " " + request.getTarget());
        String method = request.getMethod();
        String route = method + " " + path;
        int refusal = fake.faults.takeHttpRefusal();
        if (refusal != 0) {
            MockResponse.Builder b = new MockResponse.Builder().code(refusal).body(fake.wire.text(fake.wire.error(-1003,
                    refusal == 418 ? "Way too many requests; IP banned until " + (fake.now() + 120_000) + ". Please use the websocket for live updates to avoid bans."
                            : "Too many requests; current limit of IP is 2400 requests per minute. Please use the websocket for live updates to avoid polling the API.")));
            long retry = fake.faults.retryAfterSeconds();
            if (retry >= 0) {
                b.addHeader("Retry-After", Long.toString(retry));
            }
            return b.build();
        }
        Map<String, String> params = params(request);
        Security security = security(route);
        Answer denied = authenticate(request, security, params);
        boolean orderRoute = route.equals("POST /fapi/v1/order") || route.equals("POST /fapi/v1/batchOrders")
                || route.equals("POST /fapi/v1/algoOrder");
        FakeFaults.Answer hiding = denied == null && (route.equals("POST /fapi/v1/order") || route.equals("POST /fapi/v1/batchOrders"))
                ? fake.faults.nextCreateAnswer() : null;
        Answer answer;
        if (denied != null) {
            answer = denied;
        } else if (hiding != null && !hiding.placed()) {
            answer = hidden(hiding, params);
        } else {
            try {
                answer = route(route, params);
            } catch (ExchangeException e) {
                answer = venueError(e);
            } catch (RuntimeException e) {
                answer = new Answer(400, fake.wire.text(fake.wire.error(-1102, "Mandatory parameter was not sent, was empty/null, or malformed.")));
            }
            if (hiding != null) {
                answer = hidden(hiding, params);
            }
            Map.Entry<String, String> rewrite = answer.status() == 200 ? fake.faults.takeRewrite(route) : null;
            if (rewrite != null) {
                answer = new Answer(200, rewritten(answer.body(), rewrite.getKey(), rewrite.getValue()));
            }
        }
        MockResponse.Builder response = new MockResponse.Builder().code(answer.status()).body(answer.body())
                .addHeader("Content-Type", hiding != null && hiding.code() == null ? "text/html" : "application/json");
        countInto(response, weight(route, params), orderRoute);
        long retryAfter = fake.faults.retryAfterSeconds();
        if (answer.status() == 429 && retryAfter >= 0) {
            response.addHeader("Retry-After", Long.toString(retryAfter));
        }
        long slow = fake.faults.takeSlowAnswer();
        if (slow > 0) {
            response.headersDelay(slow, TimeUnit.MILLISECONDS);
        }
        return response.build();
    }

    // ------------------------------------------------------------------ auth, weight

    private static Security security(String route) {
        return switch (route) {
            case "GET /fapi/v1/ping", "GET /fapi/v1/time", "GET /fapi/v1/exchangeInfo", "GET /fapi/v1/ticker/price" ->
                    Security.NONE;
            case "POST /fapi/v1/listenKey", "PUT /fapi/v1/listenKey", "DELETE /fapi/v1/listenKey" -> Security.KEY;
            default -> Security.SIGNED;
        };
    }

    private Answer authenticate(RecordedRequest request, Security security, Map<String, String> params) {
        if (security == Security.NONE) {
            return null;
        }
        if (!FakeBinance.CREDENTIALS.apiKey().equals(request.getHeaders().get("X-MBX-APIKEY"))) {
            return new Answer(401, fake.wire.text(fake.wire.error(-2015, "Invalid API-key, IP, or permissions for action.")));
        }
        if (security == Security.KEY) {
            return null;
        }
        String target = request.getTarget();
        String rawQuery = target.contains("?") ? target.substring(target.indexOf('?') + 1) : "";
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        int at = rawQuery.lastIndexOf("signature=");
        String signature = at < 0 ? null : rawQuery.substring(at + "signature=".length());
        String signedPart = at <= 0 ? "" : rawQuery.substring(0, at - 1);
        if (signature != null) {
            signatures.add(signature);
        }
        if (signature == null || signature.contains("&") || !signer.sign(signedPart + body).equals(signature)) {
            badSignatures.incrementAndGet();
            return new Answer(400, fake.wire.text(fake.wire.error(-1022, "Signature for this request is not valid.")));
        }
        long server = fake.now();
        long timestamp;
        long recvWindow;
        try {
            timestamp = Long.parseLong(params.get("timestamp"));
            recvWindow = params.containsKey("recvWindow") ? Long.parseLong(params.get("recvWindow")) : 5_000;
        } catch (NumberFormatException | NullPointerException e) {
            return new Answer(400, fake.wire.text(fake.wire.error(-1102, "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.")));
        }
        if (timestamp >= server + 1_000 || server - timestamp > recvWindow) {
            return new Answer(400, fake.wire.text(fake.wire.error(-1021, "Timestamp for this request is outside of the recvWindow.")));
        }
        goodSignatures.incrementAndGet();
        return null;
    }

    private static int weight(String route, Map<String, String> params) {
        return switch (route) {
            case "POST /fapi/v1/order", "POST /fapi/v1/algoOrder" -> 0;
            case "POST /fapi/v1/batchOrders" -> 5;
            case "GET /fapi/v1/openOrders" -> params.containsKey("symbol") ? 1 : 40;
            case "GET /fapi/v2/positionRisk", "GET /fapi/v3/positionRisk", "GET /fapi/v2/balance", "GET /fapi/v3/balance",
                    "GET /fapi/v1/userTrades" -> 5;
            case "GET /fapi/v1/positionSide/dual" -> 30;
            default -> 1;
        };
    }

    private synchronized void countInto(MockResponse.Builder response, int weight, boolean order) {
        long now = fake.now();
        if (now / 60_000 != weightMinute) {
            weightMinute = now / 60_000;
            weightUsed = 0;
        }
        weightUsed += weight;
        response.addHeader("X-MBX-USED-WEIGHT-1M", Integer.toString(weightUsed + fake.faults.extraWeight()));
        if (order) {
            if (now / 10_000 != orders10sWindow) {
                orders10sWindow = now / 10_000;
                orders10s = 0;
            }
            if (now / 60_000 != orders1mWindow) {
                orders1mWindow = now / 60_000;
                orders1m = 0;
            }
            orders10s++;
            orders1m++;
            response.addHeader("X-MBX-ORDER-COUNT-10S", Integer.toString(orders10s));
            response.addHeader("X-MBX-ORDER-COUNT-1M", Integer.toString(orders1m));
        }
    }

    private static Map<String, String> params(RecordedRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        String target = request.getTarget();
        if (target.contains("?")) {
            parseForm(target.substring(target.indexOf('?') + 1), params);
        }
        if (request.getBody() != null && request.getBody().size() > 0) {
            Map<String, String> body = new LinkedHashMap<>();
            parseForm(request.getBody().utf8(), body);
            body.forEach(params::putIfAbsent); // the query wins on conflict
        }
        return params;
    }

    private static void parseForm(String form, Map<String, String> into) {
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            into.put(k, v);
        }
    }

    // ------------------------------------------------------------------ endpoints

    private Answer route(String route, Map<String, String> p) throws ExchangeException {
        return switch (route) {
            case "GET /fapi/v1/ping" -> ok("{}");
            case "GET /fapi/v1/time" -> ok("{\"serverTime\":" + fake.now() + "}");
            case "GET /fapi/v1/exchangeInfo" -> ok(fake.wire.exchangeInfo(fake.now(), fake.listed.values(), fake.terms));
            case "GET /fapi/v1/ticker/price" -> tickerPrices(p);
            case "POST /fapi/v1/order" -> newOrder(p);
            case "POST /fapi/v1/batchOrders" -> batch(p);
            case "DELETE /fapi/v1/order" -> cancel(p);
            case "DELETE /fapi/v1/allOpenOrders" -> {
                fake.sim.cancelAllOrders(symbol(p));
                yield ok("{\"code\":200,\"msg\":\"The operation of cancel all open order is done.\"}");
            }
            case "GET /fapi/v1/openOrders" -> openOrders(p);
            case "GET /fapi/v1/order" -> query(p);
            case "GET /fapi/v2/positionRisk", "GET /fapi/v3/positionRisk" -> positions(p);
            case "GET /fapi/v2/balance", "GET /fapi/v3/balance" -> balances();
            case "GET /fapi/v1/userTrades" -> userTrades(p);
            case "GET /fapi/v1/positionSide/dual" -> ok("{\"dualSidePosition\":" + (fake.sim.positionMode() == PositionMode.HEDGE) + "}");
            case "POST /fapi/v1/positionSide/dual" -> {
                String dual = p.get("dualSidePosition");
                if (!"true".equals(dual) && !"false".equals(dual)) {
                    yield err(-1102, "Mandatory parameter 'dualSidePosition' was not sent, was empty/null, or malformed.");
                }
                fake.sim.changePositionMode("true".equals(dual) ? PositionMode.HEDGE : PositionMode.ONE_WAY);
                yield ok("{\"code\":200,\"msg\":\"success\"}");
            }
            case "POST /fapi/v1/algoOrder" -> newAlgoOrder(p);
            case "DELETE /fapi/v1/algoOrder" -> cancelAlgoOrder(p);
            case "GET /fapi/v1/algoOrder" -> queryAlgoOrder(p);
            case "GET /fapi/v1/openAlgoOrders" -> openAlgoOrders(p);
            case "POST /fapi/v1/listenKey" -> {
                if (listenKey == null) {
                    listenKey = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
                }
                yield ok("{\"listenKey\":\"" + listenKey + "\"}");
            }
            case "PUT /fapi/v1/listenKey" -> listenKey == null
                    ? new Answer(400, fake.wire.text(fake.wire.error(-1125, "This listenKey does not exist.")))
                    : ok("{\"listenKey\":\"" + listenKey + "\"}");
            case "DELETE /fapi/v1/listenKey" -> {
                listenKey = null;
                yield ok("{}");
            }
            default -> new Answer(404, "");
        };
    }

    /** One symbol's last price, or (without {@code symbol}) every listed symbol's, as Binance answers either. */
    private Answer tickerPrices(Map<String, String> p) throws ExchangeException {
        if (p.containsKey("symbol")) {
            String symbol = symbol(p);
            return ok(fake.wire.tickerPrice(symbol, fake.lastPrice(symbol), fake.now()));
        }
        ArrayNode out = fake.wire.array();
        fake.listed.keySet().forEach(s -> out.add(fake.wire.tickerPrice(s, fake.lastPrice(s), fake.now())));
        return ok(out);
    }

    private Answer newOrder(Map<String, String> p) throws ExchangeException {
        Answer refused = refusal(p);
        if (refused != null) {
            return refused;
        }
        return ok(place(orderRequest(p)));
    }

    private Answer refusal(Map<String, String> p) {
        String type = p.getOrDefault("type", "");
        if (!type.equals("LIMIT") && !type.equals("MARKET")) {
            return new Answer(400, fake.wire.text(fake.wire.error(-4120,
                    "Order type not supported for this endpoint. Please use the Algo Order API endpoints instead.")));
        }
        String id = p.get("newClientOrderId");
        if (id != null && !CLIENT_ID.matcher(id).matches()) {
            return new Answer(400, fake.wire.text(fake.wire.error(-4015, "Client order id is not valid.")));
        }
        if (p.containsKey("reduceOnly") && p.containsKey("positionSide") && !"BOTH".equals(p.get("positionSide"))) {
            return new Answer(400, fake.wire.text(fake.wire.error(-1106, "Parameter 'reduceOnly' sent when not required.")));
        }
        ExchangeErrorKind injected = fake.faults.nextRejection();
        return injected == null ? null : injected(injected);
    }

    private JsonNode place(OrderRequest q) throws ExchangeException {
        OrderRequest previous = fake.requests.put(q.clientOrderId(), q);
        try {
            fake.created.put(q.clientOrderId(), fake.now());
            fake.sim.createOrder(q);
            fake.accepted.add(q);
        } catch (ExchangeException e) {
            if (previous != null) {
                fake.requests.put(q.clientOrderId(), previous);
            }
            throw e;
        }
        OrderState state = fake.sim.queryOrder(q.symbol(), q.clientOrderId());
        fake.byOrderId.put(state.exchangeOrderId(), q.clientOrderId());
        return fake.wire.order(q, state, fake.created.get(q.clientOrderId()));
    }

    private Answer batch(Map<String, String> p) throws ExchangeException {
        JsonNode items;
        try {
            items = json.readTree(p.get("batchOrders"));
        } catch (java.io.IOException | IllegalArgumentException e) {
            return new Answer(400, fake.wire.text(fake.wire.error(-1102, "Mandatory parameter 'batchOrders' was not sent, was empty/null, or malformed.")));
        }
        if (!items.isArray() || items.isEmpty() || items.size() > 5) {
            return new Answer(400, fake.wire.text(fake.wire.error(-1102, "Param 'batchOrders' must be a list of at most 5 orders.")));
        }
        ArrayNode out = fake.wire.array();
        Map<Integer, FakeFaults.Answer> itemAnswers = fake.faults.takeBatchItemAnswers();
        for (JsonNode item : items) {
            Map<String, String> q = new LinkedHashMap<>();
            item.properties().forEach(e -> q.put(e.getKey(), e.getValue().asText()));
            FakeFaults.Answer hiding = itemAnswers.get(out.size());
            if (hiding != null) {
                if (hiding.placed()) {
                    place(orderRequest(q));
                }
                fake.faults.answered(q.get("newClientOrderId"));
                out.add(fake.wire.error(hiding.code(), hiding.message()));
                continue;
            }
            Answer refused = refusal(q);
            if (refused != null) {
                out.add(parse(refused.body()));
                continue;
            }
            try {
                out.add(place(orderRequest(q)));
            } catch (ExchangeException e) {
                out.add(fake.wire.error(code(e), e.venueMessage()));
            } catch (RuntimeException e) {
                out.add(fake.wire.error(-1102, "Mandatory parameter was not sent, was empty/null, or malformed."));
            }
        }
        return ok(out);
    }

    private Answer cancel(Map<String, String> p) throws ExchangeException {
        String symbol = symbol(p);
        String id = clientId(p, "origClientOrderId");
        OrderRequest q = fake.requests.get(id);
        if (!FakeBinance.inOrderService(q)) {
            return new Answer(400, fake.wire.text(fake.wire.error(-2011, "Unknown order sent.")));
        }
        fake.sim.cancelOrder(symbol, id);
        return ok(fake.wire.order(q, fake.sim.queryOrder(symbol, id), fake.created.getOrDefault(id, 0L)));
    }

    private Answer openOrders(Map<String, String> p) throws ExchangeException {
        ArrayNode out = fake.wire.array();
        for (OpenOrder o : fake.sim.openOrders(symbol(p))) {
            OrderRequest q = fake.requests.get(o.clientOrderId());
            if (!FakeBinance.inAlgoService(o.type()) && q != null) {
                out.add(fake.wire.openOrder(o, q, fake.created.getOrDefault(o.clientOrderId(), 0L)));
            }
        }
        return ok(out);
    }

    private Answer query(Map<String, String> p) throws ExchangeException {
        String symbol = symbol(p);
        String id = p.containsKey("origClientOrderId") ? p.get("origClientOrderId") : fake.byOrderId.get(p.get("orderId"));
        OrderRequest q = id == null ? null : fake.requests.get(id);
        if (!FakeBinance.inOrderService(q)) {
            return new Answer(400, fake.wire.text(fake.wire.error(-2013, "Order does not exist.")));
        }
        return ok(fake.wire.order(q, fake.sim.queryOrder(symbol, id), fake.created.getOrDefault(id, 0L)));
    }

    private Answer queryAlgoOrder(Map<String, String> p) throws ExchangeException {
        String symbol = symbol(p);
        String id = p.get("clientAlgoId");
        OrderRequest q = id == null ? null : fake.requests.get(id);
        if (!FakeBinance.inAlgoService(q)) {
            return new Answer(400, fake.wire.text(fake.wire.error(-2013, "Order does not exist.")));
        }
        OrderState state = fake.sim.queryOrder(symbol, id);
        String status = switch (state.status()) {
            case NEW, PARTIALLY_FILLED -> "NEW";
            case FILLED -> "FINISHED";
            case CANCELED -> "CANCELED";
            case EXPIRED, REJECTED -> "EXPIRED";
        };
        return ok(fake.wire.algoOrder(q, state.exchangeOrderId(), status, state.updateTimeMs()));
    }

    private Answer positions(Map<String, String> p) throws ExchangeException {
        ArrayNode out = fake.wire.array();
        List<String> symbols = p.containsKey("symbol") ? List.of(symbol(p)) : List.copyOf(fake.listed.keySet());
        for (String s : symbols) {
            for (PositionSnapshot pos : fake.sim.positions(s)) { // hedge mode: a LONG and a SHORT entry, flat ones too
                out.add(fake.wire.positionRisk(pos, fake.lastPrice(s)));
            }
        }
        return ok(out);
    }

    private Answer balances() {
        ArrayNode out = fake.wire.array();
        for (Balance b : fake.sim.balances()) {
            out.add(fake.wire.balance(b, fake.now()));
        }
        return ok(out);
    }

    private Answer userTrades(Map<String, String> p) throws ExchangeException {
        String symbol = symbol(p);
        long start = Long.parseLong(p.getOrDefault("startTime", "0"));
        long fromId = Long.parseLong(p.getOrDefault("fromId", "0"));
        int limit = Integer.parseInt(p.getOrDefault("limit", "500"));
        ArrayNode out = fake.wire.array();
        boolean ownIds = fake.faults.triggeredStopsGetOwnIds();
        for (TradeRecord t : fake.sim.trades(symbol, start)) {
            if (Long.parseLong(t.tradeId()) >= fromId && out.size() < limit) {
                OrderRequest q = fake.requests.get(t.clientOrderId());
                boolean stop = ownIds && FakeBinance.inAlgoService(q);
                out.add(fake.wire.userTrade(symbol, stop ? new TradeRecord(FakeBinance.triggeredClientId(t.exchangeOrderId()),
                        FakeBinance.triggeredOrderId(t.exchangeOrderId()), t.tradeId(), t.side(), t.price(), t.qty(), t.fee(),
                        t.feeAsset(), t.atMs()) : t, q == null ? PositionSide.BOTH : q.positionSide()));
            }
        }
        return ok(out);
    }

    private Answer newAlgoOrder(Map<String, String> p) throws ExchangeException {
        if (!"CONDITIONAL".equals(p.get("algoType"))) {
            return new Answer(400, fake.wire.text(fake.wire.error(-1102, "Mandatory parameter 'algoType' was not sent, was empty/null, or malformed.")));
        }
        if (!"STOP_MARKET".equals(p.get("type")) || !"true".equals(p.get("closePosition"))) {
            return new Answer(400, fake.wire.text(fake.wire.error(-4120, "the fake supports close-position STOP_MARKET only")));
        }
        String id = clientId(p, "clientAlgoId");
        OrderRequest q = OrderRequest.protectiveStop(id, symbol(p), Side.valueOf(p.get("side")),
                new BigDecimal(p.get("triggerPrice")), PositionSide.valueOf(p.getOrDefault("positionSide", "BOTH")),
                "MARK_PRICE".equals(p.get("workingType")) ? StopTrigger.MARK : StopTrigger.LAST);
        OrderRequest previous = fake.requests.put(id, q);
        try {
            String algoId = fake.sim.placeProtectiveStop(q).exchangeOrderId();
            fake.accepted.add(q);
            return ok(fake.wire.algoOrder(q, algoId, "NEW", fake.now()));
        } catch (ExchangeException e) {
            if (previous != null) {
                fake.requests.put(id, previous);
            }
            throw e;
        }
    }

    private Answer cancelAlgoOrder(Map<String, String> p) throws ExchangeException {
        String symbol = symbol(p);
        String id = clientId(p, "clientAlgoId");
        OrderRequest q = id == null ? null : fake.requests.get(id);
        if (!FakeBinance.inAlgoService(q)) {
            return new Answer(400, fake.wire.text(fake.wire.error(-2011, "Unknown order sent.")));
        }
        OpenOrder open = fake.sim.openOrders(symbol).stream().filter(o -> o.clientOrderId().equals(id)).findFirst().orElse(null);
        fake.sim.cancelProtectiveStop(symbol, id);
        return ok(fake.wire.algoOrder(q, open == null ? "0" : open.exchangeOrderId(), "CANCELED", fake.now()));
    }

    private Answer openAlgoOrders(Map<String, String> p) throws ExchangeException {
        ArrayNode out = fake.wire.array();
        for (OpenOrder o : fake.sim.openOrders(symbol(p))) {
            OrderRequest q = fake.requests.get(o.clientOrderId());
            if (FakeBinance.inAlgoService(o.type()) && q != null) {
                out.add(fake.wire.algoOrder(q, o.exchangeOrderId(), "NEW", fake.created.getOrDefault(o.clientOrderId(), 0L)));
            }
        }
        return ok(out);
    }

    // ------------------------------------------------------------------ streams

    private MockResponse upgrade(RecordedRequest request, String path) {
        if (fake.faults.takeRefusedStreamConnect()) {
            return new MockResponse.Builder().code(503).body("Service Unavailable.").build();
        }
        String[] parts = path.split("/");
        String route = parts[1];
        boolean combined = parts.length > 2 && parts[2].equals("stream");
        List<String> names = new ArrayList<>();
        if (combined) {
            String streams = request.getUrl().queryParameter("streams");
            if (streams != null && !streams.isEmpty()) {
                names.addAll(Arrays.asList(streams.split("/")));
            }
        } else if (parts.length > 3) {
            names.addAll(Arrays.asList(parts).subList(3, parts.length));
        }
        if (route.equals("private")) {
            String key = request.getUrl().queryParameter("listenKey");
            if (key == null || !key.equals(listenKey)) {
                return new MockResponse.Builder().code(400).body(fake.wire.text(fake.wire.error(-1125, "This listenKey does not exist."))).build();
            }
        }
        return new MockResponse.Builder().webSocketUpgrade(fake.streams.session(route, combined, names)).build();
    }

    // ------------------------------------------------------------------ helpers

    private OrderRequest orderRequest(Map<String, String> p) {
        String type = p.get("type");
        String id = p.containsKey("newClientOrderId") ? p.get("newClientOrderId") : "x-" + UUID.randomUUID().toString().substring(0, 20);
        Side side = Side.valueOf(p.get("side"));
        PositionSide ps = PositionSide.valueOf(p.getOrDefault("positionSide", "BOTH"));
        boolean reduceOnly = Boolean.parseBoolean(p.getOrDefault("reduceOnly", "false"));
        BigDecimal qty = new BigDecimal(p.get("quantity"));
        if (type.equals("MARKET")) {
            return new OrderRequest(id, p.get("symbol"), side, OrderType.MARKET, null, null, qty, null, reduceOnly, false, ps, null);
        }
        return OrderRequest.limit(id, p.get("symbol"), side, new BigDecimal(p.get("price")), qty,
                TimeInForce.valueOf(p.get("timeInForce")), reduceOnly, ps);
    }

    private String symbol(Map<String, String> p) throws ExchangeException {
        String s = p.get("symbol");
        if (s == null || !fake.listed.containsKey(s)) {
            throw new ExchangeException(ExchangeErrorKind.OTHER, "-1121", "Invalid symbol.");
        }
        return s;
    }

    private static String clientId(Map<String, String> p, String name) {
        return p.get(name);
    }

    private Answer injected(ExchangeErrorKind kind) {
        return switch (kind) {
            case RATE_LIMITED -> new Answer(429, fake.wire.text(fake.wire.error(-1015, "Too many new orders; current limit is 300 orders per TEN_SECONDS.")));
            case INSUFFICIENT_BALANCE -> err(-2019, "Margin is insufficient.");
            case PRECISION -> err(-1111, "Precision is over the maximum defined for this asset.");
            case MIN_NOTIONAL -> err(-4164, "Order's notional must be no smaller than 100 (unless you choose reduce only).");
            case POST_ONLY_WOULD_TAKE -> err(-5022, "Due to the order could not be executed as maker, the Post Only order will be rejected. The order will not be recorded in the order history");
            case REDUCE_ONLY_REJECTED -> err(-2022, "ReduceOnly Order is rejected.");
            case UNKNOWN_ORDER -> err(-2011, "Unknown order sent.");
            case DUPLICATE_CLIENT_ID -> err(-4116, "ClientOrderId is duplicated.");
            case MAX_OPEN_ORDERS -> err(-2025, "Reach max open order limit.");
            case AUTHENTICATION -> new Answer(401, fake.wire.text(fake.wire.error(-2015, "Invalid API-key, IP, or permissions for action.")));
            case TIMEOUT_UNKNOWN -> new Answer(503, fake.wire.text(fake.wire.error(-1000, "Unknown error, please check your request or try again later.")));
            case EXCHANGE_UNAVAILABLE -> new Answer(503, fake.wire.text(fake.wire.error(-1008, "Request throttled by system-level protection. Reduce-only/close-position orders are exempt. Please try again.")));
            case NETWORK -> new Answer(502, "Bad Gateway");
            case OTHER -> err(-4131, "The counterparty's best price does not meet the PERCENT_PRICE filter limit");
        };
    }

    private String rewritten(String body, String field, String value) {
        JsonNode node = parse(body);
        for (JsonNode o : node.isArray() ? node : List.of(node)) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) o).put(field, value);
        }
        return fake.wire.text(node);
    }

    /** The answer of {@link FakeFaults#answerNextCreate}, remembering which orders it hid. */
    private Answer hidden(FakeFaults.Answer a, Map<String, String> params) {
        if (params.containsKey("batchOrders")) {
            try {
                json.readTree(params.get("batchOrders")).forEach(i -> fake.faults.answered(i.path("newClientOrderId").asText()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        } else {
            fake.faults.answered(params.get("newClientOrderId"));
        }
        return new Answer(a.status(), a.code() == null ? a.message() : fake.wire.text(fake.wire.error(a.code(), a.message())));
    }

    private Answer err(int code, String msg) {
        return new Answer(400, fake.wire.text(fake.wire.error(code, msg)));
    }

    private Answer venueError(ExchangeException e) {
        int code = code(e);
        int status = code == -2015 ? 401 : code == -1003 || code == -1015 ? 429 : 400;
        return new Answer(status, fake.wire.text(fake.wire.error(code, e.venueMessage())));
    }

    private static int code(ExchangeException e) {
        try {
            return Integer.parseInt(e.venueCode());
        } catch (NumberFormatException | NullPointerException ex) {
            return -1000;
        }
    }

    private Answer ok(Object body) {
        return new Answer(200, body instanceof String s ? s : fake.wire.text(body));
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
