package io.gridbot.runner.daemon;

import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.exchange.venue.VenueSettings;
import io.gridbot.persistence.Database;
import io.gridbot.runner.lifecycle.GracefulStop;
import io.gridbot.runner.link.DaemonEndpoint;
import io.gridbot.runner.notify.DeliverySettings;
import io.gridbot.runner.notify.Notifications;
import io.gridbot.runner.notify.StoredNotifiers;
import io.gridbot.runner.store.OpenMode;
import io.gridbot.runner.store.StoreOptions;
import io.gridbot.runner.venue.VenuePath;
import io.gridbot.runner.web.DashboardOptions;
import io.gridbot.runner.web.DashboardServer;
import io.gridbot.runner.web.grid.LiveGrids;
import io.gridbot.runner.venue.SimulatedMarket;
import io.gridbot.runner.venue.SimulatedVenue;
import io.gridbot.runner.venue.SimulatedVenueFile;
import io.gridbot.runner.venue.StoredCredentials;
import io.gridbot.runner.venue.Venues;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code grid daemon}: hosts the stored grids until stopped (Ctrl-C or SIGTERM pauses them, orders kept).
 * Each grid trades on the venue its configuration names, one of the venues found at run time: {@code simulated}
 * (the simulated exchange, fed at {@code --speed} times real time), {@code binance} (configured from the
 * environment, see docs/binance.md), or any other venue's provider on the class path (docs/writing-an-adapter.md).
 * The simulated venue is the data directory's ({@link SimulatedVenueFile}), held by one daemon at a time: a second
 * daemon started on the same directory hosts no simulated grid.
 * It always serves HTTP (the API, the dashboard, health and metrics; {@code --http-port}, {@code --http-bind}) and
 * publishes the API's address and its own control token under the data directory for the other commands.
 */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = "Host the stored grids; control them from another terminal with start, pause, resume, stop.")
public final class DaemonCommand implements Callable<Integer> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DaemonCommand.class);

    @Option(names = "--speed", defaultValue = "60", description = "simulated market speed, times real time (default ${DEFAULT-VALUE})")
    double speed;

    @Option(names = "--sim-maker-fee-rate", paramLabel = "RATE", defaultValue = "0.0002",
            description = "the simulated venue's fee on a resting order's fill, as a fraction (default ${DEFAULT-VALUE}, "
                    + "Binance's regular rate)")
    BigDecimal simMakerFeeRate;

    @Option(names = "--sim-taker-fee-rate", paramLabel = "RATE", defaultValue = "0.0005",
            description = "the simulated venue's fee on a fill that takes liquidity (default ${DEFAULT-VALUE})")
    BigDecimal simTakerFeeRate;

    @Mixin
    StoreOptions store;

    @Mixin
    DashboardOptions dashboard;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            spec.commandLine().getErr().println("--speed must be a number above 0, not " + speed);
            return 2;
        }
        if (!SimSettings.isFeeRate(simMakerFeeRate) || !SimSettings.isFeeRate(simTakerFeeRate)) {
            spec.commandLine().getErr().println("--sim-maker-fee-rate and --sim-taker-fee-rate must be fractions from 0 to "
                    + "below 1 (0.0005 is 0.05 %), not " + simMakerFeeRate.toPlainString() + " and "
                    + simTakerFeeRate.toPlainString());
            return 2;
        }
        String owner = DaemonIdentity.current();
        SimClock clock = new SimClock(System.currentTimeMillis());
        // The simulated venue keeps its state next to the database, so it outlives the daemon as a real one does;
        // it is held before its state is read, so no command switches it under this daemon.
        SimulatedVenueFile simulated = SimulatedVenueFile.claim(store.dataDirectory(), "daemon " + owner);
        SimulatedExchange exchange = simulated.heldElsewhere().isPresent() ? null
                : simulated.open(clock, SimSettings.defaults().withFees(simMakerFeeRate, simTakerFeeRate));
        Venues venues = Venues.configured();
        if (exchange != null) {
            LOG.info("the simulated venue charges {} on maker fills and {} on taker fills",
                    simMakerFeeRate.toPlainString(), simTakerFeeRate.toPlainString());
            venues.with(SimulatedVenue.CODE, () -> exchange);
        } else {
            LOG.warn("{}: this daemon hosts no simulated grid", simulated.heldElsewhere().orElseThrow());
            venues.without(SimulatedVenue.CODE, simulated.heldElsewhere().orElseThrow());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Database db = store.open(OpenMode.CREATE);
        venues.withFound(VenuePath.catalog(System.getenv()), new VenueSettings(System.getenv(),
                StoredCredentials.accounts(db, System.getenv(), store.dataDirectory())));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        GridDaemon daemon = new GridDaemon(db, venues, System::currentTimeMillis, owner, 60_000,
                LeaseSettings.from(System.getProperties()), registry).notifying(new Notifications(
                new StoredNotifiers(db, System.getenv(), store.dataDirectory().resolve("master.key")),
                DeliverySettings.live(System.getenv()), Notifications.REFRESH_MS));
        DashboardServer web;
        try {
            // The server first: a taken port must stop the daemon before it takes over any grid.
            web = dashboard.start(db, LiveGrids.of(daemon::views), daemon.monitoring(),
                    spec.commandLine().getOut());
        } catch (Exception | Error e) {
            venues.close();
            db.close();
            release(simulated);
            throw e;
        }
        daemon.start();
        SimulatedMarket market = exchange == null ? null : new SimulatedMarket(exchange, speed);
        Optional<DaemonEndpoint> endpoint = DaemonEndpoint.publishFor(web.uri(), web.controlToken(), owner,
                store.dataDirectory());
        GracefulStop.install(() -> {
            endpoint.ifPresent(e -> e.withdrawQuietly(store.dataDirectory()));
            web.close();
            if (market != null) {
                market.close();
            }
            daemon.close();
            venues.close();
            db.close();
            release(simulated);
            stopped.countDown();
        });
        LOG.info("daemon {} running on the data directory {}",
                owner, store.dataDirectory().toAbsolutePath());
        spec.commandLine().getOut().printf("gridbot daemon %s running; market: %s. Ctrl-C pauses the grids and exits.%n",
                owner, exchange == null ? "none simulated here" : "simulated BTCUSDT at " + speed + "× real time");
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }

    /** Gives the simulated venue up for the next daemon or command; the process ending would as well. */
    private static void release(SimulatedVenueFile simulated) {
        try {
            simulated.close();
        } catch (java.io.IOException e) {
            LOG.warn("could not release the simulated venue: {}", e.toString());
        }
    }
}
