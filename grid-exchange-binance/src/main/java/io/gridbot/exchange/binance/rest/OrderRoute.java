package io.gridbot.exchange.binance.rest;

import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderType;
import java.util.ArrayList;
import java.util.List;

/**
 * Which Binance service an order lives in. Limit and market orders go to {@code /fapi/v1/order} and may go
 * five at a time through {@code batchOrders}; the protective stop (STOP_MARKET) is a conditional order of the
 * Algo service, which takes them one at a time and knows them by their own ids. Every place that must tell
 * the two apart asks here.
 */
public enum OrderRoute {
    /** {@code /fapi/v1/order} and {@code /fapi/v1/batchOrders}. */
    ORDER,
    /** {@code /fapi/v1/algoOrder}: conditional orders, never batched. */
    ALGO;

    public static OrderRoute of(OrderType type) {
        return type == OrderType.STOP_MARKET ? ALGO : ORDER;
    }

    public static OrderRoute of(OrderRequest request) {
        return of(request.type());
    }

    /**
     * Splits requests, in their order, into the calls that carry them: runs of up to {@code batchMax} regular
     * orders, and every conditional order alone. A run of one is sent as a single create.
     */
    public static List<List<OrderRequest>> calls(List<OrderRequest> requests, int batchMax) {
        List<List<OrderRequest>> calls = new ArrayList<>();
        List<OrderRequest> run = new ArrayList<>();
        for (OrderRequest r : requests) {
            if (of(r) == ALGO) {
                flush(run, calls);
                calls.add(List.of(r));
                continue;
            }
            run.add(r);
            if (run.size() == batchMax) {
                flush(run, calls);
            }
        }
        flush(run, calls);
        return calls;
    }

    private static void flush(List<OrderRequest> run, List<List<OrderRequest>> calls) {
        if (!run.isEmpty()) {
            calls.add(List.copyOf(run));
            run.clear();
        }
    }
}
