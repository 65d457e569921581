package io.gridbot.runner.demo;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.persistence.Database;
import io.gridbot.runner.daemon.GridDaemon;
import io.gridbot.runner.link.DaemonEndpoint;
import io.gridbot.runner.venue.SimulatedMarket;
import io.gridbot.runner.store.ControlRequests;
import io.gridbot.runner.web.DashboardOptions;
import io.gridbot.runner.web.DashboardServer;
import io.gridbot.runner.web.grid.LiveGrids;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code grid demo --keep-running} leaves running after the replay: a daemon hosting a fresh copy of
 * the demo grid, {@value #NAME}, live on the simulated exchange fed with the recorded series at
 * {@code speed} times real time, and the dashboard over it, with the API, {@code /health} and {@code /metrics},
 * published to the commands of its data directory as a daemon's is.
 */
public final class LiveDemo implements AutoCloseable {

    /** The live grid's name; the replayed grid keeps its own. */
    public static final String NAME = "demo_live_grid";

    private final GridDaemon daemon;
    private final SimulatedMarket market;
    private final DashboardServer dashboard;
    private final Path dataDir;
    private final Optional<DaemonEndpoint> endpoint;

    private LiveDemo(GridDaemon daemon, SimulatedMarket market, DashboardServer dashboard, Path dataDir,
            Optional<DaemonEndpoint> endpoint) {
        this.daemon = daemon;
        this.market = market;
        this.dashboard = dashboard;
        this.dataDir = dataDir;
        this.endpoint = endpoint;
    }

    /**
     * Starts it all and starts the grid, with the HTTP server where {@code dashboardOptions} say, its address
     * published under {@code dataDir}.
     */
    public static LiveDemo start(Database db, Path dataDir, DashboardOptions dashboardOptions, double speed,
            PrintWriter out) throws Exception {
        GridConfig grid = DemoCommand.demoGrid().renamed(NAME);
        var earlier = db.configs().find(NAME);
        if (earlier.isPresent()) {
            // A fresh grid each time: the new simulated venue holds none of the old one's orders or position.
            db.runtime().forceStopped(earlier.get().id(), System.currentTimeMillis());
            db.configs().delete(NAME);
        }
        long id = db.configs().create(grid, System.currentTimeMillis());
        SimSettings venue = SimSettings.defaults();
        // As in a replay: the grid's maker rate, so its break-even check and its fees agree.
        SimulatedExchange exchange = new SimulatedExchange(new SimClock(System.currentTimeMillis()),
                venue.withFees(grid.makerFeeRate(), venue.takerFeeRate())).list(grid.rules(), new BigDecimal("26076.01"));
        String owner = "demo/" + ProcessHandle.current().pid();
        GridDaemon daemon = new GridDaemon(db, exchange, System::currentTimeMillis, owner);
        // The server first: a taken port must stop the demo before its grid trades.
        DashboardServer dashboard = dashboardOptions.start(db, LiveGrids.of(daemon::views), daemon.monitoring(), out);
        SimulatedMarket market = null;
        try {
            daemon.start();
            market = new SimulatedMarket(exchange, speed);
            ControlRequests.send(db, id, Control.START, "demo", 10_000);
        } catch (Exception | Error e) {
            dashboard.close();
            if (market != null) {
                market.close();
            }
            daemon.close();
            throw e;
        }
        return new LiveDemo(daemon, market, dashboard, dataDir,
                DaemonEndpoint.publishFor(dashboard.uri(), dashboard.controlToken(), owner, dataDir));
    }

    /** The dashboard's address. */
    public java.net.URI uri() {
        return dashboard.uri();
    }

    /** Stops the dashboard, the market and the daemon (which pauses the grid). */
    @Override
    public void close() {
        endpoint.ifPresent(e -> e.withdrawQuietly(dataDir));
        dashboard.close();
        market.close();
        daemon.close();
    }
}
