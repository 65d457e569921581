package io.gridbot.core.level;

import io.gridbot.core.order.Side;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A snapshot of one grid level (the spec's {@code GridLevel} entity): its line, state, orders and the
 * position it holds. Persisted by the shell so that a restart knows which line each position belongs to.
 *
 * @param line            line index, 0 at the lowest line
 * @param levelIndex      index relative to the centre line, as users see it
 * @param price           the line's price
 * @param state           idle, entry working, position open or exit working
 * @param entrySide       the side of the level's current entry, {@code null} when idle
 * @param orderSeq        how many orders this level has placed; the last one's number is in its client id
 * @param entryClientId   the live or last entry's client id, or {@code null}
 * @param entryOrderId    the venue's id of that entry, or {@code null}
 * @param exitClientId    the live exit's client id, or {@code null}
 * @param exitOrderId     the venue's id of that exit, or {@code null}
 * @param entryFilledQty  how much of the entry has filled
 * @param entryAvgPrice   the average fill price of the entry, or {@code null} before any fill and while it is not
 *                        known (a position adopted from the venue, or filled while no process listened, is
 *                        assumed to have opened at its line until the venue's history tells its price)
 * @param exitFilledQty   how much of the exit has filled
 * @param blockedUntilMs  the end of a cool-down, 0 when none
 */
public record Level(
        int line,
        int levelIndex,
        BigDecimal price,
        LevelState state,
        Side entrySide,
        long orderSeq,
        String entryClientId,
        String entryOrderId,
        String exitClientId,
        String exitOrderId,
        BigDecimal entryFilledQty,
        BigDecimal entryAvgPrice,
        BigDecimal exitFilledQty,
        long blockedUntilMs) {

    /** The position this level holds now, signed: positive long, negative short. */
    public BigDecimal signedPosition() {
        return new LinePosition(entrySide, entryFilledQty, exitFilledQty).signed();
    }

    /** The position as saved, missing quantities read as zero. */
    public LinePosition position() {
        return LinePosition.of(entrySide, entryFilledQty, exitFilledQty);
    }

    /** The saved position, when the level knows its entry side and holds more than its exit closed. */
    public Optional<LinePosition> heldPosition() {
        LinePosition saved = position();
        return saved.entrySide() != null && saved.holds() ? Optional.of(saved) : Optional.empty();
    }
}
