package io.gridbot.exchange.bybit.fake;

import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderType;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.OrderState;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every order the fake Bybit accepted, by {@code orderLinkId}, with its Bybit order id and creation time; the
 * simulator holds its state. A post-only order that would have taken is kept here alone, cancelled at entry, as
 * Bybit keeps it. Bybit's {@code orderLinkId} is always unique: one taken before is refused again.
 */
final class FakeOrderBook {

    /** One accepted order. */
    record Placed(OrderRequest request, String orderId, long createdMs, boolean cancelledAtEntry) {

        boolean stop() {
            return request.type() == OrderType.STOP_MARKET;
        }
    }

    private final FakeBybit fake;
    private final Map<String, Placed> byLinkId = new ConcurrentHashMap<>();

    FakeOrderBook(FakeBybit fake) {
        this.fake = fake;
    }

    boolean taken(String orderLinkId) {
        return byLinkId.containsKey(orderLinkId);
    }

    void add(Placed p) {
        byLinkId.put(p.request().clientOrderId(), p);
    }

    Placed get(String orderLinkId) {
        return orderLinkId == null ? null : byLinkId.get(orderLinkId);
    }

    /** The request of an order by its client id, {@code null} when the fake has none. */
    OrderRequest request(String orderLinkId) {
        Placed p = get(orderLinkId);
        return p == null ? null : p.request();
    }

    /** The symbol's orders, newest first. */
    List<Placed> of(String symbol) {
        return byLinkId.values().stream().filter(p -> p.request().symbol().equals(symbol))
                .sorted(Comparator.comparingLong(Placed::createdMs).reversed().thenComparing(Placed::orderId)).toList();
    }

    /** The order's state in the simulator, {@code null} for one cancelled at entry. */
    OrderState state(Placed p) {
        if (p.cancelledAtEntry()) {
            return null;
        }
        try {
            return fake.sim.queryOrder(p.request().symbol(), p.request().clientOrderId());
        } catch (ExchangeException e) {
            return null;
        }
    }

    boolean open(Placed p) {
        OrderState s = state(p);
        return s != null && s.status().isOpen();
    }
}
