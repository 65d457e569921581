package io.gridbot.core.machine;

import io.gridbot.core.level.Level;
import io.gridbot.core.level.LevelState;
import io.gridbot.core.level.LinePosition;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Intent;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderKey;
import io.gridbot.core.order.Side;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The machine's mutable state of one grid line: its entry and exit orders and the position it holds.
 * The public view of it is {@link Level}.
 */
final class Slot {

    final int line;
    final int levelIndex;
    final BigDecimal price;
    /** Keys of this line's possible orders, built once: the sync compares them on every pass. */
    final OrderKey buyEntryKey;
    final OrderKey sellEntryKey;
    final OrderKey buyExitKey;
    final OrderKey sellExitKey;

    /** The line's position: its entry side and the entry and exit quantities filled. */
    LinePosition position = LinePosition.NONE;
    long orderSeq;
    TrackedOrder entry;
    TrackedOrder exit;
    String lastEntryClientId;
    String lastEntryOrderId;
    BigDecimal entryNotional = BigDecimal.ZERO;
    long blockedUntilMs;
    /** False while the position's entry price is only assumed to be the line's (its fills were not seen). */
    boolean entryPriceKnown;
    /**
     * The entry's side and the exit's id the saved level had working, until the first reconciliation finds
     * what still rests: an order gone from the venue since filled while no process listened.
     */
    Side savedEntrySide;
    String savedExitId;

    /**
     * @param belowPrice the price of the line below, or {@code null} for the lowest line
     * @param abovePrice the price of the line above, or {@code null} for the highest line
     */
    Slot(int line, int levelIndex, BigDecimal price, BigDecimal belowPrice, BigDecimal abovePrice) {
        this.line = line;
        this.levelIndex = levelIndex;
        this.price = price;
        this.buyEntryKey = abovePrice == null ? null : new OrderKey(Intent.ENTRY, Side.BUY, price, line);
        this.sellEntryKey = belowPrice == null ? null : new OrderKey(Intent.ENTRY, Side.SELL, price, line);
        this.sellExitKey = abovePrice == null ? null : new OrderKey(Intent.EXIT, Side.SELL, abovePrice, line);
        this.buyExitKey = belowPrice == null ? null : new OrderKey(Intent.EXIT, Side.BUY, belowPrice, line);
    }

    /**
     * The earliest moment a time-based rule changes what the sync would do: a line's cool-down, a partial
     * fill's limit, or one of the grid's own deadlines still ahead.
     */
    static long earliestWake(Slot[] slots, long nowMs, long partialFillTimeoutMs, long... deadlines) {
        long wake = Long.MAX_VALUE;
        for (Slot slot : slots) {
            if (slot.blockedUntilMs > nowMs) {
                wake = Math.min(wake, slot.blockedUntilMs);
            }
            if (slot.entry != null && slot.entry.firstFillAtMs >= 0) {
                wake = Math.min(wake, slot.entry.firstFillAtMs + partialFillTimeoutMs);
            }
        }
        for (long at : deadlines) {
            if (at > nowMs) {
                wake = Math.min(wake, at);
            }
        }
        return wake;
    }

    /** The open quantity: filled entry not yet closed by the exit. */
    BigDecimal openQty() {
        return position.openQty();
    }

    Side entrySide() {
        return position.entrySide();
    }

    BigDecimal signedPosition() {
        return position.signed();
    }

    /** Books {@code qty} more of the entry at {@code price}. */
    void entryFilled(BigDecimal qty, BigDecimal price) {
        entryPriceKnown = position.entryFilled().signum() == 0 || entryPriceKnown;
        position = position.withEntryFilled(position.entryFilled().add(qty));
        entryNotional = entryNotional.add(price.multiply(qty));
    }

    /** Books {@code qty} more of the exit (or of a netting that closed part of the position). */
    void exitFilled(BigDecimal qty) {
        position = position.withExitFilled(position.exitFilled().add(qty));
    }

    /** An exit that filled more than the line held: the surplus is left to reconciliation. */
    void capExitAtEntry() {
        position = position.withExitFilled(position.entryFilled());
    }

    LevelState state() {
        if (entry != null) {
            return LevelState.ENTRY_WORKING;
        }
        if (exit != null) {
            return LevelState.EXIT_WORKING;
        }
        return openQty().signum() > 0 ? LevelState.POSITION_OPEN : LevelState.IDLE;
    }

    OrderKey entryKey(Side side) {
        return side == Side.BUY ? buyEntryKey : sellEntryKey;
    }

    /** The key of the exit that closes this slot's position, {@code null} when no line lies beyond. */
    OrderKey exitKey() {
        return position.entrySide() == Side.BUY ? sellExitKey : buyExitKey;
    }

