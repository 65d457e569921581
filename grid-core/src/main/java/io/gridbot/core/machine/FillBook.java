package io.gridbot.core.machine;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.event.GridEvent.ExecutionsRecovered;
import io.gridbot.core.event.GridEvent.OrderUpdate;
import io.gridbot.core.log.LogType;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.reconcile.FillRecovery;
import io.gridbot.core.risk.PositionLegs;
import java.math.BigDecimal;
import java.util.List;

/**
 * The fill book: every fill the grid learns of, live or recovered from the venue's history, booked once
 * into the position the grid holds and handed to the ledger as a {@link Fill}.
 */
final class FillBook {

    private final Grid g;
    private final FillRecovery recovery;
    private PositionLegs position = PositionLegs.FLAT;

    FillBook(Grid g) {
        this.g = g;
        this.recovery = new FillRecovery(g.owner);
    }

    /** The grid's own position as its fills tell it, per leg in hedge mode. */
    PositionLegs legs() {
        return position;
    }

    /** The grid's own net position as its fills tell it. */
    BigDecimal position() {
        return position.net();
    }

    /** The position as reconciliation or a flattening's snapshot settled it. */
    void settle(PositionLegs legs) {
        position = legs;
    }

    /** The entry prices exits are measured from when their fills are recovered later. */
    void baseline(List<io.gridbot.core.level.Level> levels) {
        recovery.baseline(g.lines.ladder(), levels);
    }

    /** A fill of a line's entry or exit. */
    void bookLine(Slot slot, TrackedOrder order, BigDecimal qty, BigDecimal price, BigDecimal fee, OrderUpdate u) {
        boolean entry = order == slot.entry;
        Side side = order.key.side();
        BigDecimal realized = BigDecimal.ZERO;
        if (entry) {
            slot.entryFilled(qty, price);
            if (order.firstFillAtMs < 0) {
                order.firstFillAtMs = g.nowMs();
            }
        } else {
            BigDecimal avg = slot.entryAvgPrice() != null ? slot.entryAvgPrice() : slot.price;
            realized = price.subtract(avg).multiply(qty);
            if (slot.entrySide() == Side.SELL) {
                realized = realized.negate();
            }
            slot.exitFilled(qty);
        }
        position = position.plus(g.config.positionMode().leg(slot.entrySide()), side == Side.BUY ? qty : qty.negate());
        if (slot.openQty().signum() < 0) {
            g.out.record(LogType.WARN, "exit filled more than its level held; the surplus is left to reconciliation",
                    order.clientOrderId, slot.line);
            slot.capExitAtEntry();
        }
        ClientOrderId.Kind kind = entry ? ClientOrderId.Kind.ENTRY : ClientOrderId.Kind.EXIT;
        Fill fill = new Fill(u.atMs(), order.clientOrderId, order.exchangeOrderId, u.tradeId(), kind, side, slot.line,
                price, qty, fee, u.feeAsset(), realized);
        recovery.bookedLive(fill);
        g.out.add(new GridCommand.RecordFill(fill));
        g.out.record(LogType.FILL, kind.name().toLowerCase() + " " + side.name().toLowerCase() + " filled "
                + qty.toPlainString() + " @ " + price.toPlainString() + " (" + order.filled.toPlainString() + " of "
                + order.qty.toPlainString() + ")" + (entry ? "" : ", realized " + realized.stripTrailingZeros().toPlainString()),
                order.clientOrderId, slot.line);
        g.lines.changed(slot.line);
    }

    /** A fill of an order that belongs to no line (the protective stop, a close): it realizes nothing here. */
    void bookOffGrid(ClientOrderId.Kind kind, String clientOrderId, String exchangeOrderId, PositionSide leg, Side side,
            BigDecimal price, BigDecimal qty, OrderUpdate u) {
        position = position.plus(leg, side == Side.BUY ? qty : qty.negate());
        Fill fill = new Fill(u.atMs(), clientOrderId, exchangeOrderId, u.tradeId(), kind, side, -1, price, qty,
                nz(u.fee()), u.feeAsset(), BigDecimal.ZERO);
        recovery.bookedLive(fill);
        g.out.add(new GridCommand.RecordFill(fill));
    }

    /** Executions the grid missed, read from the venue's history: booked as the live path would have. */
    void onRecovered(ExecutionsRecovered r) {
        FillRecovery.Booked booked = recovery.book(r.executions());
        List<Fill> fills = booked.fills();
        fills.forEach(fill -> g.out.add(new GridCommand.RecordFill(fill)));
        // A position whose entry fills were not seen was priced at its line, or at an entry since closed unseen;
        // its executions tell the truth.
        Slot[] slots = g.lines.slots();
        booked.entryPrices().forEach((line, entry) -> {
            if (line < slots.length && slots[line].repriceEntry(entry.side(), entry.avgPrice(), entry.rebased())) {
                g.lines.changed(line);
            }
        });
        if (!fills.isEmpty()) {
            g.out.info(FillRecovery.describe(fills.size()));
        }
    }

    static BigDecimal nz(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
