package io.gridbot.runner.link;

import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.runner.web.grid.ConfigDocument;
import io.gridbot.runner.web.grid.ControlOutcome;
import io.gridbot.runner.web.grid.GridRow;
import io.gridbot.runner.web.grid.GridSnapshot;
import io.gridbot.runner.web.grid.LogFilter;
import io.gridbot.runner.web.grid.LogPage;
import io.gridbot.runner.web.grid.StatisticsReport;
import io.gridbot.stats.metrics.Period;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Where the command line reads its grids and sends their controls: a running daemon's API ({@link DaemonApi}) or
 * the database ({@link DatabaseSource}). Both answer with the documents the API serves, so what a command prints
 * is the same whichever answered. A grid that does not exist is an empty answer.
 */
public interface GridSource extends AutoCloseable {

    /** Who answers, for the user: "the daemon at …" or "the database". */
    String where();

    /** The grid list, as {@code GET /api/grids}. */
    List<GridRow> grids();

    /** One grid's picture, as {@code GET /api/grids/{name}}. */
    Optional<GridSnapshot> grid(String name);

    /** Every stored configuration, as {@code GET /api/configs}. */
    List<ConfigDocument> configs();

    /** One grid's configuration, as {@code GET /api/grids/{name}/config}. */
    Optional<ConfigDocument> config(String name);

    /**
     * A grid's statistics for the period ending at {@code untilMs} (now when later), as
     * {@code GET /api/grids/{name}/statistics}.
     */
    Optional<StatisticsReport> statistics(String name, Period period, BigDecimal capital, long untilMs);

    /** A page of a grid's trade log, as {@code GET /api/grids/{name}/logs}. */
    Optional<LogPage> logs(String name, LogFilter filter);

    /**
     * Sends a control to the grid's daemon and waits for its outcome, as {@code POST /api/grids/{name}/control}: at
     * most {@code waitMs} for a daemon to take it, and for a start {@code runWaitMs} more for the grid to run.
     */
    Optional<ControlOutcome> control(String name, Control action, long waitMs, long runWaitMs)
            throws InterruptedException;

    @Override
    void close();
}
