package io.gridbot.core.order;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The order diff: given the ideal orders and the orders actually live, keyed by
 * {@link OrderKey}, which to cancel and which to create. A pure function: applying its result and diffing
 * again yields nothing, which is what makes the sync idempotent.
 *
 * @param cancels client ids of live orders that are not ideal
 * @param creates ideal orders that are not live, in the order given
 */
public record OrderDiff(List<String> cancels, List<OrderKey> creates) {

    /** Nothing to cancel, nothing to create. */
    public static final OrderDiff NONE = new OrderDiff(List.of(), List.of());

    /** An order believed live: its identity and client id. */
    public record Live(OrderKey key, String clientOrderId) {
    }

    /** Computes the diff; {@code ideal} is iterated in its own order, which the creates keep. */
    public static OrderDiff between(Collection<OrderKey> ideal, Collection<Live> actual) {
        KeyTable live = new KeyTable(actual.size());
        List<Live> distinct = new ArrayList<>(actual.size());
        List<String> cancels = new ArrayList<>();
        for (Live order : actual) {
            // Two live orders with one identity: the second is a duplicate and goes.
            if (live.add(order.key())) {
                distinct.add(order);
            } else {
                cancels.add(order.clientOrderId());
            }
        }
        KeyTable wanted = new KeyTable(ideal.size());
        for (OrderKey key : ideal) {
            wanted.add(key);
        }
        for (Live order : distinct) {
            if (!wanted.contains(order.key())) {
                cancels.add(order.clientOrderId());
            }
        }
        List<OrderKey> creates = new ArrayList<>();
        for (OrderKey key : ideal) {
            if (!live.contains(key)) {
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
