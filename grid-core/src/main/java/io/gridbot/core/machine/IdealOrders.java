package io.gridbot.core.machine;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.order.OrderKey;
import io.gridbot.core.order.Side;
import io.gridbot.core.risk.ExposureBudget;
import io.gridbot.core.risk.PositionLegs;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The ideal order set for one moment: exits for every open position, then entries on the
 * passive side of the price, nearest first, as far as the position limit allows. The list is in
 * release priority: exits first, then entries by distance to the price.
 */
final class IdealOrders {

    /** The ideal keys, and which entry lines the position limit held back. */
    record Result(List<OrderKey> keys, BitSet limitBlocked) {
    }

    private IdealOrders() {
    }

    /**
     * @param priceLinesBelow lines strictly below the price
     * @param priceOnLine     whether the price sits exactly on a line (that line gets no entry)
     * @param newEntriesAllowed false while entries are suspended (insufficient balance)
     * @param tracked         the grid's own position by its fills
     * @param venueShare      the venue's position less other grids', or {@code null}; the limit charges the larger
     *                        exposure
     */
    static Result compute(Slot[] slots, GridConfig config, int priceLinesBelow, boolean priceOnLine, long nowMs,
            boolean newEntriesAllowed, PositionLegs tracked, PositionLegs venueShare) {
        List<OrderKey> keys = new ArrayList<>(2 * slots.length);
        BigDecimal longOpen = BigDecimal.ZERO;
        BigDecimal shortOpen = BigDecimal.ZERO;
        // One-way neutral grids share one net position. An entry resting at or below a long level's exit
        // (for sells) could fill before that exit and leave it nothing to reduce; so sells wait above the
        // highest long exit and buys below the lowest short exit. The price passes those exits first anyway.
        // In hedge mode each leg has its own position and no entry takes from the other leg's exits.
        int highestLong = -2;
        int lowestShort = slots.length + 1;
        for (Slot slot : slots) {
            BigDecimal open = slot.openQty();
            if (open.signum() > 0) {
                if (slot.entrySide() == Side.BUY) {
                    longOpen = longOpen.add(open);
                    highestLong = Math.max(highestLong, slot.line);
                } else {
                    shortOpen = shortOpen.add(open);
                    lowestShort = Math.min(lowestShort, slot.line);
                }
                if (slot.entry == null) {
                    addExit(slot, nowMs, keys);
                }
            }
        }
        GridMode mode = config.mode();
        if (mode != GridMode.NEUTRAL || config.positionMode() == PositionMode.HEDGE) {
            highestLong = -2;
            lowestShort = slots.length + 1;
        }
        BitSet blocked = new BitSet(slots.length);
        List<OrderKey> sells = List.of();
        List<OrderKey> buys = List.of();
        if (mode != GridMode.LONG) {
            BigDecimal current = max(shortOpen, tracked.toward(Side.SELL),
                    venueShare == null ? null : venueShare.toward(Side.SELL));
            ExposureBudget budget = new ExposureBudget(Side.SELL, config.maxPosition(), current);
            int atPrice = priceOnLine ? priceLinesBelow : -1;
            int minLine = highestLong + 2;
            sells = entries(slots, config, Side.SELL, priceLinesBelow, slots.length, 1, atPrice, minLine, budget, nowMs,
                    newEntriesAllowed, blocked);
        }
        if (mode != GridMode.SHORT) {
            BigDecimal current = max(longOpen, tracked.toward(Side.BUY),
                    venueShare == null ? null : venueShare.toward(Side.BUY));
            ExposureBudget budget = new ExposureBudget(Side.BUY, config.maxPosition(), current);
            int atPrice = priceOnLine ? priceLinesBelow : -1;
            int first = priceOnLine ? priceLinesBelow : priceLinesBelow - 1;
            int maxLine = lowestShort - 2;
            buys = entries(slots, config, Side.BUY, first, -1, -1, atPrice, maxLine, budget, nowMs, newEntriesAllowed,
                    blocked);
        }
        mergeByDistance(sells, buys, keys);
        return new Result(keys, blocked);
    }

