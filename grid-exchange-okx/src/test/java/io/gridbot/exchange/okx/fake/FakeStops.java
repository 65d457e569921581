package io.gridbot.exchange.okx.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.OrderState;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fake's conditional orders: the protective stop as OKX takes it, a {@code conditional} stop-loss at market
 * ({@code slOrdPx} -1) that closes the whole position ({@code closeFraction} 1, {@code reduceOnly} in net mode),
 * one per position side as OKX allows (51088 for a second), placed, cancelled, listed and looked up by its
 * {@code algoClOrdId}. A triggered stop reads {@code effective}.
 */
final class FakeStops {

    /** A conditional order the fake accepted. */
    private record Stop(OrderRequest request, String algoId, long createdMs) {
    }

    private final FakeOkx fake;
    private final OrderChecks checks;
    private final FakeAnswers answers;
    private final Map<String, Stop> stops = new ConcurrentHashMap<>();

    FakeStops(FakeOkx fake, OrderChecks checks, FakeAnswers answers) {
        this.fake = fake;
        this.checks = checks;
        this.answers = answers;
    }

    /** The request of a stop by its client id, if there is one. */
    OrderRequest request(String algoClOrdId) {
        Stop s = stops.get(algoClOrdId);
        return s == null ? null : s.request();
    }

    FakeRest.Answer placeStop(JsonNode o) {
        if (o == null || !o.isObject()) {
            return answers.error("50000", "Body for POST request cannot be empty.");
        }
        String algoClOrdId = o.path("algoClOrdId").asText("");
        ObjectNode item;
        try {
            item = stopItem(o);
        } catch (OrderChecks.Refused r) {
            item = fake.wire.algoResult("", algoClOrdId, r.code(), r.getMessage());
        }
        return answers.single(item);
    }

    private ObjectNode stopItem(JsonNode o) throws OrderChecks.Refused {
        FakeInstrument inst = checks.listed(o.path("instId").asText(""));
        if (!o.path("ordType").asText("").equals("conditional")) {
            throw new OrderChecks.Refused("51000", "Parameter ordType error");
        }
        if (!o.path("closeFraction").asText("").equals("1") || !o.path("slOrdPx").asText("").equals("-1")) {
            throw new OrderChecks.Refused("51000", "Parameter closeFraction error");
        }
        String id = o.path("algoClOrdId").asText("");
        OrderChecks.clientId(id, "algoClOrdId");
        PositionSide positionSide = checks.positionSide(o);
        if (positionSide == PositionSide.BOTH && !o.path("reduceOnly").asBoolean(false)) {
            throw new OrderChecks.Refused("51000", "Parameter reduceOnly error");
        }
        boolean taken = stops.values().stream().anyMatch(s -> s.request().symbol().equals(inst.instId())
                && s.request().positionSide() == positionSide && isOpen(s));
        if (taken) {
            throw new OrderChecks.Refused("51088", "You can only place 1 TP/SL order to close an entire position");
        }
        StopTrigger trigger = o.path("slTriggerPxType").asText("last").equals("mark") ? StopTrigger.MARK : StopTrigger.LAST;
        OrderRequest stop = OrderRequest.protectiveStop(id, inst.instId(), OrderChecks.side(o.path("side").asText("")),
                OrderChecks.decimal(o, "slTriggerPx"), positionSide, trigger);
        try {
            String algoId = fake.sim.placeProtectiveStop(stop).exchangeOrderId();
            stops.put(id, new Stop(stop, algoId, fake.now()));
            fake.accepted.add(stop);
            return fake.wire.algoResult(algoId, id, "0", "");
        } catch (ExchangeException e) {
            throw new OrderChecks.Refused(e.venueCode(), e.venueMessage());
        }
    }

    FakeRest.Answer cancelStops(JsonNode body) {
        if (body == null || !body.isArray() || body.isEmpty()) {
            return answers.error("50000", "Body for POST request cannot be empty.");
        }
        ArrayNode items = fake.wire.array();
        for (JsonNode o : body) {
            String id = o.path("algoClOrdId").asText("");
            Stop s = stops.get(id);
            if (s == null || !s.request().symbol().equals(o.path("instId").asText()) || !isOpen(s)) {
                items.add(fake.wire.algoResult("", id, "51400",
                        "Order cancellation failed as the order has been filled, canceled or does not exist."));
                continue;
            }
            try {
                fake.sim.cancelProtectiveStop(s.request().symbol(), id);
                items.add(fake.wire.algoResult(s.algoId(), id, "0", ""));
            } catch (ExchangeException e) {
                items.add(fake.wire.algoResult("", id, e.venueCode(), e.venueMessage()));
            }
        }
        return answers.items(items);
    }

    FakeRest.Answer queryStop(Map<String, String> p) {
        Stop s = p.containsKey("algoId") ? stops.values().stream().filter(x -> x.algoId().equals(p.get("algoId")))
                .findFirst().orElse(null) : stops.get(p.getOrDefault("algoClOrdId", ""));
        if (s == null) {
            return answers.error("51603", "Order does not exist.");
        }
        return answers.ok(fake.wire.array().add(stopJson(s)));
    }

    FakeRest.Answer pendingStops(Map<String, String> p) {
        if (!p.containsKey("ordType")) {
            return answers.error("50014", "Parameter ordType can not be empty.");
        }
        ArrayNode out = fake.wire.array();
        if (!p.get("ordType").contains("conditional")) {
            return answers.ok(out);
        }
        stops.values().stream().filter(s -> !p.containsKey("instId") || s.request().symbol().equals(p.get("instId")))
                .filter(this::isOpen)
                .sorted(Comparator.comparingLong((Stop s) -> Long.parseLong(s.algoId())).reversed())
                .forEach(s -> out.add(stopJson(s)));
        return answers.ok(out);
    }

    private ObjectNode stopJson(Stop s) {
        OrderState st = stateOrNull(s.request());
        String state = st == null ? "live" : switch (st.status()) {
            case NEW, PARTIALLY_FILLED -> "live";
            case FILLED -> "effective";
            case CANCELED -> "canceled";
            case EXPIRED, REJECTED -> "order_failed";
        };
        return fake.wire.algo(fake.listed.get(s.request().symbol()), s.request(), s.algoId(), state, s.createdMs(),
                st == null ? s.createdMs() : st.updateTimeMs());
    }

    private boolean isOpen(Stop s) {
        OrderState st = stateOrNull(s.request());
        return st == null || st.status().isOpen();
    }

    private OrderState stateOrNull(OrderRequest q) {
        try {
            return fake.sim.queryOrder(q.symbol(), q.clientOrderId());
        } catch (ExchangeException e) {
            return null;
        }
    }
}
