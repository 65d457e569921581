package io.gridbot.exchange.sim;

import io.gridbot.core.order.OrderStatus;
import io.gridbot.exchange.OrderState;
import io.gridbot.exchange.TradeRecord;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the venue remembers of past orders: the latest closed orders (for queries after they left the book)
 * and each symbol's recent executions (the trade history fills missed while down are recovered from), with
 * the trade ids it hands out. Both are bounded; the oldest entries go first.
 */
final class OrderHistory {

    static final int KEPT = 10_000;

    final LinkedHashMap<String, OrderState> closed = new LinkedHashMap<>();
    final Map<String, ArrayDeque<TradeRecord>> executions = new HashMap<>();
    long nextTradeId = 1;

    String nextTradeId() {
        return Long.toString(nextTradeId++);
    }

    void remember(SimOrder order, OrderStatus status) {
        closed.put(order.clientOrderId(), order.state(status));
        if (closed.size() > KEPT) {
            var it = closed.entrySet().iterator();
            it.next();
            it.remove();
        }
    }

    /** A closed order's state, or {@code null}. */
    OrderState closed(String clientOrderId) {
        return closed.get(clientOrderId);
    }

    /** The status an order that is no longer open closed with; NEW if the venue has no record of it. */
    OrderStatus closedStatus(String clientOrderId) {
        OrderState state = closed.get(clientOrderId);
        return state == null ? OrderStatus.NEW : state.status();
    }

    void record(String symbol, TradeRecord execution) {
        ArrayDeque<TradeRecord> list = executionsOf(symbol);
        list.add(execution);
        if (list.size() > KEPT) {
            list.removeFirst();
        }
    }

    ArrayDeque<TradeRecord> executionsOf(String symbol) {
        return executions.computeIfAbsent(symbol, s -> new ArrayDeque<>());
    }

    List<TradeRecord> executionsSince(String symbol, long fromMs) {
        return executionsOf(symbol).stream().filter(t -> t.atMs() >= fromMs).toList();
    }
}
