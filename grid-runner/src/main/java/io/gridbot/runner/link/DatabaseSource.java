package io.gridbot.runner.link;

import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.config.StoredGrid;
import io.gridbot.runner.store.ControlRequests;
import io.gridbot.runner.web.grid.ConfigDocument;
import io.gridbot.runner.web.grid.ControlOutcome;
import io.gridbot.runner.web.grid.GridBoard;
import io.gridbot.runner.web.grid.GridRow;
import io.gridbot.runner.web.grid.GridSnapshot;
import io.gridbot.runner.web.grid.LiveGrids;
import io.gridbot.runner.web.grid.LogFilter;
import io.gridbot.runner.web.grid.LogPage;
import io.gridbot.runner.web.grid.StatisticsReport;
import io.gridbot.stats.metrics.Period;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The grids read from the database, through the dashboard's read model with no grid hosted here, and controls
 * left in the database for whichever daemon hosts the grid: what the commands do when no daemon answers.
 */
public final class DatabaseSource implements GridSource {

    private final Database db;
    private final GridBoard board;
    private final LongSupplier clock;
    private final String requestedBy;

    /**
     * @param db          the open database, closed with this source
     * @param clock       the time statistics are computed at and control waits are measured with
     * @param requestedBy who asks for controls, as the request records it
     */
    public DatabaseSource(Database db, LongSupplier clock, String requestedBy) {
        this.db = db;
        this.board = new GridBoard(db, LiveGrids.none(), clock);
        this.clock = clock;
        this.requestedBy = requestedBy;
    }

    @Override
    public String where() {
        return "the database";
    }

    @Override
    public List<GridRow> grids() {
        return board.rows();
    }

    @Override
    public Optional<GridSnapshot> grid(String name) {
        return board.grid(name).map(board::snapshot);
    }

    @Override
    public List<ConfigDocument> configs() {
        return board.configs();
    }

    @Override
    public Optional<ConfigDocument> config(String name) {
        return board.grid(name).map(board::config);
    }

    @Override
    public Optional<StatisticsReport> statistics(String name, Period period, BigDecimal capital, long untilMs) {
        return board.grid(name).map(g -> board.statistics(g, period, capital, untilMs));
    }

    @Override
    public Optional<LogPage> logs(String name, LogFilter filter) {
        return board.grid(name).map(g -> board.logs(g, filter));
    }

    @Override
    public Optional<ControlOutcome> control(String name, Control action, long waitMs, long runWaitMs)
            throws InterruptedException {
        Optional<StoredGrid> grid = board.grid(name);
        if (grid.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ControlOutcome.of(ControlRequests.send(db, grid.get().id(), action, requestedBy, waitMs,
                action == Control.START ? runWaitMs : waitMs, clock)));
    }

    @Override
    public void close() {
        db.close();
    }
}
