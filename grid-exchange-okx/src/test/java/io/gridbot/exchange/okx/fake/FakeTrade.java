package io.gridbot.exchange.okx.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.OrderState;
import io.gridbot.exchange.TradeRecord;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fake's trading routes: place (single and batch), cancel (single and batch), order details, pending orders,
 * and fills. Requests are checked as OKX checks them (instrument, trade mode,
 * order type, client id of 1 to 32 letters and digits, size in whole lots, position side against the position
 * mode) and passed to the simulator in base-asset terms; its refusals come back with OKX's {@code sCode}s per item.
 * A post-only order that would take is accepted and cancelled at once (cancel source 31), as OKX does. The
 * conditional orders are {@link FakeStops}'.
 */
final class FakeTrade {

    private final FakeOkx fake;
    private final FakeStops stops;
    private final OrderChecks checks;
    private final FakeAnswers answers;
    private final Map<String, OrderRequest> byClientId = new ConcurrentHashMap<>();
    private final Map<String, String> clientByOrdId = new ConcurrentHashMap<>();
    private final Map<String, Long> createdAt = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> cancelledAtEntry = new ConcurrentHashMap<>();
    private final Map<String, String> latestOrdId = new ConcurrentHashMap<>();
    private final AtomicLong entryIds = new AtomicLong(9_000_000_000L);
    private final AtomicLong generatedIds = new AtomicLong();

    FakeTrade(FakeOkx fake, FakeStops stops, OrderChecks checks, FakeAnswers answers) {
        this.fake = fake;
        this.stops = stops;
        this.checks = checks;
        this.answers = answers;
    }

    // ------------------------------------------------------------------ place

    FakeRest.Answer place(JsonNode body) {
        if (body == null || !body.isObject()) {
            return answers.error("50000", "Body for POST request cannot be empty.");
        }
        return answers.single(placeItem(body));
    }

    FakeRest.Answer placeBatch(JsonNode body) {
        if (body == null || !body.isArray() || body.isEmpty()) {
            return answers.error("50000", "Body for POST request cannot be empty.");
        }
        if (body.size() > 20) {
            return answers.error("51111", "Maximum 20 orders can be placed in bulk.");
        }
        ArrayNode items = fake.wire.array();
        body.forEach(order -> items.add(placeItem(order)));
        return answers.items(items);
    }

    private ObjectNode placeItem(JsonNode o) {
        String clOrdId = o.path("clOrdId").asText("");
        long now = fake.now();
        String[] refused = fake.faults.takeItemRefusal();
        if (refused != null) {
            return fake.wire.result("", clOrdId, now, refused[0], refused[1]);
        }
        OrderRequest q;
        try {
            q = orderRequest(o);
        } catch (OrderChecks.Refused r) {
            return fake.wire.result("", clOrdId, now, r.code(), r.getMessage());
        }
        try {
            fake.sim.createOrder(q);
        } catch (ExchangeException e) {
            if (e.kind() == ExchangeErrorKind.POST_ONLY_WOULD_TAKE) {
                String ordId = Long.toString(entryIds.incrementAndGet());
                cancelledAtEntry.put(ordId, fake.wire.cancelledAtEntry(instrument(q.symbol()), q, ordId, now));
                latestOrdId.put(q.clientOrderId(), ordId);
                clientByOrdId.put(ordId, q.clientOrderId());
                return fake.wire.result(ordId, clOrdId, now, "0", "");
            }
            return fake.wire.result("", clOrdId, now, e.venueCode(), e.venueMessage());
        }
        String ordId = state(q).exchangeOrderId();
        byClientId.put(q.clientOrderId(), q);
        clientByOrdId.put(ordId, q.clientOrderId());
        latestOrdId.put(q.clientOrderId(), ordId);
        createdAt.put(ordId, now);
        fake.accepted.add(q);
        return fake.wire.result(ordId, q.clientOrderId(), now, "0", "");
    }

