package io.gridbot.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.testing.Eventually;
import io.gridbot.runner.testing.MarketFeed;
import io.gridbot.runner.testing.Terminal;
import io.gridbot.runner.testing.VenueBook;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FR-13 end to end: a daemon hosts a grid and another "terminal" controls it through the database. */
class GridDaemonTest {

    private static final SymbolRules BTC = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);

    @TempDir
    Path dir;

    private Database db;
    private SimulatedExchange exchange;
    private GridDaemon daemon;
    private long configId;
    private Terminal terminal;

    @BeforeEach
    void startDaemon() {
        db = Database.open(DatabaseSettings.embedded(dir));
        configId = db.configs().create(GridConfig.builder("g", BTC).mode(GridMode.NEUTRAL)
                .band(new BigDecimal("25000"), new BigDecimal("27000")).levels(21).orderQty(new BigDecimal("0.010"))
                .maxPosition(new BigDecimal("0.050")).stopLossBufferPct(new BigDecimal("5")).build(), 0);
        exchange = new SimulatedExchange(new SimClock(System.currentTimeMillis()), SimSettings.defaults())
                .list(BTC, new BigDecimal("26050.0"));
        // Leases renewed (and the market price recorded with them) every 250 ms rather than 5 s, as the price
        // test waits for one renewal, and requests read every 50 ms; the lease and fencing times are the defaults.
        daemon = new GridDaemon(db, io.gridbot.runner.venue.Venues.only(exchange), System::currentTimeMillis,
                "test-daemon", 300, new LeaseSettings(30_000, 250, 15_000, 50)).start();
        terminal = new Terminal(dir);
    }

    @AfterEach
    void stopDaemon() {
        daemon.close();
        db.close();
    }

    private int grid(String... args) {
        return terminal.run(args);
    }

    /** A start, while the market trades at {@code price}: a start waits for its grid to run, which needs prices. */
    private int startTradingAt(String price) {
        return MarketFeed.tradingAt(price, p -> exchange.trade("BTCUSDT", p, null, System.currentTimeMillis()),
                () -> grid("start", "--config", "g"));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Eventually.await(what, Duration.ofSeconds(10), condition);
    }

    private void trade(String price) {
        exchange.trade("BTCUSDT", new BigDecimal(price), null, System.currentTimeMillis());
    }

    @Test
    void AC13_1_to_AC13_10_aGridIsStartedPausedResumedAndStoppedFromAnotherTerminal() throws Exception {
        assertThat(startTradingAt("26050.0")).isZero();
        assertThat(terminal.output()).contains("g: start accepted by test-daemon");
        trade("26050.0");
        await("running, the buys at 26,000 and 25,900 resting", () -> db.runtime().status(configId) == GridStatus.RUNNING
                && restingAt("26000.0") && restingAt("25900.0"));

        trade("25890.0"); // buys at 26000, 25900 fill
        await("fills in the ledger", () -> db.fills().between(configId, 0, Long.MAX_VALUE).size() >= 2);

        assertThat(grid("pause", "--config", "g")).isZero();
        await("paused", () -> db.runtime().status(configId) == GridStatus.PAUSED);
        int resting = exchangeOpenOrders();
        trade("25950.0");
        assertThat(grid("status", "--config", "g")).isZero();
        assertThat(terminal.output()).contains("state PAUSED", "PnL: realized");

        assertThat(grid("resume", "--config", "g")).isZero();
        await("running again", () -> db.runtime().status(configId) == GridStatus.RUNNING);
        assertThat(resting).isPositive();

        await("AC11.7 statistics snapshots of every period", () -> db.reports()
                .statistics(configId, "ALL", 0, Long.MAX_VALUE).stream().anyMatch(x -> x.totalTrades() >= 2)
                && !db.reports().statistics(configId, "HOUR_1", 0, Long.MAX_VALUE).isEmpty());

        assertThat(grid("stop", "--config", "g")).isZero();
        await("stopped flat", () -> db.runtime().status(configId) == GridStatus.STOPPED
                && position().signum() == 0 && exchangeOpenOrders() == 0);
    }

    @Test
    void fillsThatHappenedWhileNoDaemonListenedAreRecoveredFromTheVenuesHistory() throws Exception {
        // An order of this grid filled while nothing was listening (as after a kill -9).
        String tag = io.gridbot.core.order.ClientOrderId.tagOf("g");
        String id = io.gridbot.core.order.ClientOrderId.of(tag, io.gridbot.core.order.ClientOrderId.Kind.ENTRY,
                io.gridbot.core.order.Side.BUY, 9, 7);
        exchange.createOrder(io.gridbot.core.order.OrderRequest.limit(id, "BTCUSDT", io.gridbot.core.order.Side.BUY,
                new BigDecimal("25900.0"), new BigDecimal("0.010"), io.gridbot.core.order.TimeInForce.GTC, false,
                io.gridbot.core.order.PositionSide.BOTH));
        trade("25890.0");

        assertThat(startTradingAt("25895.0")).isZero();

        await("the missed fill booked", () -> db.fills().between(configId, 0, Long.MAX_VALUE).stream()
                .anyMatch(f -> f.clientOrderId().equals(id) && f.qty().compareTo(new BigDecimal("0.010")) == 0));
        trade("25895.0");
        await("the grid adopted the position", () -> db.runtime().status(configId) == GridStatus.RUNNING);
        assertThat(db.fills().between(configId, 0, Long.MAX_VALUE)).filteredOn(f -> f.clientOrderId().equals(id)).hasSize(1);
    }

    @Test
    void statusFromAnotherProcessValuesThePositionAtTheHostingDaemonsMarketPrice() throws Exception {
        assertThat(startTradingAt("26050.0")).isZero();
        await("hosted", () -> !daemon.views().isEmpty());
        trade("26050.0");
        trade("25890.0"); // two buys fill: a long position
        // The fills' own prices reach the grid as ticks too: once they are in, the market trades at 25,890 again.
        await("the buys filled", () -> position().compareTo(new BigDecimal("0.020")) == 0);
        trade("25890.0");
        // The price goes out with the lease's heartbeat (every 250 ms here): allow many of them on a loaded machine.
        Eventually.await("the daemon's market price recorded", Duration.ofSeconds(30), () -> db.runtime().mark(configId)
                .filter(m -> m.price().compareTo(new BigDecimal("25890.0")) == 0).isPresent());

        assertThat(grid("status", "--config", "g")).isZero();
        assertThat(terminal.output()).contains("at the market 25890");
    }

    @Test
    void aControlForAGridThisDaemonDoesNotRunSaysSo() {
        assertThat(grid("pause", "--config", "g")).isEqualTo(1);
        assertThat(terminal.output()).contains("not running on test-daemon");
    }

    private boolean restingAt(String price) {
        return new VenueBook(exchange, "BTCUSDT").openOrders().stream()
                .anyMatch(o -> o.price() != null && o.price().compareTo(new BigDecimal(price)) == 0);
    }

    private int exchangeOpenOrders() {
        return new VenueBook(exchange, "BTCUSDT").openOrders().size();
    }

    private BigDecimal position() {
        return new VenueBook(exchange, "BTCUSDT").position();
    }
}
