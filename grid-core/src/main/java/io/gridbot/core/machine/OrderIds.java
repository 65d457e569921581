package io.gridbot.core.machine;

import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Side;

/**
 * Numbers the grid's client order ids. A restored grid numbers its orders from its start time up, so no
 * client id repeats across restarts.
 */
final class OrderIds {

    private final String tag;
    private boolean restored;
    private long seqFloor;

    OrderIds(String tag) {
        this.tag = tag;
    }

    void restored() {
        restored = true;
    }

    /** At every start of a restored grid the floor moves up to the start time. */
    void started(long nowMs) {
        if (restored) {
            seqFloor = Math.max(seqFloor, nowMs);
        }
    }

    /** The number after {@code last}, never below the floor. */
    long next(long last) {
        return Math.max(last, seqFloor) + 1;
    }

    String id(ClientOrderId.Kind kind, Side side, int line, long seq) {
        return ClientOrderId.of(tag, kind, side, line, seq);
    }
}
