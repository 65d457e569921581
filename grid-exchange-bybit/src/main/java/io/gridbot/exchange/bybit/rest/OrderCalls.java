package io.gridbot.exchange.bybit.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.bybit.wire.CreatedWire;
import io.gridbot.exchange.bybit.wire.OrderWire;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order endpoints as typed calls, each answering with Bybit's own records: create (the protective stop too, as a
 * conditional order), the batch create and cancel of up to 20 orders answered item by item ({@code result.list[i]}
 * with {@code retExtInfo.list[i]}), cancel, cancel-all of the regular orders, the open orders page by page
 * ({@code nextPageCursor}), and one order by its {@code orderLinkId}. A create whose answer cannot be read, or lacks
 * its item, fails as {@code TIMEOUT_UNKNOWN}, since the order may exist.
 */
public final class OrderCalls {

    /** Bybit takes at most 20 linear orders in one batch create or cancel. */
    public static final int BATCH_MAX = 20;
    private static final int PAGE = 50;

    /** One item of a batch answer: the order as acknowledged, or why it was not placed. */
    public sealed interface BatchItem {
        /** The venue took the order. */
        record Placed(CreatedWire order) implements BatchItem {
        }

        /** The venue refused it, the adapter did, or its outcome is unknown. */
        record Failed(ExchangeException error) implements BatchItem {
        }
    }

    private final BybitRestClient rest;
    private final WireReader wire;

    public OrderCalls(BybitRestClient rest, WireReader wire) {
        this.rest = rest;
        this.wire = wire;
    }

    /** {@code POST /v5/order/create}: a limit or market order. */
    public CreatedWire place(OrderRequest request, SymbolRules rules) throws ExchangeException {
        return created(rest.post(Endpoint.CREATE, OrderBody.order(request, rules)).result());
    }

    /** {@code POST /v5/order/create} of the protective stop, a conditional order. */
    public CreatedWire placeStop(OrderRequest stop, SymbolRules rules) throws ExchangeException {
        return created(rest.post(Endpoint.CREATE, OrderBody.protectiveStop(stop, rules)).result());
    }