    /** The order a request body asks for, in base-asset terms, or OKX's refusal of the body. */
    private OrderRequest orderRequest(JsonNode o) throws OrderChecks.Refused {
        FakeInstrument inst = checks.listed(o.path("instId").asText(""));
        String tdMode = o.path("tdMode").asText("");
        if (!tdMode.equals("cross") && !tdMode.equals("isolated")) {
            throw new OrderChecks.Refused("51000", "Parameter tdMode error");
        }
        Side side = OrderChecks.side(o.path("side").asText(""));
        String clOrdId = o.has("clOrdId") ? o.path("clOrdId").asText() : "fake" + generatedIds.incrementAndGet();
        OrderChecks.clientId(clOrdId, "clOrdId");
        PositionSide positionSide = checks.positionSide(o);
        BigDecimal sz = OrderChecks.decimal(o, "sz");
        if (sz.signum() <= 0) {
            throw new OrderChecks.Refused("51000", "Parameter sz error");
        }
        if (sz.remainder(inst.lotSz()).signum() != 0) {
            throw new OrderChecks.Refused("51121", "Order quantity must be a multiple of the lot size.");
        }
        BigDecimal qty = inst.base(sz);
        // OKX applies reduceOnly in net mode only; a long/short close reduces by its side.
        boolean reduceOnly = positionSide == PositionSide.BOTH && o.path("reduceOnly").asBoolean(false);
        return switch (o.path("ordType").asText("")) {
            case "limit", "post_only" -> OrderRequest.limit(clOrdId, inst.instId(), side, OrderChecks.decimal(o, "px"), qty,
                    o.path("ordType").asText().equals("post_only") ? TimeInForce.GTX : TimeInForce.GTC, reduceOnly,
                    positionSide);
            case "market" -> new OrderRequest(clOrdId, inst.instId(), side, OrderType.MARKET, null, null, qty, null,
                    reduceOnly, false, positionSide, null);
            default -> throw new OrderChecks.Refused("51000", "Parameter ordType error");
        };
    }

    // ------------------------------------------------------------------ cancel

    FakeRest.Answer cancel(JsonNode body) {
        if (body == null || !body.isObject()) {
            return answers.error("50000", "Body for POST request cannot be empty.");
        }
        return answers.single(cancelItem(body));
    }

    FakeRest.Answer cancelBatch(JsonNode body) {
        if (body == null || !body.isArray() || body.isEmpty()) {
            return answers.error("50000", "Body for POST request cannot be empty.");
        }
        ArrayNode items = fake.wire.array();
        body.forEach(o -> items.add(cancelItem(o)));
        return answers.items(items);
    }

    private ObjectNode cancelItem(JsonNode o) {
        String instId = o.path("instId").asText("");
        String clOrdId = o.has("ordId") ? clientByOrdId.get(o.path("ordId").asText()) : o.path("clOrdId").asText(null);
        OrderRequest q = clOrdId == null ? null : byClientId.get(clOrdId);
        long now = fake.now();
        if (q == null || !q.symbol().equals(instId)) {
            return fake.wire.result("", clOrdId, now, "51400",
                    "Order cancellation failed as the order has been filled, canceled or does not exist.");
        }
        try {
            fake.sim.cancelOrder(instId, clOrdId);
            return fake.wire.result(state(q).exchangeOrderId(), clOrdId, now, "0", "");
        } catch (ExchangeException e) {
            return fake.wire.result("", clOrdId, now, e.venueCode(), e.venueMessage());
        }
    }

    // ------------------------------------------------------------------ reads

    FakeRest.Answer query(Map<String, String> p) {
        String instId = p.getOrDefault("instId", "");
        String ordId = p.containsKey("ordId") ? p.get("ordId") : latestOrdId.get(p.getOrDefault("clOrdId", ""));
        if (ordId != null && cancelledAtEntry.containsKey(ordId)) {
            return answers.ok(fake.wire.array().add(cancelledAtEntry.get(ordId)));
        }
        String clOrdId = ordId == null ? null : clientByOrdId.get(ordId);
        OrderRequest q = clOrdId == null ? null : byClientId.get(clOrdId);
        if (q == null || !q.symbol().equals(instId)) {
            return answers.error("51603", "Order does not exist.");
        }
        return answers.ok(fake.wire.array().add(orderJson(q)));
    }

