package io.gridbot.exchange.binance;

import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.binance.rest.OrderCalls;
import io.gridbot.exchange.binance.wire.OrderWire;
import io.gridbot.exchange.stream.OrderEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client id of each order id the adapter has seen. Binance's trade list names the order id only, so a
 * trade's client id comes from here, or from asking the venue for the order (a fresh process knows none).
 */
final class ClientIds {

    private final OrderCalls orders;
    private final Map<String, String> byOrderId = new ConcurrentHashMap<>();

    ClientIds(OrderCalls orders) {
        this.orders = orders;
    }

    void remember(OrderWire order) {
        byOrderId.put(Long.toString(order.orderId()), order.clientOrderId());
    }

    void remember(OrderEvent e) {
        if (e.exchangeOrderId() != null && e.clientOrderId() != null) {
            byOrderId.put(e.exchangeOrderId(), e.clientOrderId());
        }
    }

    String of(String symbol, long orderId) throws ExchangeException {
        String key = Long.toString(orderId);
        String known = byOrderId.get(key);
        if (known != null) {
            return known;
        }
        OrderWire o = orders.queryById(symbol, key);
        byOrderId.put(key, o.clientOrderId());
        return o.clientOrderId();
    }
}
