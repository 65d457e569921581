package io.gridbot.core.order;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order diff: given the ideal orders and the orders actually live, keyed by
 * {@link OrderKey}, which to cancel and which to create. A pure function: applying its result and diffing
 * again yields nothing, which is what makes the sync idempotent.
 *
 * @param cancels client ids of live orders that are not ideal
 * @param creates ideal orders that are not live, in the order given
 */
public record OrderDiff(List<String> cancels, List<OrderKey> creates) {

    /** An order believed live: its identity and client id. */
    public record Live(OrderKey key, String clientOrderId) {
    }

    /** Computes the diff; {@code ideal} is iterated in its own order, which the creates keep. */
    public static OrderDiff between(Collection<OrderKey> ideal, Collection<Live> actual) {
        Map<OrderKey, String> live = new LinkedHashMap<>(actual.size() * 2);
        List<String> cancels = new ArrayList<>();
        for (Live order : actual) {
            // Two live orders with one identity: the second is a duplicate and goes.
            if (live.putIfAbsent(order.key(), order.clientOrderId()) != null) {
                cancels.add(order.clientOrderId());
            }
        }
        Set<OrderKey> wanted = new java.util.HashSet<>(ideal.size() * 2);
        wanted.addAll(ideal);
        for (Map.Entry<OrderKey, String> e : live.entrySet()) {
            if (!wanted.contains(e.getKey())) {
                cancels.add(e.getValue());
            }
        }
        List<OrderKey> creates = new ArrayList<>();
        for (OrderKey key : ideal) {
            if (!live.containsKey(key)) {
                creates.add(key);
            }
        }
        return new OrderDiff(List.copyOf(cancels), List.copyOf(creates));
    }

    /** True when nothing needs doing. */
    public boolean isEmpty() {
        return cancels.isEmpty() && creates.isEmpty();
    }
}
