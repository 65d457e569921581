package io.gridbot.runner.replay;

import io.gridbot.exchange.replay.FundingRate;
import io.gridbot.exchange.replay.FundingSchedule;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.runner.engine.GridJournal;
import io.gridbot.stats.ledger.FundingPayment;
import java.math.BigDecimal;

/**
 * A replay's funding: as the virtual clock passes each funding time of the schedule, the venue settles it on
 * the open position at the last price ({@code position × price × rate}, a long paying when the rate is
 * positive) and the payment goes to the grid's journal, where the statistics take it from, as they take the
 * fills. Funding times before the first trade are not the grid's and are skipped.
 */
final class ReplayFunding {

    private final SimulatedExchange venue;
    private final String symbol;
    private final String grid;
    private final String asset;
    private final GridJournal journal;
    private final FundingSchedule.Cursor due;

    ReplayFunding(FundingSchedule schedule, long startMs, SimulatedExchange venue, String symbol, String grid,
            String asset, GridJournal journal) {
        this.venue = venue;
        this.symbol = symbol;
        this.grid = grid;
        this.asset = asset;
        this.journal = journal;
        this.due = schedule.cursor().from(startMs);
    }

    /** Settles every funding time up to {@code atMs}, before the trade at that time is played. */
    void settleBy(long atMs) {
        for (FundingRate r = due.dueBy(atMs); r != null; r = due.dueBy(atMs)) {
            BigDecimal received = venue.settleFunding(symbol, r.rate(), r.atMs());
            if (received != null) {
                journal.funding(grid, new FundingPayment(r.atMs(), received), asset);
            }
        }
    }
}
