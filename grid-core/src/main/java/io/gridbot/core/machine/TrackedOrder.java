package io.gridbot.core.machine;

import io.gridbot.core.order.OrderDiff;
import io.gridbot.core.order.OrderKey;
import java.math.BigDecimal;

/**
 * An order the machine has sent or adopted and not yet seen finish. Mutable; owned by one slot, the
 * protective stop or the flattening. Its {@link Phase} changes only through the named transitions below,
 * each of which checks that it is legal from the phase the order is in.
 */
final class TrackedOrder {

    /** What the machine knows of the order's life. */
    enum Phase {
        /** Create sent, no answer yet. Only a new order starts here; none returns to it. */
        PENDING,
        /** Acknowledged and resting. */
        WORKING,
        /** Cancel sent, no final status yet. */
        CANCELING,
        /** The create timed out: it may or may not exist; the slot stays reserved until we know. */
        UNKNOWN;

        /**
         * The legal moves: a pending create is answered (working), cancelled, or of unknown outcome; any
         * later phase may be corrected by the venue's word (a refused cancel, a duplicate id, a timeout).
         */
        boolean mayBecome(Phase next) {
            return switch (next) {
                case PENDING -> false;
                case WORKING, CANCELING, UNKNOWN -> true;
            };
        }
    }

    final String clientOrderId;
    final OrderKey key;
    final BigDecimal qty;
    String exchangeOrderId;
    private Phase phase;
    BigDecimal filled = BigDecimal.ZERO;
    long firstFillAtMs = -1;
    /** Acknowledged while a snapshot was on its way; cleared once a snapshot asked for later is in. */
    boolean answeredMidSnapshot;
    /** When an {@link Phase#UNKNOWN} order whose query failed is asked about again; -1 when no query waits. */
    long queryAgainAtMs = -1;
    private OrderDiff.Live live;

    TrackedOrder(String clientOrderId, OrderKey key, BigDecimal qty, Phase phase) {
        this.clientOrderId = clientOrderId;
        this.key = key;
        this.qty = qty;
        this.phase = phase;
    }

    /** A create the machine has just sent. */
    static TrackedOrder sent(String clientOrderId, OrderKey key, BigDecimal qty) {
        return new TrackedOrder(clientOrderId, key, qty, Phase.PENDING);
    }

    /** An order found resting on the venue. */
    static TrackedOrder resting(String clientOrderId, OrderKey key, BigDecimal qty) {
        return new TrackedOrder(clientOrderId, key, qty, Phase.WORKING);
    }

    /** The order as the sync's diff sees it, made once: every sync lists every live order. */
    OrderDiff.Live asLive() {
        if (live == null) {
            live = new OrderDiff.Live(key, clientOrderId);
        }
        return live;
    }

    Phase phase() {
        return phase;
    }

    boolean is(Phase p) {
        return phase == p;
    }

    /** True while no answer settled whether the create rests: pending or of unknown outcome. */
    boolean unanswered() {
        return phase == Phase.PENDING || phase == Phase.UNKNOWN;
    }

    /**
     * The venue reported the order alive: an unanswered create is now working; other phases stay.
     *
     * @param snapshotOnItsWay whether a snapshot is on its way: it may have been read before the order landed
     */
    void acknowledged(boolean snapshotOnItsWay) {
        if (unanswered()) {
            answeredMidSnapshot = snapshotOnItsWay;
            moveTo(Phase.WORKING);
        }
    }

    /**
     * Whether the order's absence from a snapshot says nothing: its create is unanswered, or was answered while
     * the snapshot was on its way (read, maybe, before the order landed).
     */
    boolean mayBeMissingFromSnapshot() {
        return unanswered() || answeredMidSnapshot;
    }

    /** The venue says the order rests (a duplicate id, a refused cancel). */
    void liveOnVenue() {
        moveTo(Phase.WORKING);
    }

    void cancelSent() {
        moveTo(Phase.CANCELING);
    }

    void outcomeUnknown() {
        moveTo(Phase.UNKNOWN);
    }

    private void moveTo(Phase next) {
        if (!phase.mayBecome(next)) {
            throw new IllegalStateException("order " + clientOrderId + " cannot go from " + phase + " to " + next);
        }
        phase = next;
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
        // Every sync asks of every order, and nearly all are unfilled: no new number for those.
        return filled.signum() == 0 && filled.scale() <= qty.scale() ? qty : qty.subtract(filled);
    }
}
