package io.gridbot.core.reconcile;

import io.gridbot.core.config.GridMode;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.level.LinePosition;
import io.gridbot.core.order.Intent;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.spacing.GridLadder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Makes the planned lines' positions add up to the venue's position, leg by leg in hedge mode: the lines whose exit
 * vanished are released, claims the venue does not show are released, and a position no line explains is adopted
 * by the lines whose entry vanished, then by idle lines nearest the price.
 */
final class PositionSettlement {

    private final GridLadder ladder;
    private final GridMode mode;
    private final PositionMode positionMode;
    private final BigDecimal orderQty;
    private final List<ReconciliationPlan.Attachment> attachments;
    private final List<OpenOrder> orphans;
    private final List<String> notes;

    PositionSettlement(GridLadder ladder, GridMode mode, PositionMode positionMode, BigDecimal orderQty,
            List<ReconciliationPlan.Attachment> attachments, List<OpenOrder> orphans, List<String> notes) {
        this.ladder = ladder;
        this.mode = mode;
        this.positionMode = positionMode;
        this.orderQty = orderQty;
        this.attachments = attachments;
        this.orphans = orphans;
        this.notes = notes;
    }

    static boolean modeAllows(GridMode mode, Side entrySide) {
        return switch (mode) {
            case SHORT -> entrySide == Side.SELL;
            case LONG -> entrySide == Side.BUY;
            case NEUTRAL -> true;
        };
    }

    /**
     * Settles one leg: the lines whose positions sit on {@code leg} (every line in one-way mode) against
     * {@code venueQty}, the venue's signed quantity on that leg less other grids' share.
     */
    void settle(PlannedLine[] work, PositionSide leg, BigDecimal venueQty, BigDecimal price) {
        BigDecimal explained = BigDecimal.ZERO;
        for (PlannedLine w : work) {
            if (!onLeg(w, leg)) {
                continue;
            }
            if (w.exitVanished && !w.hasExit && !w.hasEntry && w.openQty().signum() > 0) {
                // Its exit filled while no one listened. The total cannot tell: another line's entry filled unseen
                // may make up the same amount, and that line then adopts it below instead of this one keeping it.
                notes.add("line " + w.line + ": its exit filled while the grid was down; "
                        + w.openQty().toPlainString() + " of its position is no longer on the venue");
                w.clearPosition();
                continue;
            }
            explained = explained.add(w.position.signed());
        }
        BigDecimal residual = venueQty.subtract(explained);
        if (residual.signum() == 0) {
            return;
        }
        // Levels claim exposure the venue does not show: exits filled while we were away, or (one-way
        // neutral) legs the venue netted. Release the claims without a live order first (one whose exit
        // vanished is released above unless it works an entry), then those with an exit, then partly filled
        // entries; farthest from the price first within each.
        Side excessSide = residual.signum() < 0 ? Side.BUY : Side.SELL;
        BigDecimal excess = residual.abs();
        List<PlannedLine> claims = new ArrayList<>();
        for (PlannedLine w : work) {
            if (w.entrySide() == excessSide && w.openQty().signum() > 0 && onLeg(w, leg)) {
                claims.add(w);
            }
        }
        claims.sort(Comparator.comparing((PlannedLine w) -> w.hasEntry ? 3 : w.hasExit ? 2 : w.exitVanished ? 0 : 1)
                .thenComparing((PlannedLine w) -> price == null ? BigDecimal.ZERO
                        : ladder.price(w.line).subtract(price).abs(), Comparator.reverseOrder()));
        for (PlannedLine w : claims) {
            if (excess.signum() == 0) {
                break;
            }
            BigDecimal cut = excess.min(w.openQty());
            w.position = w.position.withExitFilled(w.position.exitFilled().add(cut));
            excess = excess.subtract(cut);
            notes.add("line " + w.line + ": " + cut.toPlainString()
                    + " of its position is no longer on the venue (exit filled while the grid was down)");
            if (w.hasExit) {
                // Its exit is now larger than the position: cancel it so the sync places the right size.
                attachments.removeIf(a -> {
                    boolean match = a.line() == w.line && a.intent() == Intent.EXIT;
                    if (match) {
                        orphans.add(a.order());
                    }
                    return match;
                });
                w.hasExit = false;
            }
            if (w.openQty().signum() == 0 && !w.hasEntry) {
                w.clearPosition();
            }
        }
        if (excess.signum() == 0) {
            return;
        }
        Side adoptSide = residual.signum() < 0 ? Side.SELL : Side.BUY;
        if (excessSide == adoptSide || positionMode.leg(adoptSide) != leg) {
            return;
        }
        adopt(work, adoptSide, excess, price);
    }

