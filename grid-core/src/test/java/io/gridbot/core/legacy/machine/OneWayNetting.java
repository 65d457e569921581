package io.gridbot.core.legacy.machine;

import io.gridbot.core.order.Side;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * One pair of a neutral grid's legs that the venue nets in one-way mode: the highest long against the
 * lowest short, for the smaller of their open quantities.
 */
record OneWayNetting(Slot longLeg, Slot shortLeg, BigDecimal qty) {

    /** The next pair to net, if the grid holds both a long and a short leg. */
    static Optional<OneWayNetting> next(Slot[] slots) {
        Slot longLeg = null;
        Slot shortLeg = null;
        for (Slot slot : slots) {
            if (slot.openQty().signum() > 0) {
                if (slot.entrySide == Side.BUY) {
                    longLeg = slot; // the highest long
                } else if (shortLeg == null) {
                    shortLeg = slot; // the lowest short
                }
            }
        }
        if (longLeg == null || shortLeg == null) {
            return Optional.empty();
        }
        return Optional.of(new OneWayNetting(longLeg, shortLeg, longLeg.openQty().min(shortLeg.openQty())));
    }

    /** Closes the netted quantity on both legs; returns what to log. */
    String apply() {
        BigDecimal longAvg = longLeg.entryAvgPrice() != null ? longLeg.entryAvgPrice() : longLeg.price;
        BigDecimal shortAvg = shortLeg.entryAvgPrice() != null ? shortLeg.entryAvgPrice() : shortLeg.price;
        longLeg.exitFilled = longLeg.exitFilled.add(qty);
        shortLeg.exitFilled = shortLeg.exitFilled.add(qty);
        return "netted " + qty.toPlainString() + " long at level " + longLeg.levelIndex + " against short at level "
                + shortLeg.levelIndex + " (one-way position), realized "
                + shortAvg.subtract(longAvg).multiply(qty).stripTrailingZeros().toPlainString();
    }
}
