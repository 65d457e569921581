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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command line's way to its grids: the daemons it knows of, in order, the first that answers serving every
 * question of the command, and the database when none does. The database is opened only then, so a command a
 * daemon answers never loads the persistence stack. Which one answered is logged at debug level ({@code -v}).
 */
public final class GridLink implements GridSource {

    private static final Logger LOG = LoggerFactory.getLogger(GridLink.class);

    /** One question to whichever source answers. */
    @FunctionalInterface
    private interface Question<T> {
        T ask(GridSource source) throws InterruptedException;
    }

    private final Deque<GridSource> daemons;
    private final Supplier<GridSource> database;
    private GridSource answering;
    private GridSource opened;

    /**
     * @param daemons  the daemons to try, in order
     * @param database opens the database, when no daemon answers
     */
    public GridLink(List<? extends GridSource> daemons, Supplier<GridSource> database) {
        this.daemons = new ArrayDeque<>(daemons);
        this.database = database;
    }

    @Override
    public String where() {
        return answering == null ? "nothing yet" : answering.where();
    }

    private <T> T ask(Question<T> question) throws InterruptedException {
        while (answering == null && !daemons.isEmpty()) {
            GridSource daemon = daemons.peekFirst();
            try {
                T answer = question.ask(daemon);
                answering = daemons.removeFirst();
                LOG.debug("answered by {}", daemon.where());
                return answer;
            } catch (DaemonUnreachable e) {
                LOG.debug("no answer from {}; trying the next", e.getMessage());
                daemons.removeFirst().close();
            }
        }
        if (answering != null && answering != opened) {
            try {
                return question.ask(answering);
            } catch (DaemonUnreachable e) {
                LOG.debug("{} stopped answering: {}; reading the database", answering.where(), e.getMessage());
                answering.close();
                answering = null;
            }
        }
        if (opened == null) {
            opened = database.get();
            answering = opened;
            LOG.debug("answered by {}", opened.where());
        }
        return question.ask(opened);
    }

    private <T> T read(Question<T> question) {
        try {
            return ask(question);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public List<GridRow> grids() {
        return read(GridSource::grids);
    }

    @Override
    public Optional<GridSnapshot> grid(String name) {
        return read(s -> s.grid(name));
    }

    @Override
    public List<ConfigDocument> configs() {
        return read(GridSource::configs);
    }

    @Override
    public Optional<ConfigDocument> config(String name) {
        return read(s -> s.config(name));
    }

    @Override
    public Optional<StatisticsReport> statistics(String name, Period period, BigDecimal capital, long untilMs) {
        return read(s -> s.statistics(name, period, capital, untilMs));
    }

    @Override
    public Optional<LogPage> logs(String name, LogFilter filter) {
        return read(s -> s.logs(name, filter));
    }

    @Override
    public Optional<ControlOutcome> control(String name, Control action, long waitMs, long runWaitMs)
            throws InterruptedException {
        return ask(s -> s.control(name, action, waitMs, runWaitMs));
    }

    @Override
    public void close() {
        daemons.forEach(GridSource::close);
        if (answering != null && answering != opened) {
            answering.close();
        }
        if (opened != null) {
            opened.close();
        }
    }
}
