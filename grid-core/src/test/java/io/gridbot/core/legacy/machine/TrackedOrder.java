package io.gridbot.core.legacy.machine;

import io.gridbot.core.order.OrderKey;
import java.math.BigDecimal;

/** An order the machine has sent or adopted and not yet seen finish. Mutable; owned by one slot. */
final class TrackedOrder {

    /** What the machine knows of the order's life. */
    enum Phase {
        /** Create sent, no answer yet. */
        PENDING,
        /** Acknowledged and resting. */
        WORKING,
        /** Cancel sent, no final status yet. */
        CANCELING,
        /** The create timed out: it may or may not exist; the slot stays reserved until we know. */
        UNKNOWN
    }

    final String clientOrderId;
    final OrderKey key;
    final BigDecimal qty;
    String exchangeOrderId;
    Phase phase;
    BigDecimal filled = BigDecimal.ZERO;
    long firstFillAtMs = -1;
    /** When an {@link Phase#UNKNOWN} order whose query failed is asked about again; -1 when no query waits. */
    long queryAgainAtMs = -1;

    TrackedOrder(String clientOrderId, OrderKey key, BigDecimal qty, Phase phase) {
        this.clientOrderId = clientOrderId;
        this.key = key;
        this.qty = qty;
        this.phase = phase;
    }

    /** True unless a cancel is on its way: the order still counts as wanted. */
    boolean countsAsLive() {
        return phase != Phase.CANCELING;
    }

    /** The order in words, for the log. */
    String describe() {
        return key.intent().name().toLowerCase() + " " + key.side().name().toLowerCase() + " " + qty.toPlainString()
                + " @ " + key.price().toPlainString();
    }

    BigDecimal remaining() {
        return qty.subtract(filled);
    }
}
