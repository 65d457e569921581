package io.gridbot.runner.web;

import io.gridbot.core.log.LogType;
import io.gridbot.persistence.config.StoredGrid;
import io.gridbot.runner.web.grid.AlertFeed;
import io.gridbot.runner.web.grid.GridBoard;
import io.gridbot.runner.web.grid.GridRow;
import io.gridbot.runner.web.grid.LogFilter;
import io.gridbot.runner.web.http.Endpoint;
import io.gridbot.runner.web.http.HttpCall;
import io.gridbot.runner.web.http.Route;
import io.gridbot.stats.export.CsvExport;
import io.gridbot.stats.metrics.Period;
import io.gridbot.stats.metrics.StatisticsInput;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The grids' data: the list, each grid's live picture pushed as server-sent events every
 * {@value #PUSH_MS} ms (the issue asks for a page fresh within 1 s), logs, statistics, the equity curve
 * and the CSV downloads.
 */
final class GridRoutes {

    /** How often live pictures are pushed. */
    static final long PUSH_MS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(GridRoutes.class);

    /** An endpoint for one stored grid; 404 when there is none of that name. */
    @FunctionalInterface
    private interface GridEndpoint {
        void handle(HttpCall call, StoredGrid grid) throws Exception;
    }

    private final GridBoard board;
    private final AlertFeed alerts;
    private final LongSupplier clock;
    private volatile boolean open = true;

    GridRoutes(GridBoard board, AlertFeed alerts, LongSupplier clock) {
        this.board = board;
        this.alerts = alerts;
        this.clock = clock;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/grids", call -> call.json(200, board.rows())),
                Route.get("/api/configs", call -> call.json(200, board.configs())),
                Route.get("/api/totals", call -> call.json(200, board.totals(board.rows()))),
                Route.get("/api/alerts", call -> call.json(200, alerts.recent())),
                Route.get("/api/live/grids", this::liveList),
                Route.get("/api/grids/{name}", grid((call, g) -> call.json(200, board.snapshot(g)))),
                Route.get("/api/live/grids/{name}", grid(this::liveGrid)),
                Route.get("/api/grids/{name}/logs", grid(this::logs)),
                Route.get("/api/grids/{name}/statistics", grid(this::statistics)),
                Route.get("/api/grids/{name}/equity", grid((call, g) -> call.json(200, board.equity(g)))),
                Route.get("/grids/{name}/export/{file}", grid(this::export)));
    }

    /** Stops the live streams: the server is shutting down. */
    void close() {
        open = false;
    }

    private Endpoint grid(GridEndpoint endpoint) {
        return call -> {
            Optional<StoredGrid> grid = board.grid(call.path("name"));
            if (grid.isEmpty()) {
                call.json(404, Map.of("error", "no grid named '" + call.path("name") + "'"));
            } else {
                endpoint.handle(call, grid.get());
            }
        };
    }

    /** The list as {@code grids} events, each followed by its {@code totals}, summed from the same rows. */
    private void liveList(HttpCall call) {
        stream(call, () -> {
            List<GridRow> rows = board.rows();
            return List.of(Map.entry("grids", rows), Map.entry("totals", board.totals(rows)));
        });
    }

    private void liveGrid(HttpCall call, StoredGrid grid) {
        stream(call, () -> List.of(Map.entry("grid", board.snapshot(grid))));
    }

    /**
     * Pushes a fresh picture every {@value #PUSH_MS} ms on a virtual thread of its own, until the browser goes,
     * the session ends or the token is revoked, or the server stops; Jetty's threads are not held.
     */
    private void stream(HttpCall call, Supplier<List<Map.Entry<String, Object>>> picture) {
        HttpCall.EventStream events = call.stream();
        Thread.ofVirtual().name("dashboard-push").start(() -> {
            try (events) {
                while (open && call.stillAuthorized()) {
                    for (Map.Entry<String, Object> event : picture.get()) {
                        events.send(event.getKey(), event.getValue());
                    }
                    Thread.sleep(PUSH_MS);
                }
            } catch (IOException e) {
                LOG.debug("dashboard: a live view closed: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("dashboard: a live view failed", e);
            }
        });
    }

    private void logs(HttpCall call, StoredGrid grid) throws IOException {
        Set<LogType> types = EnumSet.noneOf(LogType.class);
        for (String t : call.query("types").map(s -> s.split(",")).orElse(new String[0])) {
            try {
                types.add(LogType.valueOf(t.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                call.json(400, Map.of("error", "unknown log type '" + t + "'; one of " + Arrays.toString(LogType.values())));
                return;
            }
        }
        LogFilter filter;
        try {
            filter = call.query("since").isEmpty() && call.query("until").isEmpty() && call.query("page").isEmpty()
                    && call.query("size").isEmpty() ? LogFilter.newest(types, call.query("q").orElse(null))
                    : new LogFilter(call.query("since").map(Long::valueOf).orElse(0L),
                            call.query("until").map(Long::parseLong).orElse(Long.MAX_VALUE), types,
                            call.query("q").orElse(null), call.query("page").map(Integer::parseInt).orElse(0),
                            call.query("size").map(Integer::parseInt).orElse(GridBoard.LOG_PAGE));
        } catch (IllegalArgumentException e) { // a number that is none, or out of range
            call.json(400, Map.of("error", "since and until are epoch milliseconds, page from 0, size 1 to "
                    + LogFilter.MAX_SIZE));
            return;
        }
        call.json(200, board.logs(grid, filter));
    }

    private void statistics(HttpCall call, StoredGrid grid) throws IOException {
        Period period;
        try {
            period = Period.valueOf(call.query("period").orElse("ALL").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            call.json(400, Map.of("error", "period must be one of " + Arrays.toString(Period.values())));
            return;
        }
        BigDecimal capital;
        long until;
        try {
            capital = call.query("capital").map(BigDecimal::new).orElse(BigDecimal.ZERO);
            until = call.query("until").map(Long::parseLong).orElse(Long.MAX_VALUE);
        } catch (NumberFormatException e) {
            call.json(400, Map.of("error", "capital is a decimal amount and until epoch milliseconds"));
            return;
        }
        if (capital.signum() < 0) {
            call.json(400, Map.of("error", "capital must not be negative"));
            return;
        }
        call.json(200, board.statistics(grid, period, capital, until));
    }

    /** The CSV files of {@code grid export}, same columns (docs/statistics.md), as downloads. */
    private void export(HttpCall call, StoredGrid grid) throws IOException {
        long now = clock.getAsLong();
        StatisticsInput input = board.input(grid, now);
        StringWriter out = new StringWriter();
        String file = call.path("file");
        switch (file) {
            case "fills.csv" -> CsvExport.writeFills(out, input.fills(), input.positionMode());
            case "orders.csv" -> CsvExport.writeOrders(out, input.orders());
            case "statistics.csv" -> CsvExport.writeStatistics(out, board.report(grid, input, now));
            default -> {
                call.json(404, Map.of("error", "exports are fills.csv, orders.csv and statistics.csv"));
                return;
            }
        }
        String download = grid.config().name().replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + file;
        call.header("Content-Disposition", "attachment; filename=\"" + download + "\"");
        call.text(200, "text/csv; charset=utf-8", out.toString());
    }
}
