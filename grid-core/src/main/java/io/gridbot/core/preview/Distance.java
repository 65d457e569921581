package io.gridbot.core.preview;

import java.math.BigDecimal;

/**
 * How far a price the grid cares about is from the current price: signed, positive above it.
 *
 * @param mark    which price
 * @param target  that price
 * @param amount  target − current price
 * @param percent the same as a percentage of the current price
 */
public record Distance(Mark mark, BigDecimal target, BigDecimal amount, BigDecimal percent) {

    /** The prices measured, lowest first. */
    public enum Mark {
        LOWER_STOP, LOWER_EDGE, UPPER_EDGE, UPPER_STOP
    }
}
