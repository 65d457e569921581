package io.gridbot.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.testing.Terminal;
import io.gridbot.runner.venue.SimulatedVenue;
import io.gridbot.runner.venue.SimulatedVenueFile;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grid account position-mode --exchange simulated} (issue 16): the data directory's simulated account is
 * read from the state file the daemon keeps, and switched under the same rule and in the same words as a binance
 * account (nothing changed when already in the mode, nor while a grid of the database on the venue is live; the
 * venue's refusal while it holds a position or an open order as one line), and never while another process (a
 * daemon) holds the venue. A switch is saved as the daemon saves, every other line of the state kept. That the
 * daemon trades in the switched mode at its next start: {@code io.gridbot.runner.daemon.SimulatedHedgeDaemonTest}.
 */
class SimulatedPositionModeCommandTest {

    private static final String BTC = "BTCUSDT";

    @TempDir
    Path dir;

    private Path data;
    private Terminal terminal;
    private String who;

    @BeforeEach
    void terminal() {
        data = dir.resolve("data");
        terminal = new Terminal(data);
        who = "the simulated account of data directory " + data;
    }

    private int grid(String... args) {
        return terminal.run(args);
    }

    /** Something done on the venue as a daemon of the data directory would do it, the venue released after. */
    private void onTheVenue(VenueWork work) throws Exception {
        try (SimulatedVenueFile file = SimulatedVenueFile.claim(data, "daemon tester@test-host/1")) {
            work.on(file.open(new SimClock(System.currentTimeMillis()), SimSettings.defaults()));
        }
    }

    @FunctionalInterface
    private interface VenueWork {
        void on(SimulatedExchange venue) throws Exception;
    }

    private PositionMode modeOnFile() throws Exception {
        return SimulatedVenueFile.look(data).positionMode();
    }

    private List<String> stateLines() throws Exception {
        return Files.readAllLines(data.resolve(SimulatedVenueFile.STATE));
    }

    private static OrderRequest buy(String clientId, String price) {
        return OrderRequest.limit(clientId, BTC, Side.BUY, new BigDecimal(price), new BigDecimal("0.010"), TimeInForce.GTC,
                false, PositionSide.BOTH);
    }