    private static void addExit(Slot slot, long nowMs, List<OrderKey> keys) {
        if (slot.exit != null) {
            // An exit larger than what is left to close (after netting) is cancelled and placed anew.
            if (slot.exit.countsAsLive() && slot.exit.remaining().compareTo(slot.openQty()) <= 0) {
                keys.add(slot.exit.key);
            }
            return; // a cancel is on its way: wait for it before placing anew
        }
        OrderKey key = slot.exitKey();
        if (key != null && nowMs >= slot.blockedUntilMs) {
            keys.add(key);
        }
    }

    /**
     * Walks lines from the price outward; {@code limitLine} is the nearest line an entry may use in a
     * one-way neutral grid holding the opposite leg. Entries already on the book are charged first, every one of
     * them, since any may fill before a cancel lands; a working one that no longer fits is cancelled. New
     * entries are then admitted nearest first while the budget allows. The line the price sits on, and any
     * line the price has passed, keeps its working entry (next in the queue, or filling) but gets no new
     * one: it would not rest strictly on the passive side.
     */
    private static List<OrderKey> entries(Slot[] slots, GridConfig config, Side side, int from, int to, int step,
            int atPriceLine, int limitLine, ExposureBudget budget, long nowMs, boolean newEntriesAllowed,
            BitSet blocked) {
        List<OrderKey> out = new ArrayList<>();
        for (int line = 0; line < slots.length; line++) {
            TrackedOrder entry = slots[line].entry;
            boolean passive = step > 0 ? line >= from : line <= from;
            if (entry != null && entry.key.side() == side && (!entry.countsAsLive() || !passive)) {
                budget.charge(entry.remaining());
                if (entry.countsAsLive()) {
                    // The price has passed a working entry: on the venue it has filled or is filling, and the
                    // market stream often beats the order stream. A cancel would only race its fill.
                    out.add(entry.key);
                }
            }
        }
        for (int line = from; line != to; line += step) {
            TrackedOrder entry = slots[line].entry;
            if (entry != null && entry.key.side() == side && entry.countsAsLive()) {
                if (step > 0 ? line < limitLine : line > limitLine) {
                    budget.charge(entry.remaining()); // leaves: cancelled, but may fill before that lands
                } else if (budget.tryCharge(entry.remaining())) {
                    out.add(entry.key);
                } else {
                    budget.charge(entry.remaining());
                    blocked.set(line);
                }
            }
        }
        boolean fits = true;
        for (int line = from; line != to && newEntriesAllowed; line += step) {
            Slot slot = slots[line];
            OrderKey key = slot.entryKey(side);
            if (key == null || line == atPriceLine || slot.entry != null || slot.exit != null
                    || slot.openQty().signum() > 0 || nowMs < slot.blockedUntilMs) {
                continue; // no line beyond for its exit, not strictly passive, busy, or cooling down
            }
            if (step > 0 ? line < limitLine : line > limitLine) {
                continue; // waits beyond the opposite leg's exits
            }
            // The budget only grows, so once one order of the grid's size does not fit, none further out does.
            if (fits && budget.tryCharge(config.orderQty())) {
                out.add(key);
            } else {
                fits = false;
                blocked.set(line);
            }
        }
        return out;
    }

    private static void mergeByDistance(List<OrderKey> sells, List<OrderKey> buys, List<OrderKey> into) {
        // Both lists run outward from the price; alternate so the nearest lines on either side go first.
        int i = 0;
        int j = 0;
        while (i < sells.size() || j < buys.size()) {
            if (i < sells.size()) {
                into.add(sells.get(i++));
            }
            if (j < buys.size()) {
                into.add(buys.get(j++));
            }
        }
    }

    private static BigDecimal max(BigDecimal a, BigDecimal b, BigDecimal c) {
        BigDecimal m = a;
        if (b != null && b.compareTo(m) > 0) {
            m = b;
        }
        if (c != null && c.compareTo(m) > 0) {
            m = c;
        }
        return m;
    }
}
