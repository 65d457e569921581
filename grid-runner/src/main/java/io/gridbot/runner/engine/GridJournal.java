package io.gridbot.runner.engine;

import io.gridbot.core.event.GridEvent;
import io.gridbot.core.level.Level;
import io.gridbot.core.log.LogEntry;
import io.gridbot.core.status.GridStatus;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.Intent;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.spacing.GridLadder;
import io.gridbot.core.stoploss.StopLossReport;

/**
 * Where an engine records what its grid does: the persistence module writes it behind (never blocking the
 * grid), the demo and replay keep it in memory. Methods are called on the grid's driver thread (fills
 * recovered from the venue's history too: the core books them); all must return quickly.
 */
public interface GridJournal {

    default void ladderBuilt(String grid, GridLadder ladder) {
    }

    default void levelChanged(String grid, Level level) {
    }

    default void fill(String grid, Fill fill) {
    }

    default void log(String grid, LogEntry entry) {
    }

    default void stopLoss(String grid, StopLossReport report) {
    }

    default void status(String grid, GridStatus from, GridStatus to, String reason) {
    }

    /** An order the grid sends at {@code atMs}; {@code intent} is {@code null} for protective stops and closes. */
    default void orderPlaced(String grid, OrderRequest request, Intent intent, int line, long atMs) {
    }

    /** The venue's word on one of the grid's orders. */
    default void orderChanged(String grid, GridEvent.OrderUpdate update) {
    }

    /** A journal that keeps nothing. */
    GridJournal NONE = new GridJournal() {
    };

    /** Both journals, first then second. */
    static GridJournal both(GridJournal first, GridJournal second) {
        return second == NONE ? first : new JournalPair(first, second);
    }
}
