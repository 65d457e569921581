package io.gridbot.runner.web;

import io.gridbot.persistence.Database;
import io.gridbot.persistence.config.StoredGrid;
import io.gridbot.runner.web.grid.CandleInterval;
import io.gridbot.runner.web.grid.PriceChart;
import io.gridbot.runner.web.http.HttpCall;
import io.gridbot.runner.web.http.Route;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The price chart's data: the recorded prices as candles ({@code /api/grids/{name}/candles}) and the fills as
 * markers ({@code /api/grids/{name}/fills}); the live part of the chart comes with the grid's pushed picture.
 */
final class ChartRoutes {

    /** An endpoint for one stored grid, over a range; 404 when there is no grid of that name. */
    @FunctionalInterface
    private interface RangeEndpoint {
        void handle(HttpCall call, StoredGrid grid, long sinceMs, long untilMs) throws IOException;
    }

    private final Database db;
    private final PriceChart chart;
    private final LongSupplier clock;

    ChartRoutes(Database db, LongSupplier clock) {
        this.db = db;
        this.chart = new PriceChart(db);
        this.clock = clock;
    }

    List<Route> routes() {
        return List.of(Route.get("/api/grids/{name}/candles", this::candles),
                Route.get("/api/grids/{name}/fills", this::fills));
    }

    private void candles(HttpCall call) throws IOException {
        String label = call.query("interval").orElse(CandleInterval.M1.label());
        Optional<CandleInterval> interval = CandleInterval.named(label);
        if (interval.isEmpty()) {
            call.json(400, Map.of("error", "interval must be one of " + CandleInterval.labels()));
            return;
        }
        ranged(call, (grid, until) -> PriceChart.defaultSince(interval.get(), chart.defaultUntil(grid, until)),
                (c, grid, since, until) -> {
            if (!PriceChart.readable(since, until)) {
                c.json(400, Map.of("error", "since to until spans more than " + PriceChart.MAX_MINUTES
                        + " minutes; narrow the range"));
                return;
            }
            c.json(200, chart.candles(grid, interval.get(), since, until));
        });
    }

    private void fills(HttpCall call) throws IOException {
        ranged(call, (grid, until) -> 0L, (c, grid, since, until) -> c.json(200, chart.fills(grid, since, until)));
    }

    /**
     * Finds the grid and reads {@code since} and {@code until} (epoch ms; until defaults to now, since to what
     * the endpoint says for the grid and that end).
     */
    private void ranged(HttpCall call, java.util.function.ToLongBiFunction<StoredGrid, Long> defaultSince,
            RangeEndpoint endpoint)
            throws IOException {
        Optional<StoredGrid> grid = db.configs().find(call.path("name"));
        if (grid.isEmpty()) {
            call.json(404, Map.of("error", "no grid named '" + call.path("name") + "'"));
            return;
        }
        long until;
        long since;
        try {
            until = call.query("until").map(Long::parseLong).orElse(clock.getAsLong());
            since = call.query("since").isPresent() ? Long.parseLong(call.query("since").get())
                    : defaultSince.applyAsLong(grid.get(), until);
        } catch (NumberFormatException e) {
            call.json(400, Map.of("error", "since and until are epoch milliseconds"));
            return;
        }
        if (since > until) {
            call.json(400, Map.of("error", "since must not be after until"));
            return;
        }
        endpoint.handle(call, grid.get(), since, until);
    }
}
