package io.gridbot.runner.bybit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.order.Side;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.bybit.BybitVenueProvider;
import io.gridbot.exchange.bybit.fake.FakeBybit;
import io.gridbot.exchange.bybit.fake.FakeInstrument;
import io.gridbot.exchange.venue.SymbolListing;
import io.gridbot.exchange.venue.VenueCatalog;
import io.gridbot.exchange.venue.VenueSettings;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.daemon.GridDaemon;
import io.gridbot.runner.testing.Eventually;
import io.gridbot.runner.testing.MarketFeed;
import io.gridbot.runner.testing.Terminal;
import io.gridbot.runner.venue.Venues;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner trades Bybit through its provider, against the fake Bybit (issue 18): {@code grid config validate}
 * checks an {@code exchange: bybit} grid against the contract's public listing, the daemon opens Bybit through its
 * provider with the environment's keys, and a started grid runs with its entries resting on the fake, their client
 * ids the core's own.
 */
class BybitVenueTest {

    @TempDir
    Path dir;

    private FakeBybit fake;

    @BeforeEach
    void startTheFake() {
        fake = FakeBybit.start(FakeInstrument.ETHUSDT, new BigDecimal("1650.00"));
    }

    @AfterEach
    void closeTheFake() {
        fake.close();
    }

    private static String grid(String name, String symbol, String qtyStep) {
        return """
                name: %s
                exchange: bybit
                symbol: %s
                mode: long
                lowerPrice: 1600
                upperPrice: 1700
                levels: 11
                orderQty: 0.3
                maxPosition: 2.0
                priceTick: 0.01
                qtyStep: %s
                minQty: 0.01
                minNotional: 5
                """.formatted(name, symbol, qtyStep);
    }

    private int validate(Terminal terminal, String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("grid.yaml"), yaml);
        return terminal.run("config", "validate", "-f", file.toString());
    }

    private Map<String, String> env() {
        return Map.of(BybitVenueProvider.REST_URL, fake.restUrl(), BybitVenueProvider.STREAM_URL, fake.streamHost(),
                BybitVenueProvider.API_KEY, FakeBybit.CREDENTIALS.apiKey(),
                BybitVenueProvider.API_SECRET, FakeBybit.CREDENTIALS.secret());
    }

    @Test
    void aGridThatFitsTheContractIsValidAndOneOnAnotherStepOrSymbolIsRefusedByItsField() throws Exception {
        Terminal terminal = new Terminal(dir.resolve("data"), Map.of(BybitVenueProvider.REST_URL, fake.restUrl()));

        assertThat(validate(terminal, grid("fits", "ETHUSDT", "0.01"))).as(terminal.output()).isZero();
        assertThat(terminal.output()).contains("fits", "valid").doesNotContain("warning");

        terminal.clear();
        assertThat(validate(terminal, grid("coarse", "ETHUSDT", "0.1"))).isEqualTo(1);
        assertThat(terminal.output()).contains("grid coarse: qtyStep: 0.1 is not the venue's quantity step 0.01");

        terminal.clear();
        assertThat(validate(terminal, grid("swap", "ETH-USDT-SWAP", "0.01"))).isEqualTo(1);
        assertThat(terminal.output()).contains("grid swap: symbol: ETH-USDT-SWAP is not listed: bybit does not list it");
    }

    @Test
    void theDaemonsVenuesOpenBybitThroughItsProviderWithTheEnvironmentsKeys() throws Exception {
        try (Venues venues = Venues.configured().withFound(VenueCatalog.discover(), VenueSettings.of(env()))) {
            ExchangeAdapter bybit = venues.adapter("bybit");
            assertThat(bybit.venue()).isEqualTo("bybit");
            assertThat(bybit.symbolRules("ETHUSDT").stepSize()).isEqualByComparingTo("0.01");
            assertThat(bybit.balances()).isNotEmpty();
        }
        assertThat(fake.goodSignatures()).as("signed calls reached the venue").isPositive();
        assertThat(fake.badSignatures()).isZero();
    }

    @Test
    void aGridStartedOnBybitRunsWithItsOrdersRestingOnTheVenue() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        try (Database db = Database.open(DatabaseSettings.embedded(data));
                Venues venues = Venues.configured().withFound(VenueCatalog.discover(), VenueSettings.of(env()))) {
            GridDaemon daemon = new GridDaemon(db, venues, System::currentTimeMillis, "test-daemon", 60_000).start();
            long id = db.configs().create(GridConfig.builder("by", ((SymbolListing.Listed) new BybitVenueProvider()
                    .listing(VenueSettings.of(env()), "ETHUSDT")).rules()).exchange("bybit")
                    .mode(GridMode.LONG).band(new BigDecimal("1600"), new BigDecimal("1700")).levels(11)
                    .orderQty(new BigDecimal("0.3")).maxPosition(new BigDecimal("2.0")).build(), 0);
            Terminal terminal = new Terminal(data);

            int exit = MarketFeed.tradingAt("1650.00", p -> fake.trade("ETHUSDT", p, null),
                    () -> terminal.run("start", "--config", "by"));

            assertThat(exit).as(terminal.output()).isZero();
            assertThat(db.runtime().status(id)).isEqualTo(GridStatus.RUNNING);
            Eventually.await("buy entries resting on bybit", Duration.ofSeconds(15), () -> {
                try {
                    return venues.adapter("bybit").openOrders("ETHUSDT").stream().filter(o -> o.side() == Side.BUY)
                            .count() >= 3;
                } catch (Exception e) {
                    return false;
                }
            });
            assertThat(fake.ordersAccepted()).allSatisfy(o -> assertThat(o.clientOrderId()).startsWith("gb_"));
            assertThat(fake.badSignatures()).isZero();
            daemon.close();
        }
    }

    @Test
    void aOneWayGridOnAHedgeModeSymbolIsRefusedAtStartWithTheReason() throws Exception {
        // Bybit keeps the mode per symbol: the start reads it on the grid's own symbol, never assumes one-way
        fake.hedgeMode(true);
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        try (Database db = Database.open(DatabaseSettings.embedded(data));
                Venues venues = Venues.configured().withFound(VenueCatalog.discover(), VenueSettings.of(env()))) {
            GridDaemon daemon = new GridDaemon(db, venues, System::currentTimeMillis, "test-daemon", 60_000).start();
            long id = db.configs().create(GridConfig.builder("by", ((SymbolListing.Listed) new BybitVenueProvider()
                    .listing(VenueSettings.of(env()), "ETHUSDT")).rules()).exchange("bybit")
                    .mode(GridMode.LONG).band(new BigDecimal("1600"), new BigDecimal("1700")).levels(11)
                    .orderQty(new BigDecimal("0.3")).maxPosition(new BigDecimal("2.0")).build(), 0);
            Terminal terminal = new Terminal(data);

            assertThat(terminal.run("start", "--config", "by")).as(terminal.output()).isEqualTo(1);

            assertThat(terminal.output()).contains("cannot start on test-daemon: grid 'by' is set to positionMode "
                    + "ONE_WAY, but the bybit account is in HEDGE position mode");
            assertThat(db.runtime().status(id)).isNotEqualTo(GridStatus.RUNNING);
            assertThat(fake.ordersAccepted()).isEmpty();
            daemon.close();
        }
    }
}
