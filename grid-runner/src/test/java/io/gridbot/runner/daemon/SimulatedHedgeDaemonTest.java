package io.gridbot.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.PositionSide;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.runner.link.DaemonEndpoint;
import io.gridbot.runner.testing.DaemonProcess;
import io.gridbot.runner.testing.Eventually;
import io.gridbot.runner.testing.GridYaml;
import io.gridbot.runner.testing.Terminal;
import io.gridbot.runner.venue.SimulatedVenueFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 on the daemon's simulated venue, on a real daemon process: the data directory's account switched to
 * hedge mode with {@code grid account position-mode --exchange simulated} is in hedge mode when the daemon next
 * starts, so a hedge grid runs there, its orders on the LONG and SHORT legs, and a one-way grid is refused at start
 * with both modes named. While the daemon runs, the command (another process) reads the account but may not switch
 * it: the daemon holds the venue's state, and a second daemon started on the same data directory leaves it alone.
 */
class SimulatedHedgeDaemonTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String HEDGED = """
            name: hedged
            exchange: simulated
            symbol: BTCUSDT
            mode: neutral
            positionMode: HEDGE
            lowerPrice: 25600
            upperPrice: 27400
            levels: 19
            orderQty: 0.010
            maxPosition: 0.150
            stopLossBufferPct: 3
            priceTick: 0.1
            qtyStep: 0.001
            minQty: 0.001
            minNotional: 5
            """;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // the daemon's log stays when it fails
    Path dir;

    @Test
    void anAccountSwitchedToHedgeBeforeTheDaemonStartsRunsAHedgeGridOnBothLegsAndRefusesAOneWayGrid() throws Exception {
        Path data = dir.resolve("data");
        Terminal terminal = new Terminal(data);
        assertThat(terminal.run("config", "apply", "-f", Files.writeString(dir.resolve("hedged.yaml"), HEDGED).toString()))
                .as(terminal.output()).isZero();
        assertThat(terminal.run("config", "apply", "-f", Files.writeString(dir.resolve("oneway.yaml"),
                GridYaml.shortBtcOnTheShippedMarket("oneway")).toString())).as(terminal.output()).isZero();
        assertThat(terminal.run("account", "position-mode", "--exchange", "simulated", "--set", "HEDGE"))
                .as(terminal.output()).isZero();
        terminal.clear();

        ProcessBuilder builder = new ProcessBuilder(DaemonProcess.command("daemon", "--speed", "1", "--data-dir",
                data.toString())).redirectErrorStream(true).redirectOutput(dir.resolve("daemon.log").toFile());
        builder.environment().remove("GRIDBOT_DB_URL");
        Process daemon = builder.start();
        try {
            Eventually.awaitValue("the daemon's endpoint", WAIT, () -> {
                assertThat(daemon.isAlive()).as("the daemon runs: %s", dir).isTrue();
                return DaemonEndpoint.published(data).stream().findFirst().orElse(null);
            });

            assertThat(terminal.run("account", "position-mode", "--exchange", "simulated")).isZero();
            assertThat(terminal.run("account", "position-mode", "--exchange", "simulated", "--set", "ONE_WAY"))
                    .isEqualTo(1);
            assertThat(terminal.output().lines()).containsExactly(
                    "the simulated account of data directory " + data + " is in HEDGE position mode",
                    "not switched to ONE_WAY: the simulated venue of data directory " + data + " is held by daemon "
                            + DaemonIdentity.current().replaceAll("/\\d+$", "/" + daemon.pid()) + "; stop it first");
            terminal.clear();

            assertThat(terminal.run("start", "--config", "oneway")).as(terminal.output()).isEqualTo(1);
            String refusal = "grid 'oneway' is set to positionMode ONE_WAY, but the simulated account is in HEDGE "
                    + "position mode: set the grid's positionMode to HEDGE, or switch the account to ONE_WAY";
            assertThat(terminal.output()).as("the person reads the whole reason and the fix").contains(refusal
                    + " (only possible while it holds no position and no open order on any symbol; gridbot switches it "
                    + "only when asked, with 'grid account position-mode')");
            terminal.clear();

            assertThat(terminal.run("start", "--config", "hedged")).as(terminal.output()).isZero();
            List<OpenOrder> resting = Eventually.awaitValue("the hedge grid's orders on both legs", WAIT, () -> {
                List<OpenOrder> open = resting(data);
                return open.stream().anyMatch(o -> o.positionSide() == PositionSide.LONG)
                        && open.stream().anyMatch(o -> o.positionSide() == PositionSide.SHORT) ? open : null;
            });
            assertThat(resting).extracting(OpenOrder::positionSide).as("every order names its leg")
                    .containsOnly(PositionSide.LONG, PositionSide.SHORT);
            assertThat(SimulatedVenueFile.look(data).positionMode()).isEqualTo(PositionMode.HEDGE);

            ProcessBuilder secondBuilder = new ProcessBuilder(DaemonProcess.command("daemon", "--data-dir",
                    data.toString())).redirectErrorStream(true).redirectOutput(dir.resolve("second.log").toFile());
            secondBuilder.environment().remove("GRIDBOT_DB_URL");
            Process second = secondBuilder.start();
            try {
                Eventually.await("the second daemon up", WAIT, () -> read(dir.resolve("second.log")).contains("running;"));
                assertThat(read(dir.resolve("second.log"))).as("it leaves the venue to the first").contains(
                        "the simulated venue of data directory " + data + " is held by daemon",
                        "this daemon hosts no simulated grid", "market: none simulated here");
            } finally {
                second.destroy();
                assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("the second daemon stopped").isTrue();
            }
        } finally {
            daemon.destroy();
            assertThat(daemon.waitFor(60, TimeUnit.SECONDS)).as("the daemon stopped").isTrue();
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** The orders resting on the venue, as the daemon last saved it. */
    private static List<OpenOrder> resting(Path data) {
        try {
            return SimulatedVenueFile.look(data).openOrders("BTCUSDT");
        } catch (IOException | ExchangeException e) {
            throw new AssertionError("the simulated venue's state cannot be read", e);
        }
    }
}
