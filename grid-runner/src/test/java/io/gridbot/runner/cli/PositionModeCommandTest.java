package io.gridbot.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.binance.fake.FakeBinance;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.testing.Terminal;
import io.gridbot.runner.venue.BinanceEnvironment;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grid account position-mode} (issue 16) against the fake Binance, over the real wire: the account's mode
 * is read; switched only when asked, and only when no grid of the database is live on binance (nothing is sent
 * then) and the venue holds no position and no open order on any symbol (the venue's refusal comes back as one
 * line, exit 1); a switch to the mode the account is in sends nothing. It never opens a listen key, which would
 * close the user-data stream of a daemon trading the same account. The simulated account:
 * {@link SimulatedPositionModeCommandTest}.
 */
class PositionModeCommandTest {

    private static final String BTC = "BTCUSDT";
    private static final SymbolRules ETHUSDT = new SymbolRules("ETHUSDT", new BigDecimal("0.01"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);

    @TempDir
    Path dir;

    private FakeBinance fake;
    private Terminal terminal;

    @BeforeEach
    void startVenue() {
        fake = FakeBinance.start(FakeBinance.BTCUSDT, new BigDecimal("26000.0")).list(ETHUSDT, new BigDecimal("1600.00"));
        terminal = new Terminal(dir, venueEnvironment(true));
    }

    @AfterEach
    void stopVenue() {
        fake.close();
    }

    /** As the daemon is configured: the fake's hosts, and its key in the environment or not. */
    private Map<String, String> venueEnvironment(boolean withKeys) {
        return withKeys ? Map.of(BinanceEnvironment.API_KEY, FakeBinance.CREDENTIALS.apiKey(),
                BinanceEnvironment.API_SECRET, FakeBinance.CREDENTIALS.secret(),
                BinanceEnvironment.REST_URL, fake.restUrl(), BinanceEnvironment.STREAM_URL, fake.streamUrl())
                : Map.of(BinanceEnvironment.REST_URL, fake.restUrl(), BinanceEnvironment.STREAM_URL, fake.streamUrl());
    }

    private int grid(String... args) {
        return terminal.run(args);
    }

    private List<String> switchesSent() {
        return fake.requestsSeen().stream().filter(r -> r.startsWith("POST /fapi/v1/positionSide/dual")).toList();
    }

    private void rest(String symbol, String clientId, Side side, String price) throws ExchangeException {
        fake.venue().createOrder(OrderRequest.limit(clientId, symbol, side, new BigDecimal(price), new BigDecimal("0.010"),
                TimeInForce.GTC, false, PositionSide.BOTH));
    }

    /** One line, the reason; no stack trace. */
    private void assertOneLine(String output) {
        assertThat(output.strip().lines()).hasSize(1);
        assertThat(output).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void theAccountsModeIsReadAndNothingIsChanged() {
        assertThat(grid("account", "position-mode", "--exchange", "binance")).isZero();
        fake.hedgeMode(true);
        assertThat(grid("account", "position-mode")).isZero();

        assertThat(terminal.output().lines()).containsExactly(
                "the binance account of GRIDBOT_BINANCE_API_KEY is in ONE_WAY position mode",
                "the binance account of GRIDBOT_BINANCE_API_KEY is in HEDGE position mode");
        assertThat(fake.requestsSeen()).anyMatch(r -> r.startsWith("GET /fapi/v1/positionSide/dual?"));
        assertThat(switchesSent()).isEmpty();
        assertThat(fake.requestsSeen()).as("no listen key: a daemon's user stream stays open").noneMatch(r ->
                r.contains("listenKey"));
        assertThat(fake.connectsSoFar()).isZero();
    }

    @Test
    void aCleanAccountIsSwitchedAndBothModesArePrinted() {
        assertThat(grid("account", "position-mode", "--exchange", "binance", "--set", "HEDGE")).isZero();

        assertThat(terminal.output().strip())
                .isEqualTo("the binance account of GRIDBOT_BINANCE_API_KEY switched from ONE_WAY to HEDGE position mode");
        assertThat(fake.venue().positionMode()).isEqualTo(PositionMode.HEDGE);
        assertThat(switchesSent()).singleElement().satisfies(r -> assertThat(r).contains("dualSidePosition=true"));
        assertThat(terminal.output()).doesNotContain(FakeBinance.CREDENTIALS.apiKey())
                .doesNotContain(FakeBinance.CREDENTIALS.secret());
    }

    @Test
    void aSwitchToTheModeTheAccountIsInSendsNothing() {
        assertThat(grid("account", "position-mode", "--set", "ONE_WAY")).isZero();

        assertThat(terminal.output().strip()).isEqualTo(
                "the binance account of GRIDBOT_BINANCE_API_KEY is in ONE_WAY position mode already; nothing was sent");
        assertThat(switchesSent()).isEmpty();
    }

    @Test
    void anOpenOrderOnASymbolNoGridTradesRefusesTheSwitchInOneLine() throws Exception {
        rest("ETHUSDT", "by-hand-1", Side.BUY, "1500.00");

        assertThat(grid("account", "position-mode", "--set", "HEDGE")).isEqualTo(1);

        assertThat(terminal.output().strip()).isEqualTo("binance refused to switch the account to HEDGE: it has open "
                + "orders (Position side cannot be changed if there exists open orders.); cancel every open order, "
                + "conditional ones too, on every symbol, first");
        assertOneLine(terminal.output());
        assertThat(fake.venue().positionMode()).isEqualTo(PositionMode.ONE_WAY);
    }

    @Test
    void aPositionRefusesTheSwitchInOneLine() throws Exception {
        rest(BTC, "by-hand-2", Side.BUY, "25990.0");
        fake.trade(BTC, new BigDecimal("25990.0"), new BigDecimal("0.010"));
        assertThat(fake.venue().openOrders(BTC)).isEmpty();

        assertThat(grid("account", "position-mode", "--set", "HEDGE")).isEqualTo(1);

        assertThat(terminal.output().strip()).isEqualTo("binance refused to switch the account to HEDGE: it holds a "
                + "position (Position side cannot be changed if there exists position.); close every position, on every "
                + "symbol, first");
        assertOneLine(terminal.output());
        assertThat(fake.venue().positionMode()).isEqualTo(PositionMode.ONE_WAY);
    }

    @Test
    void aGridLiveOnBinanceRefusesTheSwitchBeforeAnythingIsSent() {
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            long live = db.configs().create(grid("bn", FakeBinance.BTCUSDT, "binance"), 0);
            db.configs().create(grid("bn-idle", ETHUSDT, "binance"), 0);
            long simulated = db.configs().create(grid("sim", FakeBinance.BTCUSDT, "simulated"), 0);
            db.runtime().saveStatus(live, GridStatus.PAUSED, "daemon-elsewhere", System.currentTimeMillis());
            db.runtime().saveStatus(simulated, GridStatus.RUNNING, "daemon-elsewhere", System.currentTimeMillis());
        }

        assertThat(grid("account", "position-mode", "--set", "HEDGE")).isEqualTo(1);

        assertThat(terminal.output().strip()).isEqualTo("not switched to HEDGE: grids of this database are live on "
                + "binance: 'bn' (PAUSED); stop them first (grids name no account, so each one counts)");
        assertThat(switchesSent()).isEmpty();
        assertThat(fake.venue().positionMode()).isEqualTo(PositionMode.ONE_WAY);
    }

    @Test
    void aStoredAccountIsNamedWithAccountAndItsKeysAreNeverPrinted() {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream((FakeBinance.CREDENTIALS.apiKey() + "\n"
                    + FakeBinance.CREDENTIALS.secret() + "\n").getBytes(StandardCharsets.UTF_8)));
            assertThat(new Terminal(dir).run("credentials", "set", "--exchange", "binance", "--account", "main")).isZero();
        } finally {
            System.setIn(stdin);
        }
        Terminal storeOnly = new Terminal(dir, venueEnvironment(false));

