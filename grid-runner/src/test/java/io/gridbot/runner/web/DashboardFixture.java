package io.gridbot.runner.web;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.daemon.GridDaemon;
import io.gridbot.runner.testing.Eventually;
import io.gridbot.runner.venue.VenueListings;
import io.gridbot.runner.web.auth.PasswordHash;
import io.gridbot.runner.web.grid.LiveGrids;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A dashboard over a real daemon: an embedded database in a temporary directory, a simulated exchange whose
 * trades the test moves by hand, one grid "g", and one user "alice".
 */
final class DashboardFixture implements AutoCloseable {

    static final String USER = "alice";
    static final String PASSWORD = "correct horse battery";
    static final SymbolRules BTC = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);

    final Database db;
    final SimulatedExchange exchange;
    final GridDaemon daemon;
    final DashboardServer server;
    final long gridId;

    DashboardFixture(Path dir) throws Exception {
        this(dir, VenueListings.standard(System.getenv()));
    }

    /** The same, the form asking {@code venues} what they list. */
    DashboardFixture(Path dir, VenueListings venues) throws Exception {
        db = Database.open(DatabaseSettings.embedded(dir));
        gridId = db.configs().create(GridConfig.builder("g", BTC).exchange("simulated").mode(GridMode.NEUTRAL)
                .band(new BigDecimal("25000"), new BigDecimal("27000")).levels(21).orderQty(new BigDecimal("0.010"))
                .maxPosition(new BigDecimal("0.050")).stopLossBufferPct(new BigDecimal("5")).build(), 0);
        db.dashboardUsers().save(USER, PasswordHash.of(PASSWORD.toCharArray()), 0);
        exchange = new SimulatedExchange(new SimClock(System.currentTimeMillis()), SimSettings.defaults())
                .list(BTC, new BigDecimal("26050.0"));
        daemon = new GridDaemon(db, io.gridbot.runner.venue.Venues.only(exchange), System::currentTimeMillis, "test-daemon",
                60_000, io.gridbot.runner.testing.TestDaemons.QUICK_POLL).start();
        server = DashboardServer.start(new DashboardServer.Settings("127.0.0.1", 0), db, LiveGrids.of(daemon::views),
                venues);
    }

    URI uri(String path) {
        return server.uri().resolve(path);
    }

    void trade(String price) {
        exchange.trade("BTCUSDT", new BigDecimal(price), null, System.currentTimeMillis());
    }

    /** Starts grid "g" through the daemon and gives it a first price; returns once it has orders resting. */
    void startGrid() throws InterruptedException {
        long request = db.runtime().requestControl(gridId, io.gridbot.core.event.GridEvent.Control.START, "test",
                System.currentTimeMillis(), System.currentTimeMillis() + 60_000);
        await("the daemon took the start", () -> db.runtime().request(request).orElseThrow().ackedAt() != null);
        await("running with orders", () -> {
            trade("26050.0");
            return db.runtime().status(gridId) == io.gridbot.core.status.GridStatus.RUNNING && buysResting();
        });
    }

    /**
     * Whether the buys at 26,000 and 25,900 rest on the venue, which the tests' move to 25,890 fills (orders are
     * created side by side, so a count of orders does not say which are in).
     */
    boolean buysResting() {
        try {
            var open = exchange.openOrders("BTCUSDT");
            return java.util.stream.Stream.of("26000.0", "25900.0").allMatch(p -> open.stream().anyMatch(o ->
                    o.price() != null && !o.reduceOnly() && o.price().compareTo(new BigDecimal(p)) == 0));
        } catch (io.gridbot.exchange.ExchangeException e) {
            throw new IllegalStateException(e);
        }
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Eventually.await(what, Duration.ofSeconds(15), condition);
    }

    @Override
    public void close() {
        server.close();
        daemon.close();
        db.close();
    }
}
