package io.gridbot.runner.okx;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.order.Side;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.okx.OkxVenueProvider;
import io.gridbot.exchange.okx.fake.FakeInstrument;
import io.gridbot.exchange.okx.fake.FakeOkx;
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
 * The runner trades OKX through its provider, against the fake OKX (issue 17): {@code grid config validate} checks
 * an {@code exchange: okx} grid against the swap's public listing, refusing an order quantity that is no whole
 * number of lots by its field, and the daemon opens OKX through its provider with the environment's keys when a
 * grid starts; a started grid runs, its entries resting on the fake.
 */
class OkxVenueTest {

    @TempDir
    Path dir;

    private FakeOkx fake;

    @BeforeEach
    void startTheFake() {
        // ETH in whole contracts of 0.1 ETH: an order of 0.1, 0.2, ... ETH fits, 0.15 does not
        fake = FakeOkx.start(FakeInstrument.ETH_USDT_SWAP, new BigDecimal("1650.00"));
    }

    @AfterEach
    void closeTheFake() {
        fake.close();
    }

    private static String grid(String name, String orderQty, String qtyStep) {
        return """
                name: %s
                exchange: okx
                symbol: ETH-USDT-SWAP
                mode: long
                lowerPrice: 1600
                upperPrice: 1700
                levels: 11
                orderQty: %s
                maxPosition: 2.0
                priceTick: 0.01
                qtyStep: %s
                minQty: 0.1
                minNotional: 5
                """.formatted(name, orderQty, qtyStep);
    }

    private int validate(Terminal terminal, String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("grid.yaml"), yaml);
        return terminal.run("config", "validate", "-f", file.toString());
    }

    @Test
    void aGridThatFitsTheSwapIsValidAndOneWhoseQuantityIsNoWholeNumberOfLotsIsRefusedByItsField() throws Exception {
        Terminal terminal = new Terminal(dir.resolve("data"), Map.of(OkxVenueProvider.REST_URL, fake.restUrl()));

        assertThat(validate(terminal, grid("fits", "0.3", "0.1"))).as(terminal.output()).isZero();
        assertThat(terminal.output()).contains("fits", "valid").doesNotContain("warning");

        terminal.clear();
        assertThat(validate(terminal, grid("half", "0.15", "0.05"))).isEqualTo(1);
        assertThat(terminal.output()).contains("grid half: orderQty: 0.15 is not a whole number of the venue's lots "
                + "of 0.1 for ETH-USDT-SWAP on okx", "grid half: qtyStep: 0.05 is not the venue's quantity step 0.1");

        terminal.clear();
        assertThat(validate(terminal, grid("btc", "0.3", "0.1").replace("ETH-USDT-SWAP", "ETHUSDT"))).isEqualTo(1);
        assertThat(terminal.output()).contains("grid btc: symbol: ETHUSDT is not listed: okx does not list it");
    }

    @Test
    void theDaemonsVenuesOpenOkxThroughItsProviderWithTheEnvironmentsKeys() throws Exception {
        Map<String, String> env = Map.of(OkxVenueProvider.REST_URL, fake.restUrl(),
                OkxVenueProvider.API_KEY, FakeOkx.CREDENTIALS.apiKey(),
                OkxVenueProvider.API_SECRET, FakeOkx.CREDENTIALS.secret(),
                OkxVenueProvider.PASSPHRASE, FakeOkx.CREDENTIALS.passphrase());
        try (Venues venues = Venues.configured().withFound(VenueCatalog.discover(), VenueSettings.of(env))) {
            ExchangeAdapter okx = venues.adapter("okx");
            assertThat(okx.venue()).isEqualTo("okx");
            assertThat(okx.symbolRules("ETH-USDT-SWAP").stepSize()).isEqualByComparingTo("0.1");
            assertThat(okx.positionMode()).isNotNull();
        }
        assertThat(fake.goodSignatures()).as("signed calls reached the venue").isPositive();
        assertThat(fake.badSignatures()).isZero();
    }

    @Test
    void aGridStartedOnOkxRunsWithItsOrdersRestingOnTheVenue() throws Exception {
        Map<String, String> env = Map.of(OkxVenueProvider.REST_URL, fake.restUrl(), OkxVenueProvider.STREAM_URL,
                fake.streamHost(),
                OkxVenueProvider.API_KEY, FakeOkx.CREDENTIALS.apiKey(),
                OkxVenueProvider.API_SECRET, FakeOkx.CREDENTIALS.secret(),
                OkxVenueProvider.PASSPHRASE, FakeOkx.CREDENTIALS.passphrase());
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        try (Database db = Database.open(DatabaseSettings.embedded(data));
                Venues venues = Venues.configured().withFound(VenueCatalog.discover(), VenueSettings.of(env))) {
            GridDaemon daemon = new GridDaemon(db, venues, System::currentTimeMillis, "test-daemon", 60_000).start();
            long id = db.configs().create(GridConfig.builder("ok", ((SymbolListing.Listed) new OkxVenueProvider()
                    .listing(VenueSettings.of(env), "ETH-USDT-SWAP")).rules()).exchange("okx")
                    .mode(GridMode.LONG).band(new BigDecimal("1600"), new BigDecimal("1700")).levels(11)
                    .orderQty(new BigDecimal("0.3")).maxPosition(new BigDecimal("2.0")).build(), 0);
            Terminal terminal = new Terminal(data);

            int exit = MarketFeed.tradingAt("1650.00", p -> fake.trade("ETH-USDT-SWAP", p, null),
                    () -> terminal.run("start", "--config", "ok"));

            assertThat(exit).as(terminal.output()).isZero();
            assertThat(db.runtime().status(id)).isEqualTo(GridStatus.RUNNING);
            Eventually.await("buy entries resting on okx", Duration.ofSeconds(15), () -> {
                try {
                    return venues.adapter("okx").openOrders("ETH-USDT-SWAP").stream().filter(o -> o.side() == Side.BUY).count() >= 3;
                } catch (Exception e) {
                    return false;
                }
            });
            assertThat(fake.badSignatures()).isZero();
            daemon.close();
        }
    }
}
