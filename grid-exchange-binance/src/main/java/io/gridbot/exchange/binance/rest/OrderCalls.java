package io.gridbot.exchange.binance.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.binance.wire.AlgoOrderWire;
import io.gridbot.exchange.binance.wire.OrderWire;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The order endpoints as typed calls: regular orders ({@code /fapi/v1/order}, {@code batchOrders},
 * {@code openOrders}, {@code allOpenOrders}) and conditional ones ({@code /fapi/v1/algoOrder},
 * {@code openAlgoOrders}), each answering with Binance's own records. A create whose answer cannot be read
 * fails as {@code TIMEOUT_UNKNOWN}: the order may exist.
 */
public final class OrderCalls {

    /** One item of a batch answer: the order as placed, or why it was not. */
    public sealed interface BatchItem {
        /** The venue placed the order. */
        record Placed(OrderWire order) implements BatchItem {
        }

        /** The venue refused it, or its outcome is unknown. */
        record Failed(ExchangeException error) implements BatchItem {
        }
    }

    private final BinanceRestClient rest;
    private final WireReader wire;
    private final ObjectMapper json;

    public OrderCalls(BinanceRestClient rest, WireReader wire, ObjectMapper json) {
        this.rest = rest;
        this.wire = wire;
        this.json = json;
    }

    /** {@code POST /fapi/v1/order}: a limit or market order. */
    public OrderWire place(OrderRequest request) throws ExchangeException {
        return created(rest.call(Endpoint.NEW_ORDER, OrderParams.order(request)));
    }

    /** {@code POST /fapi/v1/batchOrders}: up to five limit or market orders, answered item by item. */
    public List<BatchItem> placeBatch(List<OrderRequest> requests) throws ExchangeException {
        String items;
        try {
            items = json.writeValueAsString(requests.stream().map(OrderParams::order).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a batch", e);
        }
        JsonNode answer = rest.call(Endpoint.BATCH_ORDERS, Map.of("batchOrders", items));
        List<BatchItem> out = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            JsonNode item = answer.path(i);
            if (item.has("code") && item.path("code").asInt() < 0) {
                out.add(new BatchItem.Failed(ErrorClassifier.batchItem(item.path("code").asInt(), item.path("msg").asText(null))));
            } else if (item.isObject()) {
                try {
                    out.add(new BatchItem.Placed(created(item)));
                } catch (ExchangeException e) {
                    out.add(new BatchItem.Failed(e));
                }
            } else {
                out.add(new BatchItem.Failed(ErrorClassifier.missingBatchItem()));
            }
        }
        return out;
    }

    private OrderWire created(JsonNode answer) throws ExchangeException {
        try {
            return wire.read(answer, OrderWire.class);
        } catch (ExchangeException unreadable) {
            throw ErrorClassifier.unclearCreate(unreadable);
        }
    }

    public void cancel(String symbol, String clientOrderId) throws ExchangeException {
        rest.call(Endpoint.CANCEL_ORDER, Map.of("symbol", symbol, "origClientOrderId", clientOrderId));
    }

    public void cancelAll(String symbol) throws ExchangeException {
        rest.call(Endpoint.CANCEL_ALL, Map.of("symbol", symbol));
    }

    public List<OrderWire> open(String symbol) throws ExchangeException {
        return wire.readList(rest.call(Endpoint.OPEN_ORDERS, Map.of("symbol", symbol)), OrderWire.class);
    }

    public OrderWire query(String symbol, String clientOrderId) throws ExchangeException {
        return wire.read(rest.call(Endpoint.QUERY_ORDER, Map.of("symbol", symbol, "origClientOrderId", clientOrderId)),
                OrderWire.class);
    }

    public OrderWire queryById(String symbol, String orderId) throws ExchangeException {
        return wire.read(rest.call(Endpoint.QUERY_ORDER, Map.of("symbol", symbol, "orderId", orderId)), OrderWire.class);
    }

    /** {@code POST /fapi/v1/algoOrder}: a protective stop. */
    public AlgoOrderWire placeStop(OrderRequest stop) throws ExchangeException {
        return wire.read(rest.call(Endpoint.NEW_ALGO_ORDER, OrderParams.protectiveStop(stop)), AlgoOrderWire.class);
    }

    public void cancelStop(String symbol, String clientOrderId) throws ExchangeException {
        rest.call(Endpoint.CANCEL_ALGO_ORDER, Map.of("symbol", symbol, "clientAlgoId", clientOrderId));
    }

    public AlgoOrderWire queryStop(String symbol, String clientOrderId) throws ExchangeException {
        return wire.read(rest.call(Endpoint.QUERY_ALGO_ORDER, Map.of("symbol", symbol, "clientAlgoId", clientOrderId)),
                AlgoOrderWire.class);
    }

    public List<AlgoOrderWire> openStops(String symbol) throws ExchangeException {
        return wire.readList(rest.call(Endpoint.OPEN_ALGO_ORDERS, Map.of("symbol", symbol)), AlgoOrderWire.class);
    }
}
