package io.gridbot.core.level;

import io.gridbot.core.order.Side;
import java.math.BigDecimal;

/**
 * The position one grid line holds: the side of its entry and how much of the entry and of the exit have
 * filled. The one model of a line's position: the machine's working lines, restart reconciliation, the
 * recovery of missed fills and {@link Level#signedPosition()} all reason with it.
 *
 * @param entrySide   the side of the line's entry, {@code null} when it has none
 * @param entryFilled how much of the entry has filled, never {@code null}
 * @param exitFilled  how much of the exit has filled, never {@code null}
 */
public record LinePosition(Side entrySide, BigDecimal entryFilled, BigDecimal exitFilled) {

    /** A line with no entry and nothing filled. */
    public static final LinePosition NONE = new LinePosition(null, BigDecimal.ZERO, BigDecimal.ZERO);

    /** Missing quantities read as zero, as in a level saved before they were known. */
    public static LinePosition of(Side entrySide, BigDecimal entryFilled, BigDecimal exitFilled) {
        return new LinePosition(entrySide, entryFilled == null ? BigDecimal.ZERO : entryFilled,
                exitFilled == null ? BigDecimal.ZERO : exitFilled);
    }

    /** The open quantity: filled entry not yet closed by the exit. */
    public BigDecimal openQty() {
        if (exitFilled.signum() == 0 && exitFilled.scale() <= entryFilled.scale()) {
            return entryFilled; // what the subtraction gives, value and scale, without a new decimal
        }
        return entryFilled.subtract(exitFilled);
    }

    /** The position held, signed: positive long, negative short, zero without an entry side. */
    public BigDecimal signed() {
        if (entrySide == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal open = openQty();
        return entrySide == Side.BUY ? open : open.negate();
    }

    /** True when the entry filled more than the exit closed. */
    public boolean holds() {
        return openQty().signum() > 0;
    }

    public LinePosition withSide(Side side) {
        return new LinePosition(side, entryFilled, exitFilled);
    }

    public LinePosition withEntryFilled(BigDecimal qty) {
        return new LinePosition(entrySide, qty, exitFilled);
    }

    public LinePosition withExitFilled(BigDecimal qty) {
        return new LinePosition(entrySide, entryFilled, qty);
    }
}