    BigDecimal entryAvgPrice() {
        BigDecimal filled = position.entryFilled();
        return filled.signum() == 0 ? null : entryNotional.divide(filled, MathContext.DECIMAL64);
    }

    /** Back to idle after a completed round trip or a stop; the order counter survives. */
    void reset() {
        position = LinePosition.NONE;
        entry = null;
        exit = null;
        entryNotional = BigDecimal.ZERO;
        entryPriceKnown = false;
    }

    Level toLevel() {
        return new Level(line, levelIndex, price, state(), position.entrySide(), orderSeq,
                entry != null ? entry.clientOrderId : lastEntryClientId,
                entry != null ? entry.exchangeOrderId : lastEntryOrderId,
                exit != null ? exit.clientOrderId : null,
                exit != null ? exit.exchangeOrderId : null,
                position.entryFilled(), entryPriceKnown ? entryAvgPrice() : null, position.exitFilled(),
                blockedUntilMs);
    }

    /** Attaches the venue's resting entry after a reconciliation; a partial fill starts its clock at {@code firstFillAtMs}. */
    void attachEntry(OpenOrder order, long firstFillAtMs) {
        position = position.withSide(order.side());
        TrackedOrder t = new TrackedOrder(order.clientOrderId(), entryKey(order.side()), order.origQty(),
                TrackedOrder.Phase.WORKING);
        t.filled = order.filledQty();
        t.exchangeOrderId = order.exchangeOrderId();
        if (t.filled.signum() > 0) {
            t.firstFillAtMs = firstFillAtMs;
            BigDecimal known = position.entryFilled();
            if (known.compareTo(t.filled) < 0) {
                entryNotional = entryNotional.add(price.multiply(t.filled.subtract(known)));
                position = position.withEntryFilled(t.filled);
            }
        }
        entry = t;
    }

    /**
     * Takes back a create still in flight after a reconciliation, if the slot still wants it: an entry for an
     * idle slot, an exit for the position it holds. False when its level moved on.
     */
    boolean carryOver(TrackedOrder order) {
        boolean isEntry = order.key.intent() == Intent.ENTRY;
        boolean fits = isEntry ? entry == null && exit == null && openQty().signum() == 0
                : exit == null && entry == null && openQty().signum() > 0 && entrySide() == order.key.side().opposite();
        if (!fits) {
            return false;
        }
        if (isEntry) {
            position = position.withSide(order.key.side());
            ClientOrderId.parse(order.clientOrderId).ifPresent(p -> orderSeq = Math.max(orderSeq, p.seq()));
            entry = order;
        } else {
            exit = order;
        }
        return true;
    }

    /** Attaches the venue's resting exit; reconciliation counts its fills in the closed quantity already. */
    void attachExit(OpenOrder order) {
        TrackedOrder t = new TrackedOrder(order.clientOrderId(), exitKey(), order.origQty(), TrackedOrder.Phase.WORKING);
        t.filled = order.filledQty();
        t.exchangeOrderId = order.exchangeOrderId();
        exit = t;
    }

    /**
     * The position's entry price from its executions found in the venue's history, when it was only assumed
     * to be the line's, or when the history shows the line closed and entered again unseen; true when it changed.
     */
    boolean repriceEntry(Side side, BigDecimal avgPrice, boolean rebased) {
        if ((entryPriceKnown && !rebased) || entrySide() != side || openQty().signum() <= 0) {
            return false;
        }
        entryNotional = avgPrice.multiply(position.entryFilled());
        entryPriceKnown = true;
        return true;
    }

    /** Restores a saved level, and which of its orders were working when it was saved. */
    void restoreSaved(Level level) {
        restoreFrom(level);
        savedEntrySide = level.state() == LevelState.ENTRY_WORKING ? level.entrySide() : null;
        savedExitId = level.state() == LevelState.EXIT_WORKING ? level.exitClientId() : null;
    }

    /** Restores the position-bearing part of a persisted level; orders are re-attached from the venue. */
    void restoreFrom(Level level) {
        orderSeq = level.orderSeq();
        lastEntryClientId = level.entryClientId();
        lastEntryOrderId = level.entryOrderId();
        blockedUntilMs = level.blockedUntilMs();
        level.heldPosition().ifPresent(saved -> {
            position = saved;
            BigDecimal avg = level.entryAvgPrice() != null ? level.entryAvgPrice() : price;
            entryNotional = avg.multiply(saved.entryFilled());
            entryPriceKnown = level.entryAvgPrice() != null;
        });
    }
}
