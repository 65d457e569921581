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
import io.gridbot.runner.testing.TestDaemons;
import io.gridbot.runner.testing.VenueBook;
import io.gridbot.runner.venue.Venues;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two daemons on one database, as on two hosts (FR-13): a grid is hosted by exactly one of them, only that
 * one answers its controls, and after an orderly stop the other takes it over at the next start.
 */
class TwoDaemonsTest {

    private static final SymbolRules BTC = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private Database db;
    private SimulatedExchange exchange;
    private GridDaemon alpha;
    private GridDaemon beta;
    private long configId;
    private Terminal terminal;

    @BeforeEach
    void startTwoDaemons() {
        db = Database.open(DatabaseSettings.embedded(dir));
        configId = db.configs().create(GridConfig.builder("g", BTC).mode(GridMode.NEUTRAL)
                .band(new BigDecimal("25000"), new BigDecimal("27000")).levels(21).orderQty(new BigDecimal("0.010"))
                .maxPosition(new BigDecimal("0.050")).stopLossBufferPct(new BigDecimal("5")).build(), 0);
        exchange = new SimulatedExchange(new SimClock(System.currentTimeMillis()), SimSettings.defaults())
                .list(BTC, new BigDecimal("26050.0"));
        alpha = new GridDaemon(db, Venues.only(exchange), System::currentTimeMillis, "alpha@host-a/1", 60_000,
                TestDaemons.QUICK_POLL).start();
        beta = new GridDaemon(db, Venues.only(exchange), System::currentTimeMillis, "beta@host-b/2", 60_000,
                TestDaemons.QUICK_POLL).start();
        terminal = new Terminal(dir);
    }

    @AfterEach
    void stopDaemons() {
        alpha.close();
        beta.close();
        db.close();
    }

    /** A start, while the market trades at {@code price}: a start waits for its grid to run, which needs prices. */
    private int startTradingAt(String price) {
        return MarketFeed.tradingAt(price, p -> exchange.trade("BTCUSDT", p, null, System.currentTimeMillis()),
                () -> terminal.run("start", "--config", "g"));
    }

    @Test
    void aGridIsHostedAndControlledByExactlyOneDaemonAndTakenOverAfterAnOrderlyStop() throws Exception {
        assertThat(startTradingAt("26050.0")).isZero();
        exchange.trade("BTCUSDT", new BigDecimal("26050.0"), null, System.currentTimeMillis());
        Eventually.await("running", WAIT, () -> db.runtime().status(configId) == GridStatus.RUNNING);
        assertThat(alpha.views().size() + beta.views().size()).as("hosted once").isEqualTo(1);
        GridDaemon host = alpha.views().isEmpty() ? beta : alpha;
        GridDaemon other = host == alpha ? beta : alpha;
        String hostName = host == alpha ? "alpha@host-a/1" : "beta@host-b/2";
        assertThat(terminal.output()).contains("start accepted by " + hostName);

        for (int i = 0; i < 3; i++) {
            assertThat(terminal.run("pause", "--config", "g")).as("the holder answers, never 'not running'").isZero();
            assertThat(terminal.run("resume", "--config", "g")).isZero();
        }
        assertThat(terminal.output()).doesNotContain("not running on").contains("pause accepted by " + hostName);
        assertThat(other.views()).isEmpty();

        host.close(); // orderly: the grid's orders stay, its lease is released
        terminal.clear();
        assertThat(startTradingAt("26040.0")).isZero();
        assertThat(terminal.output()).contains("start accepted by " + (host == alpha ? "beta@host-b/2" : "alpha@host-a/1"));
        exchange.trade("BTCUSDT", new BigDecimal("26040.0"), null, System.currentTimeMillis());
        Eventually.await("running on the other daemon", WAIT, () -> db.runtime().status(configId) == GridStatus.RUNNING
                && other.views().size() == 1);
        long rounds = other.driverRounds();
        Eventually.await("a few driver rounds, for a duplicate to show if there were one", WAIT,
                () -> other.driverRounds() >= rounds + 3);
        assertThat(new VenueBook(exchange, "BTCUSDT").duplicateIdentity()).as("no order twice").isEmpty();
    }
}