    private boolean onLeg(PlannedLine w, PositionSide leg) {
        return leg == PositionSide.BOTH || (w.entrySide() != null && positionMode.leg(w.entrySide()) == leg);
    }

    /**
     * Gives an unexplained position to the lines whose entry of that side vanished from the venue (it filled
     * while no one listened), then to the idle lines that would have opened it, nearest the price first. Its
     * price stays unknown, assumed to be the line's, until the venue's history tells it.
     */
    private void adopt(PlannedLine[] work, Side side, BigDecimal qty, BigDecimal price) {
        if (!modeAllows(mode, side)) {
            notes.add("the venue holds a " + (side == Side.BUY ? "long" : "short") + " position of "
                    + qty.toPlainString() + " that a " + mode.name().toLowerCase()
                    + " grid cannot hold: close it by hand or stop the grid");
            return;
        }
        BigDecimal left = qty;
        for (PlannedLine w : work) {
            boolean open = w.position.exitFilled().signum() == 0 && (w.entrySide() == null || w.entrySide() == side);
            if (left.signum() > 0 && w.vanishedEntrySide == side && open && !w.hasEntry && !w.hasExit) {
                BigDecimal take = left.min(orderQty.subtract(w.position.entryFilled()).max(BigDecimal.ZERO));
                if (take.signum() > 0) {
                    w.position = new LinePosition(side, w.position.entryFilled().add(take), BigDecimal.ZERO);
                    w.entryAvg = null;
                    left = left.subtract(take);
                    notes.add("line " + w.line + ": its entry filled " + take.toPlainString()
                            + " while the grid was away");
                }
            }
        }
        List<PlannedLine> candidates = new ArrayList<>();
        for (PlannedLine w : work) {
            boolean exitLineExists = side == Side.SELL ? w.line > 0 : w.line < work.length - 1;
            if (exitLineExists && !w.hasEntry && !w.hasExit && w.openQty().signum() == 0) {
                candidates.add(w);
            }
        }
        BigDecimal ref = price != null ? price : ladder.price(ladder.centreLine());
        // Lines whose exit would rest on the passive side come first, nearest to the price: their exits
        // wait in the book instead of crossing it at once.
        candidates.sort(Comparator.comparing((PlannedLine w) -> {
            BigDecimal exit = ladder.price(side == Side.SELL ? w.line - 1 : w.line + 1);
            boolean passive = side == Side.SELL ? exit.compareTo(ref) < 0 : exit.compareTo(ref) > 0;
            return passive ? 0 : 1;
        }).thenComparing(w -> ladder.price(w.line).subtract(ref).abs()));
        for (PlannedLine w : candidates) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal take = left.min(orderQty);
            w.position = new LinePosition(side, take, BigDecimal.ZERO);
            w.entryAvg = null;
            w.orderSeq++;
            left = left.subtract(take);
            notes.add("line " + w.line + " adopts " + take.toPlainString()
                    + " of the venue's position, priced at its line");
        }
        if (left.signum() > 0) {
            notes.add(left.toPlainString() + " of the venue's position exceeds what the grid's lines can hold");
        }
    }
}
