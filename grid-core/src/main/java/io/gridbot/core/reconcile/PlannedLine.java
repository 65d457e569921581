package io.gridbot.core.reconcile;

import io.gridbot.core.level.Level;
import io.gridbot.core.level.LevelState;
import io.gridbot.core.level.LinePosition;
import io.gridbot.core.order.Side;
import io.gridbot.core.spacing.GridLadder;
import java.math.BigDecimal;

/** One line while a reconciliation is planned: its position, the orders found for it, and its counters. */
final class PlannedLine {

    final int line;
    LinePosition position = LinePosition.NONE;
    BigDecimal entryAvg;
    long orderSeq;
    String lastEntryClientId;
    String lastEntryOrderId;
    long blockedUntilMs;
    boolean hasEntry;
    boolean hasExit;
    /** The line's exit, saved as working, is gone from the venue though nothing of ours ended it. */
    boolean exitVanished;
    /** The side of the line's entry saved as working and gone from the venue so; {@code null} when none is. */
    Side vanishedEntrySide;

    PlannedLine(int line) {
        this.line = line;
    }

    void restore(Level level) {
        orderSeq = level.orderSeq();
        lastEntryClientId = level.entryClientId();
        lastEntryOrderId = level.entryOrderId();
        blockedUntilMs = level.blockedUntilMs();
        level.heldPosition().ifPresent(saved -> {
            position = saved;
            entryAvg = level.entryAvgPrice();
        });
    }

    Side entrySide() {
        return position.entrySide();
    }

    BigDecimal openQty() {
        return position.openQty();
    }

    void clearPosition() {
        position = LinePosition.NONE;
        entryAvg = null;
    }

    Level toLevel(GridLadder ladder) {
        LevelState state = hasEntry ? LevelState.ENTRY_WORKING
                : hasExit ? LevelState.EXIT_WORKING
                : openQty().signum() > 0 ? LevelState.POSITION_OPEN : LevelState.IDLE;
        Side side = state == LevelState.IDLE ? null : position.entrySide();
        return new Level(line, ladder.levelIndex(line), ladder.price(line), state, side, orderSeq, lastEntryClientId,
                lastEntryOrderId, null, null, side == null ? BigDecimal.ZERO : position.entryFilled(),
                side == null ? null : entryAvg, side == null ? BigDecimal.ZERO : position.exitFilled(), blockedUntilMs);
    }
}
