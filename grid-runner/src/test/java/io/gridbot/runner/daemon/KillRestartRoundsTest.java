package io.gridbot.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.log.LogEntry;
import io.gridbot.core.log.LogType;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.spacing.GridLadder;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.TradeRecord;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.persistence.log.LogQuery;
import io.gridbot.runner.testing.DaemonProcess;
import io.gridbot.runner.testing.Eventually;
import io.gridbot.runner.testing.ServerDatabase;
import io.gridbot.runner.testing.VenueTruth;
import io.gridbot.runner.venue.SimulatedVenueFile;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, restarts lose nothing: a daemon process trading on the persisted simulated venue is killed with
 * SIGKILL several times and started again at once. At the end the ledger is the venue's trade history
 * (count, quantities, prices, fees), every exit carries its realized PnL, booked live or recovered from the
 * venue's history, the positions agree, and no client order id was used for two venue orders. Runs on the
 * embedded database and, when {@code GRID_TEST_JDBC_URL} is set, on MariaDB.
 */
class KillRestartRoundsTest {

    private static final SymbolRules BTC = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);
    private static final int ROUNDS = 3;
    /** The recorded market's pace, times real time: fast, so that each round's fills come within a second or two. */
    private static final String SPEED = "6000";

    @TempDir
    Path dir;

    private Map<String, String> serverEnv = Map.of();

    @Test
    void killedAndRestartedRoundAfterRoundOnTheEmbeddedDatabaseTheLedgerIsTheVenuesHistory() throws Exception {
        rounds(DatabaseSettings.embedded(dir));
    }

    @Test
    void killedAndRestartedRoundAfterRoundOnMariaDbTheLedgerIsTheVenuesHistory() throws Exception {
        try (ServerDatabase server = ServerDatabase.create()) {
            DatabaseSettings settings = server.settings();
            serverEnv = Map.of("GRIDBOT_DB_URL", settings.jdbcUrl(), "GRIDBOT_DB_USER", settings.user(),
                    "GRIDBOT_DB_PASSWORD", settings.password());
            rounds(settings);
        }
    }

    private void rounds(DatabaseSettings settings) throws Exception {
        String name = "kr" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36).substring(0, 6);
        long id;
        try (Database db = Database.open(settings)) { // a database of the test's own: no other grid trades here
            id = db.configs().create(GridConfig.builder(name, BTC).mode(GridMode.LONG)
                    .band(new BigDecimal("25700"), new BigDecimal("26500")).levels(41).orderQty(new BigDecimal("0.010"))
                    .maxPosition(new BigDecimal("0.100")).stopLossBufferPct(new BigDecimal("10")).build(), 0);
        }
        Process daemon = daemon();
        try (Database db = Database.open(settings)) {
            db.runtime().requestControl(id, Control.START, "test", System.currentTimeMillis(), System.currentTimeMillis() + 60_000);
            await("running", () -> db.runtime().status(id) == GridStatus.RUNNING);
            GridLadder ladder = null;
            for (int round = 0; round < ROUNDS; round++) {
                int before = fills(db, id).size();
                await("fills booked in round " + round, () -> fills(db, id).size() >= before + 4);
                if (ladder == null) {
                    ladder = db.levels().ladder(id).orElseThrow();
                }
                daemon.destroyForcibly().waitFor(); // SIGKILL: nothing is flushed
                daemon = restarted();
                GridLadder original = ladder;
                await("running again after kill " + (round + 1), () -> db.runtime().status(id) == GridStatus.RUNNING
                        && db.tradeLog().query(new LogQuery(id, 0, Long.MAX_VALUE, Set.of(), "start requested", 0, 100))
                                .entries().size() >= 2);
                assertThat(db.levels().ladder(id).orElseThrow().sameLines(original)).as("the original ladder kept")
                        .isTrue();
            }
            await("more fills after the last restart", () -> fills(db, id).size() >= 4 * ROUNDS + 4);

            db.runtime().requestControl(id, Control.STOP, "test", System.currentTimeMillis(), System.currentTimeMillis() + 60_000);
            await("stopped", () -> db.runtime().status(id) == GridStatus.STOPPED);
            SimulatedExchange venue = venue();
            assertThat(venue.openOrders("BTCUSDT")).as("nothing of the grid rests").isEmpty();
            List<TradeRecord> trades = venue.trades("BTCUSDT", 0);
            await("every execution in the ledger", () -> fills(db, id).size() >= trades.size());
            List<Fill> fills = fills(db, id);

            assertThat(VenueTruth.ledgerAgainstVenue(fills, trades)).as("the ledger is the venue's history").isEmpty();
            assertThat(fills).filteredOn(f -> f.kind() == ClientOrderId.Kind.EXIT).isNotEmpty();
            assertThat(VenueTruth.realizedPnl(trades, fills, db.levels().ladder(id).orElseThrow()))
                    .as("every exit's realized PnL, recomputed").isEmpty();
            assertThat(VenueTruth.position(fills)).as("the ledger's position is the venue's")
                    .isEqualByComparingTo(venue.position("BTCUSDT").netQty());
            assertThat(VenueTruth.reusedClientIds(trades)).as("no client id named two venue orders").isEmpty();
            List<String> placed = placedIds(db, id);
            assertThat(placed).isNotEmpty().doesNotHaveDuplicates();
        } finally {
            daemon.destroy();
            daemon.waitFor();
        }
    }

    private Process daemon() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(DaemonProcess.command("daemon", "--speed", SPEED, "--data-dir",
                dir.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        builder.environment().putAll(serverEnv);
        return builder.start();
    }

    /** A daemon started right after the kill: it must come up the first time. */
    private Process restarted() throws Exception {
        long from = Files.exists(log()) ? Files.size(log()) : 0;
        Process daemon = daemon();
        boolean up = Eventually.awaitValue("the daemon up or gone", Duration.ofSeconds(60), () -> {
            String out = since(from);
            return !daemon.isAlive() || out.contains("running; market") ? Boolean.TRUE : null;
        });
        if (!up || !daemon.isAlive()) {
            throw new AssertionError("the daemon did not start again at the first attempt:\n" + since(from));
        }
        return daemon;
    }

    private Path log() {
        return dir.resolve("daemons.log");
    }

    private String since(long offset) {
        try {
            byte[] all = Files.readAllBytes(log());
            return new String(all, (int) Math.min(offset, all.length), all.length - (int) Math.min(offset, all.length),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Eventually.await(what, Duration.ofSeconds(90), condition);
    }

    private static List<Fill> fills(Database db, long id) {
        return db.fills().between(id, 0, Long.MAX_VALUE);
    }

    private static List<String> placedIds(Database db, long id) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            var result = db.tradeLog().query(new LogQuery(id, 0, Long.MAX_VALUE, Set.of(LogType.ORDER), "place ", page, 1_000));
            for (LogEntry e : result.entries()) {
                if (e.detail().startsWith("place ") && e.clientOrderId() != null) {
                    ids.add(e.clientOrderId());
                }
            }
            if (!result.more()) {
                return ids;
            }
        }
    }

    /** The venue as the state file has it now. */
    private SimulatedExchange venue() throws Exception {
        return new SimulatedExchange(new SimClock(0), SimSettings.defaults()).list(BTC, new BigDecimal("26076.01"))
                .persistTo(dir.resolve(SimulatedVenueFile.STATE));
    }
}
