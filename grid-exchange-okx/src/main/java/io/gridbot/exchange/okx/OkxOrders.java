package io.gridbot.exchange.okx;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderType;
import io.gridbot.exchange.ExchangeAdapter.Result;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.OrderAck;
import io.gridbot.exchange.OrderState;
import io.gridbot.exchange.okx.rest.OkxErrors;
import io.gridbot.exchange.okx.rest.OrderCalls;
import io.gridbot.exchange.okx.rest.WireReader;
import io.gridbot.exchange.okx.wire.AlgoOrderWire;
import io.gridbot.exchange.okx.wire.ContractSize;
import io.gridbot.exchange.okx.wire.NeutralMapper;
import io.gridbot.exchange.okx.wire.OrderWire;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SPI's order requests on OKX: limit and market orders on the trade endpoints (batched up to 20 of one swap),
 * the protective stop as a conditional algo order, cancels one by one or in batches, open orders from both lists,
 * and an order looked up by its client id among the orders, then the stops. Quantities cross the swap's contract
 * size both ways.
 */
final class OkxOrders {

    private final OrderCalls orders;
    private final WireReader wire;
    private final OkxListing listing;
    private final Set<String> symbols;

    /** @param symbols every swap in use, which this adds to */
    OkxOrders(OrderCalls orders, WireReader wire, OkxListing listing, Set<String> symbols) {
        this.orders = orders;
        this.wire = wire;
        this.listing = listing;
        this.symbols = symbols;
    }

    OrderAck create(OrderRequest request) throws ExchangeException {
        if (request.type() == OrderType.STOP_MARKET) {
            return placeStop(request);
        }
        symbols.add(request.symbol());
        return wire.convert(orders.place(request, listing.size(request.symbol())), NeutralMapper::ack);
    }

    /** The requests' answers in their order: runs of one swap's orders go out in batches of 20, stops alone. */
    List<Result<OrderAck>> create(List<OrderRequest> requests) {
        List<Result<OrderAck>> results = new ArrayList<>(requests.size());
        List<OrderRequest> run = new ArrayList<>();
        for (OrderRequest r : requests) {
            boolean joins = r.type() != OrderType.STOP_MARKET && run.size() < OrderCalls.BATCH_MAX
                    && (run.isEmpty() || run.getFirst().symbol().equals(r.symbol()));
            if (!joins) {
                results.addAll(send(run));
                run.clear();
            }
            if (r.type() == OrderType.STOP_MARKET) {
                results.add(single(r));
            } else {
                run.add(r);
            }
        }
        results.addAll(send(run));
        return results;
    }

    private List<Result<OrderAck>> send(List<OrderRequest> run) {
        if (run.isEmpty()) {
            return List.of();
        }
        if (run.size() == 1) {
            return List.of(single(run.getFirst()));
        }
        String instId = run.getFirst().symbol();
        symbols.add(instId);
        List<OrderCalls.BatchItem> items;
        try {
            items = orders.placeBatch(List.copyOf(run), listing.size(instId));
        } catch (ExchangeException e) {
            return run.stream().<Result<OrderAck>>map(r -> Result.failed(e)).toList();
        }
        List<Result<OrderAck>> out = new ArrayList<>(items.size());
        for (OrderCalls.BatchItem item : items) {
            out.add(switch (item) {
                case OrderCalls.BatchItem.Placed p -> Result.ok(NeutralMapper.ack(p.order()));
                case OrderCalls.BatchItem.Failed f -> Result.failed(f.error());
            });
        }
        return out;
    }

    private Result<OrderAck> single(OrderRequest r) {
        try {
            return Result.ok(create(r));
        } catch (ExchangeException e) {
            return Result.failed(e);
        }
    }

    void cancel(String instId, String clientOrderId) throws ExchangeException {
        orders.cancel(instId, clientOrderId);
    }

    /**
     * Cancels every open order of the swap (not the stops), 20 at a time. An order that was gone by then is no
     * failure; any other refusal is reported, after every batch was tried.
     */
    void cancelAll(String instId) throws ExchangeException {
        List<String> ids = orders.pending(instId).stream().map(OrderWire::clOrdId).toList();
        ExchangeException first = null;
        for (int from = 0; from < ids.size(); from += OrderCalls.BATCH_MAX) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + OrderCalls.BATCH_MAX));
            Map<String, ExchangeException> refused = chunk.size() == 1 ? cancelOne(instId, chunk.getFirst())
                    : orders.cancelBatch(instId, chunk);
            for (ExchangeException e : refused.values()) {
                if (e != null && e.kind() != ExchangeErrorKind.UNKNOWN_ORDER && first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private Map<String, ExchangeException> cancelOne(String instId, String clientOrderId) {
        try {
            orders.cancel(instId, clientOrderId);
            return Map.of();
        } catch (ExchangeException e) {
            return Map.of(clientOrderId, e);
        }
    }

    List<OpenOrder> open(String instId) throws ExchangeException {
        symbols.add(instId);
        ContractSize size = listing.size(instId);
        List<OpenOrder> out = new ArrayList<>();
        for (OrderWire o : orders.pending(instId)) {
            out.add(wire.convert(o, w -> NeutralMapper.openOrder(w, size)));
        }
        for (AlgoOrderWire a : orders.pendingStops(instId)) {
            out.add(wire.convert(a, w -> NeutralMapper.openOrder(w, size)));
        }
        return out;
    }

    /** The order of a client id; failing that, the stop of that id (OKX keeps them apart). */
    OrderState query(String instId, String clientOrderId) throws ExchangeException {
        ContractSize size = listing.size(instId);
        OrderWire o;
        try {
            o = orders.query(instId, clientOrderId);
        } catch (ExchangeException notAnOrder) {
            if (notAnOrder.kind() != ExchangeErrorKind.UNKNOWN_ORDER) {
                throw notAnOrder;
            }
            try {
                AlgoOrderWire stop = orders.queryStop(clientOrderId);
                if (!instId.equals(stop.instId())) {
                    throw notAnOrder;
                }
                return wire.convert(stop, w -> NeutralMapper.state(w, size));
            } catch (ExchangeException notAStop) {
                throw notAStop.kind() == ExchangeErrorKind.UNKNOWN_ORDER ? notAnOrder : notAStop;
            }
        }
        return wire.convert(o, w -> NeutralMapper.state(w, size));
    }

    OrderAck placeStop(OrderRequest stop) throws ExchangeException {
        if (stop.type() != OrderType.STOP_MARKET) {
            throw OkxErrors.refusedLocally(ExchangeErrorKind.OTHER, "a protective stop must be a STOP_MARKET order");
        }
        symbols.add(stop.symbol());
        return wire.convert(orders.placeStop(stop, listing.size(stop.symbol())), NeutralMapper::ack);
    }

    void cancelStop(String instId, String clientOrderId) throws ExchangeException {
        orders.cancelStop(instId, clientOrderId);
    }
}
