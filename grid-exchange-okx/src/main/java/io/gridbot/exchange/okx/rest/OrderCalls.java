package io.gridbot.exchange.okx.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.okx.wire.AlgoOrderWire;
import io.gridbot.exchange.okx.wire.AlgoResultWire;
import io.gridbot.exchange.okx.wire.ContractSize;
import io.gridbot.exchange.okx.wire.OrderResultWire;
import io.gridbot.exchange.okx.wire.OrderWire;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order endpoints as typed calls, each answering with OKX's own records: regular orders
 * ({@code /api/v5/trade/order}, {@code batch-orders}, {@code cancel-order}, {@code cancel-batch-orders},
 * {@code orders-pending}) and the protective stop, a conditional algo order ({@code order-algo},
 * {@code cancel-algos}, {@code orders-algo-pending}). Every item's {@code sCode} is checked: a refused item fails
 * as its code says; a create whose answer cannot be read, or lacks the item, fails as {@code TIMEOUT_UNKNOWN},
 * since the order may exist.
 */
public final class OrderCalls {

    /** OKX takes at most 20 orders in one batch place or cancel. */
    public static final int BATCH_MAX = 20;
    private static final int PAGE = 100;

    /** One item of a batch answer: the order as acknowledged, or why it was not placed. */
    public sealed interface BatchItem {
        /** The venue took the order. */
        record Placed(OrderResultWire order) implements BatchItem {
        }

        /** The venue refused it, the adapter did, or its outcome is unknown. */
        record Failed(ExchangeException error) implements BatchItem {
        }
    }

    private final OkxRestClient rest;
    private final WireReader wire;

    public OrderCalls(OkxRestClient rest, WireReader wire) {
        this.rest = rest;
        this.wire = wire;
    }

    /** {@code POST /api/v5/trade/order}: a limit or market order. */
    public OrderResultWire place(OrderRequest request, ContractSize size) throws ExchangeException {
        Map<String, Object> body = OrderBody.order(request, size);
        ArrayNode answer = rest.post(Endpoint.PLACE_ORDER, body, request.symbol(), 1);
        OrderResultWire item = created(answer.path(0));
        if (!item.ok()) {
            throw OkxErrors.item(Endpoint.PLACE_ORDER, item.sCode(), item.sMsg());
        }
        return item;
    }

