package io.gridbot.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.bybit.fake.FakeBybit;
import io.gridbot.exchange.okx.fake.FakeInstrument;
import io.gridbot.exchange.okx.fake.FakeOkx;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.testing.FakeVenueDaemon;
import io.gridbot.runner.testing.Terminal;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code grid account position-mode --exchange okx|bybit} (issues 17, 18): a venue found at run time is opened by
 * its provider with the keys the daemon would use, against its fake over the real wire. The mode is read, switched
 * when asked, a switch to the mode already set sends nothing, and a grid of the database live on that venue refuses
 * the switch before anything is sent.
 */
class FoundVenuePositionModeCommandTest {

    @TempDir
    Path dir;

    /** One venue's fake: the environment that reaches it, the switches it received, the account's mode there. */
    private record Venue(Map<String, String> env, Supplier<List<String>> switches, SimulatedExchange truth,
            SymbolRules rules, Runnable fake) implements AutoCloseable {
        PositionMode mode() throws ExchangeException {
            return truth.positionMode();
        }

        @Override
        public void close() {
            fake.run();
        }
    }

    private static Venue venue(String code) {
        return switch (code) {
            case "okx" -> {
                FakeOkx okx = FakeOkx.start(FakeInstrument.ETH_USDT_SWAP, new BigDecimal("1650.00"))
                        .enforceRateLimits(false); // each command opens the account anew, well within 2 s here
                yield new Venue(FakeVenueDaemon.okx(okx), () -> okx.requestsSeen().stream()
                        .filter(r -> r.startsWith("POST /api/v5/account/set-position-mode")).toList(), okx.venue(),
                        new SymbolRules("ETH-USDT-SWAP", new BigDecimal("0.01"), new BigDecimal("0.1"),
                                new BigDecimal("0.1"), BigDecimal.ZERO, 500), okx::close);
            }
            case "bybit" -> {
                FakeBybit bybit = FakeBybit.start(io.gridbot.exchange.bybit.fake.FakeInstrument.ETHUSDT,
                        new BigDecimal("1650.00"));
                yield new Venue(FakeVenueDaemon.bybit(bybit), () -> bybit.requestsSeen().stream()
                        .filter(r -> r.startsWith("POST /v5/position/switch-mode")).toList(), bybit.venue(),
                        new SymbolRules("ETHUSDT", new BigDecimal("0.01"), new BigDecimal("0.01"),
                                new BigDecimal("0.01"), new BigDecimal("5"), 500), bybit::close);
            }
            default -> throw new IllegalArgumentException(code);
        };
    }

    private static String[] args(String[] which, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of("account", "position-mode"));
        all.addAll(List.of(which));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void bybitWithoutASymbolSaysItKeepsTheModePerSymbol() {
        try (Venue venue = venue("bybit")) {
            Terminal terminal = new Terminal(dir, venue.env());
            assertThat(terminal.run("account", "position-mode", "--exchange", "bybit")).isEqualTo(1);
            assertThat(terminal.output().strip()).isEqualTo("could not read the position mode of the bybit account: "
                    + "OTHER: Bybit keeps the position mode per symbol, and no symbol is in use to read it from: name one");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"okx", "bybit"})
    void theModeIsReadSwitchedOnlyWhenAskedAndNeverUnderALiveGrid(String code) throws Exception {
        try (Venue venue = venue(code)) {
            Terminal terminal = new Terminal(dir, venue.env());
            // Bybit keeps the mode per symbol: it is read and switched on the symbol named
            String[] which = code.equals("bybit") ? new String[] {"--exchange", code, "--symbol", "ETHUSDT"}
                    : new String[] {"--exchange", code};
            String who = code.equals("bybit") ? "the bybit account (ETHUSDT)" : "the okx account";

            assertThat(terminal.run(args(which))).as(terminal.output()).isZero();
            assertThat(terminal.output().strip()).isEqualTo(who + " is in ONE_WAY position mode");
            assertThat(venue.switches().get()).as("a read sends no switch").isEmpty();

            terminal.clear();
            assertThat(terminal.run(args(which, "--set", "HEDGE")))
                    .as(terminal.output()).isZero();
            assertThat(terminal.output().strip()).isEqualTo(who + " switched from ONE_WAY to HEDGE position mode");
            assertThat(venue.mode()).isEqualTo(PositionMode.HEDGE);
            int sent = venue.switches().get().size();
            assertThat(sent).isPositive();

            terminal.clear();
            assertThat(terminal.run(args(which, "--set", "HEDGE"))).as(terminal.output()).isZero();
            assertThat(terminal.output().strip()).isEqualTo(who + " is in HEDGE position mode already; nothing was sent");
            assertThat(venue.switches().get()).hasSize(sent);

            try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
                long live = db.configs().create(GridConfig.builder("live", venue.rules()).exchange(code)
                        .mode(GridMode.LONG).band(new BigDecimal("1600"), new BigDecimal("1700")).levels(11)
                        .orderQty(new BigDecimal("0.1")).maxPosition(new BigDecimal("0.5")).build(), 0);
                db.runtime().saveStatus(live, GridStatus.RUNNING, "daemon-elsewhere", System.currentTimeMillis());
            }
            terminal.clear();
            assertThat(terminal.run(args(which, "--set", "ONE_WAY"))).isEqualTo(1);
            assertThat(terminal.output().strip()).isEqualTo("not switched to ONE_WAY: grids of this database are live "
                    + "on " + code + ": 'live' (RUNNING); stop them first (grids name no account, so each one counts)");
            assertThat(venue.switches().get()).hasSize(sent);
            assertThat(venue.mode()).isEqualTo(PositionMode.HEDGE);
        }
    }
}
