package io.gridbot.runner.engine;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.level.Level;
import io.gridbot.core.log.LogEntry;
import io.gridbot.core.order.Fill;
import io.gridbot.core.spacing.GridLadder;
import io.gridbot.core.status.GridStatus;
import io.gridbot.core.stoploss.StopLossReport;
import io.gridbot.stats.ledger.FundingPayment;
import java.util.function.Consumer;

/** Two journals as one ({@link GridJournal#both}): every entry goes to the first, then to the second. */
record JournalPair(GridJournal first, GridJournal second) implements GridJournal {

    private void each(Consumer<GridJournal> entry) {
        entry.accept(first);
        entry.accept(second);
    }

    @Override
    public void ladderBuilt(String grid, GridLadder ladder) {
        each(j -> j.ladderBuilt(grid, ladder));
    }

    @Override
    public void levelChanged(String grid, Level level) {
        each(j -> j.levelChanged(grid, level));
    }

    @Override
    public void fill(String grid, Fill fill) {
        each(j -> j.fill(grid, fill));
    }

    @Override
    public void log(String grid, LogEntry entry) {
        each(j -> j.log(grid, entry));
    }

    @Override
    public void stopLoss(String grid, StopLossReport report) {
        each(j -> j.stopLoss(grid, report));
    }

    @Override
    public void status(String grid, GridStatus from, GridStatus to, String reason) {
        each(j -> j.status(grid, from, to, reason));
    }

    @Override
    public void orderPlaced(String grid, GridCommand.PlaceOrder order, long atMs) {
        each(j -> j.orderPlaced(grid, order, atMs));
    }

    @Override
    public void funding(String grid, FundingPayment payment, String asset) {
        each(j -> j.funding(grid, payment, asset));
    }

    @Override
    public void orderChanged(String grid, GridCommand.RecordOrderChange change) {
        each(j -> j.orderChanged(grid, change));
    }
}
