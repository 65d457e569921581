package io.gridbot.core.machine;

import io.gridbot.core.order.OrderKey;
import java.util.BitSet;
import java.util.List;

/**
 * Whether the lines' live orders are exactly an ideal set, read from the lines themselves: every key of the set is
 * its line's live entry or exit, each live order is met once, and none is left over. Most full syncs end there,
 * and this answers it without the diff's tables; when it says no, the diff says what to do.
 */
final class LiveLines {

    private LiveLines() {
    }

    static boolean holdExactly(List<OrderKey> ideal, Slot[] slots) {
        int live = 0;
        for (Slot slot : slots) {
            live += (isLive(slot.entry) ? 1 : 0) + (isLive(slot.exit) ? 1 : 0);
        }
        if (live != ideal.size()) {
            return false;
        }
        BitSet met = new BitSet(2 * slots.length);
        for (OrderKey key : ideal) {
            int line = key.line();
            if (line < 0 || line >= slots.length) {
                return false;
            }
            Slot slot = slots[line];
            int at = matches(slot.entry, key) ? 2 * line : matches(slot.exit, key) ? 2 * line + 1 : -1;
            if (at < 0 || met.get(at)) {
                return false;
            }
            met.set(at);
        }
        return true;
    }

    private static boolean isLive(TrackedOrder order) {
        return order != null && order.countsAsLive();
    }

    private static boolean matches(TrackedOrder order, OrderKey key) {
        return isLive(order) && (order.key == key || order.key.equals(key));
    }
}
