package io.gridbot.exchange.binance;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.PositionSide;
import io.gridbot.exchange.ExchangeAdapter.Result;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.OrderAck;
import io.gridbot.exchange.OrderState;
import io.gridbot.exchange.binance.rest.ErrorClassifier;
import io.gridbot.exchange.binance.rest.OrderCalls;
import io.gridbot.exchange.binance.rest.OrderRoute;
import io.gridbot.exchange.binance.rest.WireReader;
import io.gridbot.exchange.binance.wire.AlgoOrderWire;
import io.gridbot.exchange.binance.wire.NeutralMapper;
import io.gridbot.exchange.binance.wire.OrderWire;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The SPI's order requests on Binance: each goes to the service its type lives in ({@link OrderRoute}), the
 * answers come back as neutral values, and every order id seen is remembered with its client id. A create
 * whose answer names a value the adapter does not know has an unknown outcome.
 */
final class VenueOrders {

    private final OrderCalls orders;
    private final WireReader wire;
    private final ClientIds clientIds;
    private final Set<String> symbols;
    private final int batchMax;

    /** @param symbols every symbol in use, which this adds to */
    VenueOrders(OrderCalls orders, WireReader wire, ClientIds clientIds, Set<String> symbols, int batchMax) {
        this.orders = orders;
        this.wire = wire;
        this.clientIds = clientIds;
        this.symbols = symbols;
        this.batchMax = batchMax;
    }

    /**
     * What a person reads when a hedge-mode order asks to be reduce-only: Binance refuses the flag on a leg
     * (-1106), so it is refused here, before it is sent, as the venue would.
     */
    static final String REDUCE_ONLY_ON_A_LEG = "reduceOnly cannot be sent on a hedge-mode leg (LONG or SHORT): "
            + "Binance refuses it there; the order's side says whether it opens or closes its leg";

    OrderAck create(OrderRequest request) throws ExchangeException {
        refuseReduceOnlyLeg(request);
        if (OrderRoute.of(request) == OrderRoute.ALGO) {
            return placeStop(request);
        }
        symbols.add(request.symbol());
        return acknowledged(orders.place(request));
    }

    private OrderAck acknowledged(OrderWire order) throws ExchangeException {
        try {
            OrderAck ack = wire.convert(order, NeutralMapper::ack);
            clientIds.remember(order);
            return ack;
        } catch (ExchangeException e) {
            throw ErrorClassifier.unclearCreate(e);
        }
    }

    private static void refuseReduceOnlyLeg(OrderRequest request) throws ExchangeException {
        if (request.reduceOnly() && request.positionSide() != PositionSide.BOTH) {
            throw new ExchangeException(ExchangeErrorKind.OTHER, "-1106", REDUCE_ONLY_ON_A_LEG);
        }
    }

    /** The requests' answers in their order; one refused before sending fails alone, the others are sent. */
    List<Result<OrderAck>> create(List<OrderRequest> requests) {
        List<Result<OrderAck>> refused = new ArrayList<>(requests.size());
        List<OrderRequest> sendable = new ArrayList<>(requests.size());
        for (OrderRequest r : requests) {
            try {
                refuseReduceOnlyLeg(r);
                sendable.add(r);
                refused.add(null);
            } catch (ExchangeException e) {
                refused.add(Result.failed(e));
            }
        }
        List<Result<OrderAck>> sent = new ArrayList<>(sendable.size());
        for (List<OrderRequest> call : OrderRoute.calls(sendable, batchMax)) {
            if (call.size() == 1) {
                sent.add(single(call.getFirst()));
            } else {
                sent.addAll(batch(call));
            }
        }
        List<Result<OrderAck>> results = new ArrayList<>(requests.size());
        int next = 0;
        for (Result<OrderAck> r : refused) {
            results.add(r != null ? r : sent.get(next++));
        }
        return results;
    }

    private Result<OrderAck> single(OrderRequest r) {
        try {
            return Result.ok(create(r));
        } catch (ExchangeException e) {
            return Result.failed(e);
        }
    }

    private List<Result<OrderAck>> batch(List<OrderRequest> batch) {
        batch.forEach(r -> symbols.add(r.symbol()));
        List<OrderCalls.BatchItem> items;
        try {
            items = orders.placeBatch(batch);
        } catch (ExchangeException e) {
            return batch.stream().<Result<OrderAck>>map(r -> Result.failed(e)).toList();
        }
        List<Result<OrderAck>> results = new ArrayList<>(items.size());
        for (OrderCalls.BatchItem item : items) {
            try {
                results.add(switch (item) {
                    case OrderCalls.BatchItem.Placed p -> Result.ok(acknowledged(p.order()));
                    case OrderCalls.BatchItem.Failed f -> Result.failed(f.error());
                });
            } catch (ExchangeException e) {
                results.add(Result.failed(e));
            }
        }
        return results;
    }

    void cancel(String symbol, String clientOrderId) throws ExchangeException {
        orders.cancel(symbol, clientOrderId);
    }

    void cancelAll(String symbol) throws ExchangeException {
        orders.cancelAll(symbol);
    }

    List<OpenOrder> open(String symbol) throws ExchangeException {
        symbols.add(symbol);
        List<OpenOrder> out = new ArrayList<>();
        for (OrderWire o : orders.open(symbol)) {
            clientIds.remember(o);
            out.add(wire.convert(o, NeutralMapper::openOrder));
        }
        for (AlgoOrderWire a : orders.openStops(symbol)) {
            out.add(wire.convert(a, NeutralMapper::openOrder));
        }
        return out;
    }

    OrderState query(String symbol, String clientOrderId) throws ExchangeException {
        OrderWire o;
        try {
            o = orders.query(symbol, clientOrderId);
        } catch (ExchangeException notAnOrder) {
            if (notAnOrder.kind() != ExchangeErrorKind.UNKNOWN_ORDER) {
                throw notAnOrder;
            }
            // protective stops live in the algo service, under their own ids
            try {
                return wire.convert(orders.queryStop(symbol, clientOrderId), NeutralMapper::state);
            } catch (ExchangeException notAStop) {
                throw notAStop.kind() == ExchangeErrorKind.UNKNOWN_ORDER ? notAnOrder : notAStop;
            }
        }
        clientIds.remember(o);
        return wire.convert(o, NeutralMapper::state);
    }

    OrderAck placeStop(OrderRequest stop) throws ExchangeException {
        symbols.add(stop.symbol());
        return wire.convert(orders.placeStop(stop), NeutralMapper::ack);
    }

    void cancelStop(String symbol, String clientOrderId) throws ExchangeException {
        orders.cancelStop(symbol, clientOrderId);
    }
}
