package io.gridbot.core.preview;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One bracket of a venue's maintenance-margin table: a position whose notional is at least {@code floor} and
 * below {@code cap} needs {@code notional × rate − amount} of maintenance margin.
 *
 * @param floor  the smallest notional of the bracket, in the quote asset (inclusive)
 * @param cap    the notional where the next bracket starts (exclusive); {@code null} for the last
 * @param rate   the maintenance margin rate as a fraction (0.004 is 0.4 %)
 * @param amount the maintenance amount the bracket takes off, so the margin is continuous between brackets
 */
public record MarginTier(BigDecimal floor, BigDecimal cap, BigDecimal rate, BigDecimal amount) {

    public MarginTier {
        Objects.requireNonNull(floor, "floor");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(amount, "amount");
        if (rate.signum() <= 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("a maintenance rate is a fraction above 0 and below 1, was " + rate);
        }
        if (cap != null && cap.compareTo(floor) <= 0) {
            throw new IllegalArgumentException("a margin tier's cap must be above its floor: " + floor + " to " + cap);
        }
    }

    /** The maintenance margin of a position of this notional by this bracket: notional × rate − amount. */
    public BigDecimal maintenanceMargin(BigDecimal notional) {
        return notional.multiply(rate).subtract(amount);
    }

    /** Whether a position of this notional falls in the bracket. */
    public boolean holds(BigDecimal notional) {
        return notional.compareTo(floor) >= 0 && (cap == null || notional.compareTo(cap) < 0);
    }
}
