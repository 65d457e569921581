package io.gridbot.exchange.sim;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One bracket of a symbol's maintenance-margin table: a position whose notional is at least {@code floor} and
 * below {@code cap} needs {@code notional × maintenanceRate − maintenanceAmount} of maintenance margin, and may
 * be opened at most at {@code maxLeverage}.
 *
 * @param floor             the smallest notional of the bracket, in the quote asset (inclusive)
 * @param cap               the notional where the next bracket starts (exclusive); {@code null} for the last
 * @param maxLeverage       the highest leverage a position of this size may use
 * @param maintenanceRate   the maintenance margin rate, as a fraction (0.004 = 0.4 %)
 * @param maintenanceAmount what the bracket takes off {@code notional × rate}, so the margin is continuous
 *                          where one bracket meets the next
 */
public record MarginTier(BigDecimal floor, BigDecimal cap, int maxLeverage, BigDecimal maintenanceRate,
        BigDecimal maintenanceAmount) {

    public MarginTier {
        Objects.requireNonNull(floor, "floor");
        Objects.requireNonNull(maintenanceRate, "maintenanceRate");
        Objects.requireNonNull(maintenanceAmount, "maintenanceAmount");
        if (cap != null && cap.compareTo(floor) <= 0) {
            throw new IllegalArgumentException("a margin tier's cap must be above its floor: " + floor + " to " + cap);
        }
        if (maxLeverage < 1 || maintenanceRate.signum() <= 0 || maintenanceRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("a margin tier needs a leverage of at least 1 and a rate between 0 and 1");
        }
    }

    /** Whether a position of this notional falls in the bracket. */
    public boolean holds(BigDecimal notional) {
        return notional.compareTo(floor) >= 0 && (cap == null || notional.compareTo(cap) < 0);
    }

    /** The maintenance margin of a position of this notional, by this bracket's rate and amount. */
    public BigDecimal maintenanceMargin(BigDecimal notional) {
        return notional.multiply(maintenanceRate).subtract(maintenanceAmount);
    }
}
