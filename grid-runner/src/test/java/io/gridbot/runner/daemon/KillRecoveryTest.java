package io.gridbot.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.Side;
import io.gridbot.core.spacing.GridLadder;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.persistence.log.LogQuery;
import io.gridbot.runner.testing.DaemonProcess;
import io.gridbot.runner.testing.Eventually;
import io.gridbot.runner.testing.Terminal;
import io.gridbot.runner.testing.VenueBook;
import io.gridbot.runner.venue.SimulatedVenueFile;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's restart recovery for real: a daemon process is killed with SIGKILL mid-run and a new one takes
 * over. The simulated venue keeps its state in a file, as a real venue keeps its own. Afterwards no order
 * is duplicated, no fill is lost (the ledger adds up to the venue's position) and the ladder is the original.
 */
class KillRecoveryTest {

    private static final SymbolRules BTC = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);

    /** The recorded market's pace, times real time: fast, so that fills come within a second or two. */
    private static final String SPEED = "6000";

    @TempDir
    Path dir;

    private Process daemon() throws Exception {
        return new ProcessBuilder(DaemonProcess.command("daemon", "--speed", SPEED, "--data-dir", dir.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("daemons.log").toFile()))
                .start();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Eventually.await(what, Duration.ofSeconds(60), condition);
    }

    private int grid(String... args) {
        return new Terminal(dir).run(args);
    }

    /** The venue as the state file has it now. */
    private SimulatedExchange venue() throws Exception {
        return new SimulatedExchange(new SimClock(0), SimSettings.defaults()).list(BTC, new BigDecimal("26076.01"))
                .persistTo(dir.resolve(SimulatedVenueFile.STATE));
    }

    private static BigDecimal ledgerPosition(List<Fill> fills) {
        return fills.stream().map(f -> f.side() == Side.BUY ? f.qty() : f.qty().negate())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void aKilledDaemonIsReplacedWithoutDuplicatedOrdersLostFillsOrANewBand() throws Exception {
        long id;
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            id = db.configs().create(GridConfig.builder("k", BTC).mode(GridMode.NEUTRAL)
                    .band(new BigDecimal("25700"), new BigDecimal("26500")).levels(41).orderQty(new BigDecimal("0.010"))
                    .maxPosition(new BigDecimal("0.100")).stopLossBufferPct(new BigDecimal("10")).build(), 0);
        }
        Process first = daemon();
        GridLadder ladder;
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            await("the first daemon up", () -> grid("start", "--config", "k", "--wait-ms", "2000") == 0);
            await("fills booked", () -> db.fills().between(id, 0, Long.MAX_VALUE).size() >= 6);
            ladder = db.levels().ladder(id).orElseThrow();
        } finally {
            first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
        }

        Process second = daemon();
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            await("the grid running again under the second daemon", () -> db.runtime().status(id) == GridStatus.RUNNING
                    && db.fills().between(id, 0, Long.MAX_VALUE).size() >= 10);
            assertThat(db.levels().ladder(id)).contains(ladder);
            List<OpenOrder> open = venue().openOrders("BTCUSDT");
            assertThat(new VenueBook(venue(), "BTCUSDT").duplicateIdentity()).as("no two resting orders of one identity: "
                    + open).isEmpty();

            // Stop: every order cancelled and the position closed, so the venue holds still for the books.
            assertThat(grid("stop", "--config", "k")).isZero();
            await("stopped", () -> db.runtime().status(id) == GridStatus.STOPPED);
            SimulatedExchange venue = venue();
            int executions = venue.trades("BTCUSDT", 0).size();
            await("the write-behind settled: every execution in the ledger",
                    () -> db.fills().between(id, 0, Long.MAX_VALUE).size() >= executions);
            assertThat(venue.openOrders("BTCUSDT")).isEmpty();
            List<Fill> fills = db.fills().between(id, 0, Long.MAX_VALUE);
            Set<String> booked = new HashSet<>();
            fills.forEach(f -> booked.add(f.tradeId()));
            assertThat(venue.trades("BTCUSDT", 0)).as("every execution on the venue is in the ledger")
                    .allMatch(t -> booked.contains(t.tradeId()));
            assertThat(fills).extracting(Fill::tradeId).doesNotHaveDuplicates();
            assertThat(ledgerPosition(fills)).as("the ledger adds up to the venue's position")
                    .isEqualByComparingTo(venue.position("BTCUSDT").netQty());
            assertThat(venue.trades("BTCUSDT", 0)).hasSameSizeAs(fills);
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    @Test
    void sigtermPausesTheGridWithItsOrdersKeptFlushesEveryFillAndTheNextDaemonResumesIt() throws Exception {
        long id;
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            id = db.configs().create(GridConfig.builder("t", BTC).mode(GridMode.NEUTRAL)
                    .band(new BigDecimal("25700"), new BigDecimal("26500")).levels(41).orderQty(new BigDecimal("0.010"))
                    .maxPosition(new BigDecimal("0.100")).stopLossBufferPct(new BigDecimal("10")).build(), 0);
        }
        Process first = daemon();
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            await("the first daemon up", () -> grid("start", "--config", "t", "--wait-ms", "2000") == 0);
            await("fills booked", () -> db.fills().between(id, 0, Long.MAX_VALUE).size() >= 4);
        }
        first.destroy(); // SIGTERM: the shutdown hook pauses, flushes and closes
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).as("the daemon exits on SIGTERM").isTrue();

        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            assertThat(db.runtime().status(id)).as("remembered as running, for the next daemon").isEqualTo(GridStatus.RUNNING);
            assertThat(db.tradeLog().query(new LogQuery(id, 0, Long.MAX_VALUE, Set.of(),
                    "pause requested", 0, 10)).entries()).as("the pause reached the log before the exit").isNotEmpty();
            SimulatedExchange venue = venue();
            List<OpenOrder> open = venue.openOrders("BTCUSDT");
            assertThat(open).as("orders stay on the venue and protect the position").isNotEmpty();
            Set<String> booked = new HashSet<>();
            db.fills().between(id, 0, Long.MAX_VALUE).forEach(f -> booked.add(f.tradeId()));
            assertThat(venue.trades("BTCUSDT", 0)).as("every execution flushed to the ledger")
                    .allMatch(t -> booked.contains(t.tradeId()));
        }

        Process second = daemon();
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            await("resumed by the next daemon", () -> db.tradeLog().query(new LogQuery(id, 0,
                    Long.MAX_VALUE, Set.of(), "start requested", 0, 10)).entries().size() >= 2
                    && db.runtime().status(id) == GridStatus.RUNNING);
            assertThat(grid("pause", "--config", "t")).as("the second daemon hosts it").isZero();
            assertThat(new VenueBook(venue(), "BTCUSDT").duplicateIdentity()).isEmpty();
        } finally {
            second.destroy();
            second.waitFor();
        }
    }
}
