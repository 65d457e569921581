package io.gridbot.core.risk;

import io.gridbot.core.order.Side;
import java.math.BigDecimal;

/**
 * The position limit as a running budget for one direction: the worst case, the position already
 * held in that direction plus every resting entry that would add to it, may never exceed the cap. Exits
 * reduce the position and are never charged.
 */
public final class ExposureBudget {

    private final Side side;
    private final BigDecimal cap;
    private BigDecimal used;

    /**
     * @param side    the entry side this budget governs: BUY for long exposure, SELL for short
     * @param cap     the maximum position in that direction
     * @param current the position already held in that direction (a non-negative magnitude)
     */
    public ExposureBudget(Side side, BigDecimal cap, BigDecimal current) {
        this.side = side;
        this.cap = cap;
        this.used = current.max(BigDecimal.ZERO);
    }

    /** Charges the entry if it fits; false (nothing charged) when it would break the cap. */
    public boolean tryCharge(BigDecimal qty) {
        BigDecimal next = used.add(qty);
        if (next.compareTo(cap) > 0) {
            return false;
        }
        used = next;
        return true;
    }

    /** Charges exposure that exists whether or not it fits, such as an entry whose cancel is in flight. */
    public void charge(BigDecimal qty) {
        used = used.add(qty);
    }

    /** The worst-case position so far: held plus charged entries. */
    public BigDecimal worstCase() {
        return used;
    }

    public Side side() {
        return side;
    }

    public BigDecimal cap() {
        return cap;
    }
}
