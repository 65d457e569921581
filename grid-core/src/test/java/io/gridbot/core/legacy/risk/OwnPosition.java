package io.gridbot.core.legacy.risk;

import java.math.BigDecimal;

/**
 * How much of the account's position a grid may close: its own, and never more than the venue holds in the
 * same direction. In one-way mode the venue nets every grid on a symbol into one position, so the venue's
 * whole net is never a grid's to close; a reduce-only close larger than the venue's position in that
 * direction would be refused, or would close what another grid holds.
 */
public final class OwnPosition {

    private OwnPosition() {
    }

    /**
     * The signed quantity to close: {@code own} limited to the venue's position when both point the same way,
     * zero when the venue holds nothing in the grid's direction.
     *
     * @param own      the grid's own signed position
     * @param venueNet the venue's signed net position, or {@code null} when it is not known yet
     */
    public static BigDecimal closable(BigDecimal own, BigDecimal venueNet) {
        if (venueNet == null || own.signum() == 0) {
            return own;
        }
        if (venueNet.signum() != own.signum()) {
            return BigDecimal.ZERO;
        }
        return own.abs().compareTo(venueNet.abs()) <= 0 ? own : venueNet;
    }
}
