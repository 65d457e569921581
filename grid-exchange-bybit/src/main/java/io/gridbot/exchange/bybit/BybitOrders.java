package io.gridbot.exchange.bybit;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderType;
import io.gridbot.exchange.ExchangeAdapter.Result;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.OrderAck;
import io.gridbot.exchange.OrderState;
import io.gridbot.exchange.bybit.rest.OrderCalls;
import io.gridbot.exchange.bybit.rest.WireReader;
import io.gridbot.exchange.bybit.stream.OrderLegs;
import io.gridbot.exchange.bybit.wire.NeutralMapper;
import io.gridbot.exchange.bybit.wire.OrderWire;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SPI's order requests on Bybit: limit and market orders on {@code /v5/order/create} (batched up to 20 of one
 * symbol), the protective stop as a conditional order on the same endpoint, cancels one by one, in batches or all at
 * once, open orders (stops included, Bybit lists them together) and an order looked up by its client id. Each order's
 * leg is remembered for the fills the {@code execution} topic reports without one.
 */
final class BybitOrders {

    private final OrderCalls orders;
    private final WireReader wire;
    private final BybitListing listing;
    private final OrderLegs legs;

    BybitOrders(OrderCalls orders, WireReader wire, BybitListing listing, OrderLegs legs) {
        this.orders = orders;
        this.wire = wire;
        this.listing = listing;
        this.legs = legs;
    }

    OrderAck create(OrderRequest request) throws ExchangeException {
        if (request.type() == OrderType.STOP_MARKET) {
            return placeStop(request);
        }
        legs.remember(request.clientOrderId(), request.positionSide());
        return wire.convert(orders.place(request, listing.rules(request.symbol()).core()), NeutralMapper::ack);
    }

    /** The requests' answers in their order: runs of one symbol's orders go out in batches of 20, stops alone. */
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
        List<OrderCalls.BatchItem> items;
        try {
            run.forEach(r -> legs.remember(r.clientOrderId(), r.positionSide()));
            items = orders.placeBatch(List.copyOf(run), listing.rules(run.getFirst().symbol()).core());
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

    void cancel(String symbol, String clientOrderId) throws ExchangeException {
        orders.cancel(symbol, clientOrderId);
    }

    /**
     * Cancels every regular order of the symbol ({@code cancel-all} with {@code orderFilter} {@code Order}, so the
     * protective stop stays).
     */
    void cancelAll(String symbol) throws ExchangeException {
        orders.cancelAll(symbol);
    }

    /** Cancels these orders of one symbol, 20 at a time; an order gone by then is no failure, any other is reported. */
    void cancel(String symbol, List<String> clientOrderIds) throws ExchangeException {
        ExchangeException first = null;
        for (int from = 0; from < clientOrderIds.size(); from += OrderCalls.BATCH_MAX) {
            Map<String, ExchangeException> refused = orders.cancelBatch(symbol,
                    clientOrderIds.subList(from, Math.min(clientOrderIds.size(), from + OrderCalls.BATCH_MAX)));
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

    List<OpenOrder> open(String symbol) throws ExchangeException {
        listing.rules(symbol);
        List<OpenOrder> out = new ArrayList<>();
        for (OrderWire o : orders.open(symbol)) {
            OpenOrder open = wire.convert(o, NeutralMapper::openOrder);
            legs.remember(open.clientOrderId(), open.positionSide());
            out.add(open);
        }
        return out;
    }

    OrderState query(String symbol, String clientOrderId) throws ExchangeException {
        return wire.convert(orders.query(symbol, clientOrderId), NeutralMapper::state);
    }

    OrderAck placeStop(OrderRequest stop) throws ExchangeException {
        if (stop.type() != OrderType.STOP_MARKET) {
            throw new ExchangeException(ExchangeErrorKind.OTHER, null, "a protective stop must be a STOP_MARKET order");
        }
        legs.remember(stop.clientOrderId(), stop.positionSide());
        return wire.convert(orders.placeStop(stop, listing.rules(stop.symbol()).core()), NeutralMapper::ack);
    }

    /** A conditional order is cancelled as any order is. */
    void cancelStop(String symbol, String clientOrderId) throws ExchangeException {
        orders.cancel(symbol, clientOrderId);
    }
}