        assertThat(storeOnly.run("account", "position-mode", "--account", "main", "--set", "HEDGE")).isZero();
        assertThat(storeOnly.run("account", "position-mode", "--account", "other")).isEqualTo(1);
        assertThat(grid("account", "position-mode", "--account", "main")).as("the key in the environment wins")
                .isEqualTo(2);

        assertThat(storeOnly.output()).contains(
                "binance account 'main' switched from ONE_WAY to HEDGE position mode",
                "binance is not configured: no credentials: set GRIDBOT_BINANCE_API_KEY and GRIDBOT_BINANCE_API_SECRET, "
                        + "or store the binance account 'other' in the encrypted credential store");
        assertThat(terminal.output()).contains("--account names a stored account, but GRIDBOT_BINANCE_API_KEY and "
                + "GRIDBOT_BINANCE_API_SECRET are set");
        assertThat(storeOnly.output() + terminal.output()).doesNotContain(FakeBinance.CREDENTIALS.apiKey())
                .doesNotContain(FakeBinance.CREDENTIALS.secret());
    }

    @Test
    void anUnknownVenueIsRefusedAndTheCompletionKnowsTheCommand() {
        assertThat(grid("account", "position-mode", "--exchange", "kraken")).isEqualTo(2);
        assertThat(terminal.output()).contains("--exchange: unknown venue 'kraken' (venues found: binance, bybit, okx, "
                + "simulated)");
        terminal.clear();

        assertThat(grid("completion")).isZero();
        assertThat(terminal.output()).contains("position-mode", "--set", "HEDGE", "ONE_WAY");
    }

    private static GridConfig grid(String name, SymbolRules rules, String exchange) {
        BigDecimal price = rules.symbol().equals(BTC) ? new BigDecimal("26000") : new BigDecimal("1600");
        return GridConfig.builder(name, rules).exchange(exchange).mode(GridMode.NEUTRAL)
                .band(price.multiply(new BigDecimal("0.9")), price.multiply(new BigDecimal("1.1"))).levels(11)
                .orderQty(new BigDecimal("0.010")).maxPosition(new BigDecimal("0.050")).build();
    }
}
