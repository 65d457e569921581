package io.gridbot.runner.engine;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.level.Level;
import io.gridbot.core.log.LogEntry;
import io.gridbot.core.order.Fill;
import io.gridbot.core.spacing.GridLadder;
import io.gridbot.core.status.GridStatus;
import io.gridbot.core.stoploss.StopLossReport;
import io.gridbot.stats.ledger.FundingPayment;

/**
 * Where an engine records what its grid does: the persistence module writes it behind (never blocking the
 * grid), the demo and replay keep it in memory. It stores the core's facts and decides nothing of its own: the
 * fills (recovered ones too: the core books them) and the order changes come out of the core as they are to be
 * recorded. Methods are called on the grid's driver thread; all must return quickly.
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

    /** An order the grid sends at {@code atMs}, with what it is for (a line's entry or exit, the stop, a close). */
    default void orderPlaced(String grid, GridCommand.PlaceOrder order, long atMs) {
    }

    /**
     * The venue's word on one of the grid's orders; applied only where it
     * {@link GridCommand.RecordOrderChange#advances advances} the order's record.
     */
    default void orderChanged(String grid, GridCommand.RecordOrderChange change) {
    }

    /**
     * A funding payment on the grid's position, received (positive) or paid, in {@code asset}. The core knows
     * nothing of funding: the shell that settles it on the venue (a replay) records it here, so it reaches the
     * statistics with the fills.
     */
    default void funding(String grid, FundingPayment payment, String asset) {
    }

    /** A journal that keeps nothing. */
    GridJournal NONE = new GridJournal() {
    };

    /** Both journals, first then second. */
    static GridJournal both(GridJournal first, GridJournal second) {
        return second == NONE ? first : new JournalPair(first, second);
    }
}
