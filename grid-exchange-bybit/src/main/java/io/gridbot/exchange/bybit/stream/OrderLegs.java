package io.gridbot.exchange.bybit.stream;

import io.gridbot.core.order.PositionSide;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The position leg of each order the adapter has seen, by client id: Bybit's {@code execution} topic does not name
 * the position index, so a fill learns its leg from the order's create, the open-order list or its last
 * {@code order} push. An order never seen (a person's) reads {@code BOTH}. Thread-safe; bounded, since a grid
 * reuses no client id and old ones are dropped first.
 */
public final class OrderLegs {

    private static final int MAX = 20_000;

    private final Map<String, PositionSide> legs = new ConcurrentHashMap<>();

    public void remember(String orderLinkId, PositionSide leg) {
        if (orderLinkId == null || orderLinkId.isEmpty() || leg == null) {
            return;
        }
        if (legs.size() >= MAX) {
            legs.clear(); // rare, and only costs the legs of fills still to come of forgotten orders
        }
        legs.put(orderLinkId, leg);
    }

    public PositionSide of(String orderLinkId) {
        return orderLinkId == null ? PositionSide.BOTH : legs.getOrDefault(orderLinkId, PositionSide.BOTH);
    }
}