    /**
     * {@code POST /api/v5/trade/batch-orders}: up to 20 orders of one instrument, answered item by item in their
     * order. An order the adapter refuses (a quantity that is no whole number of lots) is not sent; the others are.
     */
    public List<BatchItem> placeBatch(List<OrderRequest> requests, ContractSize size) throws ExchangeException {
        if (requests.isEmpty() || requests.size() > BATCH_MAX) {
            throw new IllegalArgumentException("a batch holds 1 to " + BATCH_MAX + " orders, not " + requests.size());
        }
        List<BatchItem> out = new ArrayList<>(requests.size());
        List<Map<String, Object>> bodies = new ArrayList<>();
        List<Integer> sent = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            try {
                bodies.add(OrderBody.order(requests.get(i), size));
                sent.add(i);
                out.add(null);
            } catch (ExchangeException refused) {
                out.add(new BatchItem.Failed(refused));
            }
        }
        if (bodies.isEmpty()) {
            return out;
        }
        ArrayNode answer = rest.post(Endpoint.BATCH_ORDERS, bodies, size.instId(), bodies.size());
        Map<String, JsonNode> byClientId = new LinkedHashMap<>();
        answer.forEach(item -> byClientId.put(item.path("clOrdId").asText(), item));
        for (int k = 0; k < sent.size(); k++) {
            int i = sent.get(k);
            JsonNode item = byClientId.getOrDefault(requests.get(i).clientOrderId(), answer.path(k));
            out.set(i, batchItem(item));
        }
        return out;
    }

    private BatchItem batchItem(JsonNode item) {
        if (item == null || item.isMissingNode()) {
            return new BatchItem.Failed(OkxErrors.missingItem());
        }
        try {
            OrderResultWire r = created(item);
            return r.ok() ? new BatchItem.Placed(r)
                    : new BatchItem.Failed(OkxErrors.item(Endpoint.BATCH_ORDERS, r.sCode(), r.sMsg()));
        } catch (ExchangeException e) {
            return new BatchItem.Failed(e);
        }
    }

    private OrderResultWire created(JsonNode item) throws ExchangeException {
        try {
            return wire.read(item, OrderResultWire.class);
        } catch (ExchangeException unreadable) {
            throw OkxErrors.unclearCreate(unreadable);
        }
    }

    /** {@code POST /api/v5/trade/cancel-order} by client id; accepted means the venue took the cancel. */
    public void cancel(String instId, String clientOrderId) throws ExchangeException {
        ArrayNode answer = rest.post(Endpoint.CANCEL_ORDER, OkxRestClient.params("instId", instId, "clOrdId", clientOrderId),
                instId, 1);
        OrderResultWire item = wire.read(answer.path(0), OrderResultWire.class);
        if (!item.ok()) {
            throw OkxErrors.item(Endpoint.CANCEL_ORDER, item.sCode(), item.sMsg());
        }
    }

    /**
     * {@code POST /api/v5/trade/cancel-batch-orders}: up to 20 orders of one instrument by client id; the result
     * maps each id to its refusal, or to {@code null} when the venue took the cancel.
     */
    public Map<String, ExchangeException> cancelBatch(String instId, List<String> clientOrderIds) throws ExchangeException {
        if (clientOrderIds.isEmpty() || clientOrderIds.size() > BATCH_MAX) {
            throw new IllegalArgumentException("a batch holds 1 to " + BATCH_MAX + " orders, not " + clientOrderIds.size());
        }
        List<Map<String, String>> body = clientOrderIds.stream()
                .map(id -> OkxRestClient.params("instId", instId, "clOrdId", id)).toList();
        ArrayNode answer = rest.post(Endpoint.CANCEL_BATCH, body, instId, body.size());
        Map<String, ExchangeException> out = new LinkedHashMap<>();
        clientOrderIds.forEach(id -> out.put(id, OkxErrors.missingItem()));
        for (OrderResultWire item : wire.readList(answer, OrderResultWire.class)) {
            if (out.containsKey(item.clOrdId())) {
                out.put(item.clOrdId(), item.ok() ? null : OkxErrors.item(Endpoint.CANCEL_BATCH, item.sCode(), item.sMsg()));
            }
        }
        return out;
    }

    /** {@code GET /api/v5/trade/order} by client id (OKX answers its latest order of that id). */
    public OrderWire query(String instId, String clientOrderId) throws ExchangeException {
        return wire.single(rest.get(Endpoint.ORDER, OkxRestClient.params("instId", instId, "clOrdId", clientOrderId), instId),
                OrderWire.class);
    }

    /** {@code GET /api/v5/trade/order} by OKX's order id. */
    public OrderWire queryById(String instId, String orderId) throws ExchangeException {
        return wire.single(rest.get(Endpoint.ORDER, OkxRestClient.params("instId", instId, "ordId", orderId), instId),
                OrderWire.class);
    }

    /** {@code GET /api/v5/trade/orders-pending}: every live order of the instrument, page after page. */
    public List<OrderWire> pending(String instId) throws ExchangeException {
        List<OrderWire> all = new ArrayList<>();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("instType", "SWAP");
        query.put("instId", instId);
        query.put("limit", Integer.toString(PAGE));
        while (true) {
            List<OrderWire> page = wire.readList(rest.get(Endpoint.ORDERS_PENDING, query, instId), OrderWire.class);
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
            query.put("after", page.getLast().ordId());
        }
    }

    /** {@code POST /api/v5/trade/order-algo}: the protective stop. */
    public AlgoResultWire placeStop(OrderRequest stop, ContractSize size) throws ExchangeException {
        ArrayNode answer = rest.post(Endpoint.PLACE_ALGO, OrderBody.protectiveStop(stop, size), stop.symbol(), 1);
        AlgoResultWire item;
        try {
            item = wire.read(answer.path(0), AlgoResultWire.class);
        } catch (ExchangeException unreadable) {
            throw OkxErrors.unclearCreate(unreadable);
        }
        if (!item.ok()) {
            throw OkxErrors.item(Endpoint.PLACE_ALGO, item.sCode(), item.sMsg());
        }
        return item;
    }

    /** {@code POST /api/v5/trade/cancel-algos} of one stop by its client id. */
    public void cancelStop(String instId, String clientOrderId) throws ExchangeException {
        ArrayNode answer = rest.post(Endpoint.CANCEL_ALGOS,
                List.of(OkxRestClient.params("instId", instId, "algoClOrdId", clientOrderId)), instId, 1);
        AlgoResultWire item = wire.read(answer.path(0), AlgoResultWire.class);
        if (!item.ok()) {
            throw OkxErrors.item(Endpoint.CANCEL_ALGOS, item.sCode(), item.sMsg());
        }
    }

    /** {@code GET /api/v5/trade/order-algo} by the stop's client id (triggered and cancelled ones too). */
    public AlgoOrderWire queryStop(String clientOrderId) throws ExchangeException {
        return wire.single(rest.get(Endpoint.ALGO_ORDER, Map.of("algoClOrdId", clientOrderId), null), AlgoOrderWire.class);
    }

    /** {@code GET /api/v5/trade/orders-algo-pending}: the instrument's untriggered conditional orders. */
    public List<AlgoOrderWire> pendingStops(String instId) throws ExchangeException {
        List<AlgoOrderWire> all = new ArrayList<>();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("ordType", "conditional");
        query.put("instType", "SWAP");
        query.put("instId", instId);
        query.put("limit", Integer.toString(PAGE));
        while (true) {
            List<AlgoOrderWire> page = wire.readList(rest.get(Endpoint.ALGOS_PENDING, query, instId), AlgoOrderWire.class);
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
            query.put("after", page.getLast().algoId());
        }
    }
}
