package io.gridbot.core.machine;

import io.gridbot.core.order.Side;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.config.PositionMode;
import java.math.BigDecimal;
import java.util.List;
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
                if (slot.entrySide() == Side.BUY) {
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
        longLeg.exitFilled(qty);
        shortLeg.exitFilled(qty);
        return "netted " + qty.toPlainString() + " long at line " + longLeg.line + " against short at line "
                + shortLeg.line + " (one-way position), realized "
                + shortAvg.subtract(longAvg).multiply(qty).stripTrailingZeros().toPlainString();
    }

    /**
     * In one-way mode the venue nets a neutral grid's long and short legs into one position. When the
     * venue refuses or ends a reduce-only exit for lack of position and both legs exist in the grid's
     * books, they are netted here too, pairwise, so that no exit waits to reduce a leg the venue no longer
     * holds (the spec README's honest handling of assumption 5). Only the venue's word triggers it: the
     * grid's own view may lag behind fills still on their way.
     */
    static void netAll(Grid g) {
        if (g.config.mode() != GridMode.NEUTRAL || g.config.positionMode() != PositionMode.ONE_WAY) {
            return;
        }
        Optional<OneWayNetting> netting = OneWayNetting.next(g.lines.slots());
        if (netting.isEmpty()) {
            return;
        }
        Slot longLeg = netting.get().longLeg();
        Slot shortLeg = netting.get().shortLeg();
        g.out.info(netting.get().apply());
        for (Slot leg : List.of(longLeg, shortLeg)) {
            g.lines.changed(leg.line);
            if (leg.openQty().signum() == 0 && leg.entry == null) {
                if (leg.exit != null) {
                    g.orders.requestCancel(leg.exit.clientOrderId);
                } else {
                    leg.reset();
                }
            }
        }
        netAll(g);
    }
}