    /**
     * {@code POST /v5/order/create-batch}: up to 20 orders of one symbol, answered item by item in their order. An
     * order the adapter refuses (off the tick) is not sent; the others are.
     */
    public List<BatchItem> placeBatch(List<OrderRequest> requests, SymbolRules rules) throws ExchangeException {
        if (requests.isEmpty() || requests.size() > BATCH_MAX) {
            throw new IllegalArgumentException("a batch holds 1 to " + BATCH_MAX + " orders, not " + requests.size());
        }
        List<BatchItem> out = new ArrayList<>(requests.size());
        List<Map<String, Object>> bodies = new ArrayList<>();
        List<Integer> sent = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            try {
                Map<String, Object> body = OrderBody.order(requests.get(i), rules);
                body.remove("category"); // the batch names it once
                bodies.add(body);
                sent.add(i);
                out.add(null);
            } catch (ExchangeException refused) {
                out.add(new BatchItem.Failed(refused));
            }
        }
        if (bodies.isEmpty()) {
            return out;
        }
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("category", "linear");
        batch.put("request", bodies);
        BybitRestClient.Reply reply = rest.post(Endpoint.CREATE_BATCH, batch);
        JsonNode results = reply.result().path("list");
        JsonNode codes = reply.extInfo().path("list");
        for (int k = 0; k < sent.size(); k++) {
            out.set(sent.get(k), batchItem(Endpoint.CREATE_BATCH, results.path(k), codes.path(k)));
        }
        return out;
    }

    private BatchItem batchItem(Endpoint endpoint, JsonNode result, JsonNode code) {
        if (result.isMissingNode() || !code.path("code").canConvertToInt()) {
            return new BatchItem.Failed(BybitErrors.missingItem());
        }
        int c = code.path("code").asInt();
        if (c != 0) {
            return new BatchItem.Failed(BybitErrors.item(endpoint, c, code.path("msg").asText("")));
        }
        try {
            return new BatchItem.Placed(created(result));
        } catch (ExchangeException e) {
            return new BatchItem.Failed(e);
        }
    }

    private CreatedWire created(JsonNode result) throws ExchangeException {
        try {
            return wire.read(result, CreatedWire.class);
        } catch (ExchangeException unreadable) {
            throw BybitErrors.unclearCreate(unreadable);
        }
    }

    /** {@code POST /v5/order/cancel} by client id (a conditional order too); accepted means Bybit took the cancel. */
    public void cancel(String symbol, String orderLinkId) throws ExchangeException {
        rest.post(Endpoint.CANCEL, BybitRestClient.params("category", "linear", "symbol", symbol, "orderLinkId", orderLinkId));
    }

    /**
     * {@code POST /v5/order/cancel-batch}: up to 20 orders of one symbol by client id; the result maps each id to its
     * refusal, or to {@code null} when Bybit took the cancel.
     */
    public Map<String, ExchangeException> cancelBatch(String symbol, List<String> orderLinkIds) throws ExchangeException {
        if (orderLinkIds.isEmpty() || orderLinkIds.size() > BATCH_MAX) {
            throw new IllegalArgumentException("a batch holds 1 to " + BATCH_MAX + " orders, not " + orderLinkIds.size());
        }
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("category", "linear");
        batch.put("request", orderLinkIds.stream().map(id -> BybitRestClient.params("symbol", symbol, "orderLinkId", id)).toList());
        BybitRestClient.Reply reply = rest.post(Endpoint.CANCEL_BATCH, batch);
        Map<String, ExchangeException> out = new LinkedHashMap<>();
        for (int k = 0; k < orderLinkIds.size(); k++) {
            JsonNode code = reply.extInfo().path("list").path(k);
            int c = code.path("code").asInt(-1);
            out.put(orderLinkIds.get(k), c == 0 ? null : c < 0 ? BybitErrors.missingItem()
                    : BybitErrors.item(Endpoint.CANCEL_BATCH, c, code.path("msg").asText("")));
        }
        return out;
    }

    /** {@code POST /v5/order/cancel-all} of the symbol's regular orders ({@code orderFilter} {@code Order}: not the stops). */
    public void cancelAll(String symbol) throws ExchangeException {
        rest.post(Endpoint.CANCEL_ALL, BybitRestClient.params("category", "linear", "symbol", symbol, "orderFilter", "Order"));
    }

    /** {@code GET /v5/order/realtime}: every open order of the symbol, conditional ones too, page after page. */
    public List<OrderWire> open(String symbol) throws ExchangeException {
        List<OrderWire> all = new ArrayList<>();
        String cursor = "";
        do {
            Map<String, String> query = BybitRestClient.params("category", "linear", "symbol", symbol, "limit",
                    Integer.toString(PAGE));
            if (!cursor.isEmpty()) {
                query.put("cursor", cursor);
            }
            JsonNode result = rest.get(Endpoint.REALTIME, query).result();
            all.addAll(wire.list(result, OrderWire.class));
            cursor = result.path("nextPageCursor").asText("");
        } while (!cursor.isEmpty());
        return all;
    }

    /**
     * One order by client id: {@code GET /v5/order/realtime} (open ones and the 500 latest closed), else
     * {@code GET /v5/order/history}.
     *
     * @throws ExchangeException {@code UNKNOWN_ORDER} (110001) when neither has it
     */
    public OrderWire query(String symbol, String orderLinkId) throws ExchangeException {
        Map<String, String> query = BybitRestClient.params("category", "linear", "symbol", symbol, "orderLinkId", orderLinkId);
        List<OrderWire> found = wire.list(rest.get(Endpoint.REALTIME, query).result(), OrderWire.class);
        if (found.isEmpty()) {
            found = wire.list(rest.get(Endpoint.HISTORY, query).result(), OrderWire.class);
        }
        return found.stream().filter(o -> orderLinkId.equals(o.orderLinkId())).findFirst().orElseThrow(
                () -> new ExchangeException(ExchangeErrorKind.UNKNOWN_ORDER, "110001", "Order does not exist"));
    }
}