    /** One line, the reason; no stack trace. */
    private void assertOneLine() {
        assertThat(terminal.output().strip().lines()).hasSize(1);
        assertThat(terminal.output()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aDataDirectoryWithNoVenueYetIsReadAsOneWayAndNothingIsCreated() {
        assertThat(grid("account", "position-mode", "--exchange", "simulated")).isZero();

        assertThat(terminal.output().strip()).isEqualTo(who + " is in ONE_WAY position mode");
        assertThat(Files.exists(data)).isFalse();
    }

    @Test
    void theAccountIsSwitchedBothWaysSavedForTheDaemonAndEveryOtherLineOfTheStateIsKept() throws Exception {
        long now = System.currentTimeMillis();
        onTheVenue(venue -> {
            venue.createOrder(buy("filled", "26000.0"));
            venue.trade(BTC, new BigDecimal("25990.0"), null, now + 1_000);
            venue.createOrder(OrderRequest.marketClose("flatten", BTC, Side.SELL, new BigDecimal("0.010"), PositionSide.BOTH));
            venue.createOrder(buy("cancelled", "25000.0"));
            venue.cancelOrder(BTC, "cancelled");
            assertThat(venue.position(BTC).netQty()).isZero();
            assertThat(venue.openOrders(BTC)).isEmpty();
        });
        List<String> before = stateLines();
        assertThat(before).anyMatch(l -> l.startsWith("trade|")).anyMatch(l -> l.startsWith("closed|"));

        assertThat(grid("account", "position-mode", "--exchange", "simulated", "--set", "HEDGE")).isZero();

        assertThat(terminal.output().strip()).isEqualTo(who + " switched from ONE_WAY to HEDGE position mode");
        assertThat(modeOnFile()).isEqualTo(PositionMode.HEDGE);
        List<String> after = stateLines();
        assertThat(after).contains("mode|HEDGE");
        assertThat(after.stream().filter(l -> !l.startsWith("mode|") && !l.startsWith("leg|")).toList())
                .as("the wallet, the counters, the history: as they were").isEqualTo(before);
        terminal.clear();

        assertThat(grid("account", "position-mode", "--exchange", "simulated")).isZero();
        assertThat(grid("account", "position-mode", "--exchange", "simulated", "--set", "ONE_WAY")).isZero();

        assertThat(terminal.output().lines()).containsExactly(who + " is in HEDGE position mode",
                who + " switched from HEDGE to ONE_WAY position mode");
        assertThat(modeOnFile()).isEqualTo(PositionMode.ONE_WAY);
        assertThat(stateLines()).isEqualTo(before);
    }

    @Test
    void aSwitchToTheModeTheAccountIsInChangesNothing() throws Exception {
        assertThat(grid("account", "position-mode", "--exchange", "simulated", "--set", "ONE_WAY")).isZero();

        assertThat(terminal.output().strip()).isEqualTo(who + " is in ONE_WAY position mode already; nothing was sent");
        assertThat(Files.exists(data.resolve(SimulatedVenueFile.STATE))).isFalse();
    }

    @Test
    void anOpenOrderRefusesTheSwitchInOneLine() throws Exception {
        onTheVenue(venue -> venue.createOrder(buy("resting", "25000.0")));
        List<String> before = stateLines();

        assertThat(grid("account", "position-mode", "--exchange", "simulated", "--set", "HEDGE")).isEqualTo(1);

        assertThat(terminal.output().strip()).isEqualTo("simulated refused to switch the account to HEDGE: it has open "
                + "orders (Position side cannot be changed if there exists open orders.); cancel every open order, "
                + "conditional ones too, on every symbol, first");
        assertOneLine();
        assertThat(stateLines()).isEqualTo(before);
    }

    @Test
    void aPositionRefusesTheSwitchInOneLine() throws Exception {
        long now = System.currentTimeMillis();
        onTheVenue(venue -> {
            venue.createOrder(buy("filled", "26000.0"));
            venue.trade(BTC, new BigDecimal("25990.0"), null, now + 1_000);
            assertThat(venue.openOrders(BTC)).isEmpty();
        });

        assertThat(grid("account", "position-mode", "--exchange", "simulated", "--set", "HEDGE")).isEqualTo(1);

        assertThat(terminal.output().strip()).isEqualTo("simulated refused to switch the account to HEDGE: it holds a "
                + "position (Position side cannot be changed if there exists position.); close every position, on every "
                + "symbol, first");
        assertOneLine();
        assertThat(modeOnFile()).isEqualTo(PositionMode.ONE_WAY);
    }

    @Test
    void aGridLiveOnTheSimulatedVenueRefusesTheSwitchBeforeTheVenueIsAsked() throws Exception {
        try (Database db = Database.open(DatabaseSettings.embedded(data))) {
            long live = db.configs().create(grid("sim", "simulated"), 0);
            db.configs().create(grid("sim-idle", "simulated"), 0);
            long binance = db.configs().create(grid("bn", "binance"), 0);
            db.runtime().saveStatus(live, GridStatus.PAUSED, "daemon-elsewhere", System.currentTimeMillis());
            db.runtime().saveStatus(binance, GridStatus.RUNNING, "daemon-elsewhere", System.currentTimeMillis());
        }

        assertThat(grid("account", "position-mode", "--exchange", "simulated", "--set", "HEDGE")).isEqualTo(1);

        assertThat(terminal.output().strip()).isEqualTo("not switched to HEDGE: grids of this database are live on "
                + "simulated: 'sim' (PAUSED); stop them first (grids name no account, so each one counts)");
        assertThat(modeOnFile()).isEqualTo(PositionMode.ONE_WAY);
        assertThat(Files.exists(data.resolve(SimulatedVenueFile.STATE))).isFalse();
    }

    @Test
    void whileADaemonHoldsTheVenueItIsReadButNotSwitched() throws Exception {
        onTheVenue(venue -> venue.changePositionMode(PositionMode.HEDGE));
        List<String> before = stateLines();

        try (SimulatedVenueFile daemon = SimulatedVenueFile.claim(data, "daemon tester@test-host/1")) {
            assertThat(daemon.heldElsewhere()).isEmpty();
            assertThat(grid("account", "position-mode", "--exchange", "simulated", "--set", "ONE_WAY")).isEqualTo(1);
            assertOneLine();
            assertThat(terminal.output().strip()).isEqualTo("not switched to ONE_WAY: the simulated venue of data "
                    + "directory " + data + " is held by daemon tester@test-host/1; stop it first");
            terminal.clear();

            assertThat(grid("account", "position-mode", "--exchange", "simulated")).isZero();
            assertThat(grid("account", "position-mode", "--exchange", "simulated", "--set", "HEDGE")).isZero();
            assertThat(terminal.output().lines()).containsExactly(who + " is in HEDGE position mode",
                    who + " is in HEDGE position mode already; nothing was sent");
            assertThat(stateLines()).isEqualTo(before);
        }

        terminal.clear();
        assertThat(grid("account", "position-mode", "--exchange", "simulated", "--set", "ONE_WAY"))
                .as("the daemon gone, the venue is free").isZero();
        assertThat(modeOnFile()).isEqualTo(PositionMode.ONE_WAY);
    }

    @Test
    void anAccountNameAnUnreadableStateAndAnotherVenueAreRefusedInOneLine() throws Exception {
        assertThat(grid("account", "position-mode", "--exchange", "simulated", "--account", "main")).isEqualTo(2);
        assertThat(terminal.output()).contains("--account names a stored binance account; the simulated venue has one "
                + "account, the data directory's: choose it with --data-dir");
        terminal.clear();

        Files.createDirectories(data);
        Files.writeString(data.resolve(SimulatedVenueFile.STATE), "account|oops\n");
        assertThat(grid("account", "position-mode", "--exchange", "simulated")).isEqualTo(1);
        assertOneLine();
        assertThat(terminal.output()).startsWith("could not read the simulated venue's state in "
                + data.resolve(SimulatedVenueFile.STATE) + ": ");
        terminal.clear();

        assertThat(grid("account", "position-mode", "--exchange", "kraken")).isEqualTo(2);
        assertThat(terminal.output().strip()).isEqualTo("--exchange: unknown venue 'kraken' (venues found: binance, "
                + "bybit, okx, simulated)");
    }

    private static GridConfig grid(String name, String exchange) {
        return GridConfig.builder(name, SimulatedVenue.BTCUSDT).exchange(exchange).mode(GridMode.NEUTRAL)
                .band(new BigDecimal("25000"), new BigDecimal("27000")).levels(11).orderQty(new BigDecimal("0.010"))
                .maxPosition(new BigDecimal("0.050")).build();
    }
}
