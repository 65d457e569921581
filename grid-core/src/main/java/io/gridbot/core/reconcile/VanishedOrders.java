package io.gridbot.core.reconcile;

import io.gridbot.core.order.Side;
import java.util.Map;
import java.util.Set;

/**
 * The lines whose working entry or exit is gone from the venue though nothing of the grid's ended it: no
 * cancel was sent, and the create had been answered. Such an order filled while no one listened, so a
 * reconciliation books what the venue's position says was filled to these lines before any other.
 *
 * @param exitLines  lines whose exit vanished
 * @param entryLines lines whose entry vanished, with the entry's side
 */
public record VanishedOrders(Set<Integer> exitLines, Map<Integer, Side> entryLines) {

    public VanishedOrders {
        exitLines = Set.copyOf(exitLines);
        entryLines = Map.copyOf(entryLines);
    }
}