    FakeRest.Answer pending(Map<String, String> p) {
        long after = Long.parseLong(p.getOrDefault("after", Long.toString(Long.MAX_VALUE)));
        int limit = Math.min(100, Integer.parseInt(p.getOrDefault("limit", "100")));
        List<String> instIds = p.containsKey("instId") ? List.of(p.get("instId")) : List.copyOf(fake.listed.keySet());
        ArrayNode out = fake.wire.array();
        instIds.stream().flatMap(id -> openOrders(id).stream())
                .filter(o -> o.type() != OrderType.STOP_MARKET && byClientId.containsKey(o.clientOrderId()))
                .filter(o -> Long.parseLong(o.exchangeOrderId()) < after)
                .sorted(Comparator.comparingLong((OpenOrder o) -> Long.parseLong(o.exchangeOrderId())).reversed())
                .limit(limit).forEach(o -> out.add(orderJson(byClientId.get(o.clientOrderId()))));
        return answers.ok(out);
    }

    FakeRest.Answer fills(Map<String, String> p) {
        if (!p.containsKey("instType")) {
            return answers.error("50014", "Parameter instType can not be empty.");
        }
        long begin = Long.parseLong(p.getOrDefault("begin", "0"));
        long end = Long.parseLong(p.getOrDefault("end", Long.toString(Long.MAX_VALUE)));
        long after = Long.parseLong(p.getOrDefault("after", Long.toString(Long.MAX_VALUE)));
        int limit = Math.min(100, Integer.parseInt(p.getOrDefault("limit", "100")));
        List<String> instIds = p.containsKey("instId") ? List.of(p.get("instId")) : List.copyOf(fake.listed.keySet());
        ArrayNode out = fake.wire.array();
        for (String instId : instIds) {
            trades(instId, begin).stream().filter(t -> t.atMs() <= end && Long.parseLong(t.tradeId()) < after)
                    .sorted(Comparator.comparingLong((TradeRecord t) -> Long.parseLong(t.tradeId())).reversed())
                    .limit(limit - out.size()).forEach(t -> {
                        OrderRequest q = requestOf(t.clientOrderId());
                        out.add(fake.wire.fill(instrument(instId), t, q == null ? PositionSide.BOTH : q.positionSide(),
                                q != null && q.type() == OrderType.LIMIT));
                    });
        }
        return answers.ok(out);
    }

    // ------------------------------------------------------------------ helpers

    private ObjectNode orderJson(OrderRequest q) {
        OrderState s = state(q);
        String cancelSource = s.status() == io.gridbot.core.order.OrderStatus.CANCELED ? "1"
                : s.status().isFinal() && s.status() != io.gridbot.core.order.OrderStatus.FILLED ? "0" : "";
        return fake.wire.order(instrument(q.symbol()), q, s, createdAt.getOrDefault(s.exchangeOrderId(), 0L), cancelSource);
    }

    private OrderState state(OrderRequest q) {
        OrderState s = stateOrNull(q);
        if (s == null) {
            throw new IllegalStateException("the simulator lost order " + q.clientOrderId());
        }
        return s;
    }

    private OrderState stateOrNull(OrderRequest q) {
        try {
            return fake.sim.queryOrder(q.symbol(), q.clientOrderId());
        } catch (ExchangeException e) {
            return null;
        }
    }

    private List<OpenOrder> openOrders(String instId) {
        try {
            return fake.sim.openOrders(instId);
        } catch (ExchangeException e) {
            return List.of();
        }
    }

    private List<TradeRecord> trades(String instId, long from) {
        try {
            return fake.sim.trades(instId, from);
        } catch (ExchangeException e) {
            return List.of();
        }
    }

    private OrderRequest requestOf(String clientId) {
        OrderRequest q = byClientId.get(clientId);
        return q != null ? q : stops.request(clientId);
    }

    private FakeInstrument instrument(String instId) {
        return fake.listed.get(instId);
    }
}
