package io.gridbot.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.machine.GridView;
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
import io.gridbot.runner.testing.TestDaemons;
import io.gridbot.runner.testing.VenueBook;
import io.gridbot.runner.venue.Venues;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, "configuration changes and control": what a control request does and what the command says about
 * it. A start runs the configuration stored when it is taken and waits for the grid to run; a request nobody
 * takes expires; a control that changes nothing says so and exits 1.
 */
class DaemonControlTest {

    private static final SymbolRules BTC = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);

    @TempDir
    Path dir;

    private Database db;
    private SimulatedExchange exchange;
    private GridDaemon daemon;
    private long configId;
    private Terminal terminal;
    private MarketFeed market;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseSettings.embedded(dir));
        configId = db.configs().create(band("25000", "27000"), 0);
        exchange = new SimulatedExchange(new SimClock(System.currentTimeMillis()), SimSettings.defaults())
                .list(BTC, new BigDecimal("26050.0"));
        terminal = new Terminal(dir);
        market = new MarketFeed(p -> exchange.trade("BTCUSDT", p, null, System.currentTimeMillis()));
    }

    @AfterEach
    void close() {
        market.close();
        if (daemon != null) {
            daemon.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private static GridConfig band(String lower, String upper) {
        return GridConfig.builder("g", BTC).mode(GridMode.NEUTRAL).band(new BigDecimal(lower), new BigDecimal(upper))
                .levels(21).orderQty(new BigDecimal("0.010")).maxPosition(new BigDecimal("0.050"))
                .stopLossBufferPct(new BigDecimal("5")).build();
    }

    private void startDaemon() {
        daemon = new GridDaemon(db, Venues.only(exchange), System::currentTimeMillis, "test-daemon", 60_000,
                TestDaemons.QUICK_POLL).start();
    }

    private int grid(String... args) {
        return terminal.run(args);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Eventually.await(what, Duration.ofSeconds(15), condition);
    }

    /** From now on the market trades at {@code price}, every 50 ms, then runs a start from another terminal. */
    private int startWhileTradingAt(String price) {
        market.at(price);
        return grid("start", "--config", "g");
    }

    private GridView hosted() {
        return daemon.views().stream().findFirst().orElseThrow();
    }

    @Test
    void startOfASecondGridOnASymbolAnotherGridTradesIsRefusedNamingTheHolder() throws Exception {
        // Both stored while nothing ran, as a user with two flat grids would have them.
        long second = db.configs().create(band("25000", "27000").renamed("second"), 0);
        startDaemon();
        assertThat(startWhileTradingAt("26050.0")).isZero();
        await("g running", () -> db.runtime().status(configId) == GridStatus.RUNNING);
        terminal.clear();

        assertThat(grid("start", "--config", "second")).as(terminal.output()).isEqualTo(1);

        assertThat(terminal.output()).contains("BTCUSDT on simulated is held by grid 'g'");
        assertThat(db.runtime().status(second)).isEqualTo(GridStatus.STOPPED);
        assertThat(daemon.views()).singleElement().satisfies(v -> assertThat(v.name()).isEqualTo("g"));
    }

    @Test
    void startOfAStoppedGridRunsTheBandStoredSinceItStopped() throws Exception {
        startDaemon();
        assertThat(startWhileTradingAt("26050.0")).isZero();
        await("running", () -> db.runtime().status(configId) == GridStatus.RUNNING);
        assertThat(grid("stop", "--config", "g")).isZero();
        await("stopped flat", () -> db.runtime().status(configId) == GridStatus.STOPPED
                && new VenueBook(exchange, "BTCUSDT").position().signum() == 0);

        db.configs().update(band("21000", "23000"), 1); // the new band, applied while the grid is stopped
        terminal.clear();
        // 22,000 lies below the old band's stop-loss line (23,750) and in the middle of the new band.
        assertThat(startWhileTradingAt("22000.0")).as(terminal.output()).isZero();

        await("running on the new band", () -> db.runtime().status(configId) == GridStatus.RUNNING);
        assertThat(hosted().ladder().price(0)).isEqualByComparingTo("21000");
        assertThat(db.reports().stopLosses(configId, "g")).as("no stop-loss at the old band's line").isEmpty();
    }

    @Test
    void startThatStopLossesAtOnceExitsNonZeroWithTheReason() {
        startDaemon();
        // 20,000 lies beyond the lower stop-loss line (23,750): the grid cannot run.
        int exit = startWhileTradingAt("20000.0");

        assertThat(exit).as(terminal.output()).isEqualTo(1);
        assertThat(terminal.output()).doesNotContain("start accepted").containsIgnoringCase("stop");
    }

    @Test
    void aRequestNoDaemonTakesExpiresAndIsNeverCarriedOutLater() throws Exception {
        assertThat(grid("start", "--config", "g", "--wait-ms", "300")).isEqualTo(1);
        assertThat(terminal.output()).contains("no daemon answered within 0.3 s; the request expired");

        startDaemon(); // long after: the expired start must not fire now
        terminal.clear();
        assertThat(grid("pause", "--config", "g")).as("answered in order after the start").isEqualTo(1);
        assertThat(terminal.output()).contains("not running on test-daemon");
        assertThat(daemon.views()).as("the expired start was not carried out").isEmpty();
        assertThat(db.runtime().status(configId)).isEqualTo(GridStatus.STOPPED);
    }

    @Test
    void aControlThatChangesNothingSaysSoAndExitsNonZero() throws Exception {
        startDaemon();
        assertThat(startWhileTradingAt("26050.0")).isZero();
        await("running", () -> db.runtime().status(configId) == GridStatus.RUNNING);

        assertThat(grid("pause", "--config", "g")).isZero();
        await("paused", () -> hosted().status() == GridStatus.PAUSED);
        terminal.clear();
        assertThat(grid("pause", "--config", "g")).as("pause of a paused grid").isEqualTo(1);
        assertThat(terminal.output()).contains("already paused").doesNotContain("accepted");

        assertThat(grid("resume", "--config", "g")).isZero();
        await("running again", () -> hosted().status() == GridStatus.RUNNING);
        terminal.clear();
        assertThat(grid("resume", "--config", "g")).as("resume of a running grid").isEqualTo(1);
        assertThat(terminal.output()).contains("already running").doesNotContain("accepted");

        assertThat(grid("stop", "--config", "g")).isZero();
        await("stopped", () -> hosted().status() == GridStatus.STOPPED);
        terminal.clear();
        assertThat(grid("stop", "--config", "g")).as("stop of a stopped grid").isEqualTo(1);
        assertThat(terminal.output()).contains("already stopped").doesNotContain("accepted");
    }
}
