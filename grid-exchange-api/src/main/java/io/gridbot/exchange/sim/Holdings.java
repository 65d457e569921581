package io.gridbot.exchange.sim;

import io.gridbot.core.order.OpenOrder;
import io.gridbot.exchange.account.PositionSnapshot;
import java.util.List;

/**
 * A symbol's position and resting orders on the simulated venue, read at one instant: what a check needs when
 * the two must agree, such as the worst case of the position plus every resting entry.
 *
 * @param position   the position
 * @param openOrders the resting orders, protective stops excluded
 */
public record Holdings(PositionSnapshot position, List<OpenOrder> openOrders) {

    public Holdings {
        openOrders = List.copyOf(openOrders);
    }
}
