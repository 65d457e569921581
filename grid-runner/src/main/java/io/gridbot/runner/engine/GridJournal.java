package io.gridbot.runner.engine;

import io.gridbot.core.level.Level;
import io.gridbot.core.log.LogEntry;
import io.gridbot.core.machine.GridStatus;
import io.gridbot.core.order.Fill;
import io.gridbot.core.spacing.GridLadder;
import io.gridbot.core.stoploss.StopLossReport;

/**
 * Where an engine records what its grid does: the persistence module writes it behind (never blocking the
 * grid), the demo and replay keep it in memory. Every method is called on the grid's driver thread and must
 * return quickly.
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

    /** A journal that keeps nothing. */
    GridJournal NONE = new GridJournal() {
    };
}
