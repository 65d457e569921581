package io.gridbot.runner.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.Side;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.venue.VenueCatalog;
import io.gridbot.exchange.venue.VenueSettings;
import io.gridbot.exchange.binance.fake.FakeBinance;
import io.gridbot.exchange.binance.fake.FakeFaults;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.daemon.GridDaemon;
import io.gridbot.runner.testing.Eventually;
import io.gridbot.runner.testing.MarketFeed;
import io.gridbot.runner.testing.Terminal;
import io.gridbot.runner.testing.VenueBook;
import io.gridbot.runner.venue.BinanceEnvironment;
import io.gridbot.runner.venue.Venues;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A grid from the core runs end to end through the Binance adapter against the fake Binance (issue 6): the
 * daemon picks the adapter by the config's {@code exchange: binance}; orders rest on the venue, a trade fills
 * entries, their exits follow and fill, and a price beyond the band triggers the stop-loss, which flattens the
 * position. A grid whose venue is not configured is refused with the reason.
 */
class BinanceEndToEndTest {

    private static final String BTC = "BTCUSDT";

    @TempDir
    Path dir;

    private FakeBinance fake;
    private Database db;
    private Venues venues;
    private GridDaemon daemon;
    private long configId;
    private Terminal terminal;

    @BeforeEach
    void startDaemon() {
        fake = FakeBinance.start(FakeBinance.BTCUSDT, new BigDecimal("26050.0"));
        db = Database.open(DatabaseSettings.embedded(dir));
        configId = db.configs().create(GridConfig.builder("bn", FakeBinance.BTCUSDT).exchange("binance")
                .mode(GridMode.NEUTRAL).band(new BigDecimal("25000"), new BigDecimal("27000")).levels(21)
                .orderQty(new BigDecimal("0.010")).maxPosition(new BigDecimal("0.050"))
                .stopLossBufferPct(new BigDecimal("5")).build(), 0);
        // As the daemon does: every venue found on the class path, Binance opened by its provider from the
        // environment, its hosts pointed at the fake.
        venues = Venues.configured().withFound(VenueCatalog.discover(), VenueSettings.of(Map.of(
                BinanceEnvironment.API_KEY, FakeBinance.CREDENTIALS.apiKey(),
                BinanceEnvironment.API_SECRET, FakeBinance.CREDENTIALS.secret(),
                BinanceEnvironment.REST_URL, fake.restUrl(),
                BinanceEnvironment.STREAM_URL, fake.streamUrl())));
        daemon = new GridDaemon(db, venues, System::currentTimeMillis, "test-daemon", 60_000).start();
        terminal = new Terminal(dir);
    }

    @AfterEach
    void stopDaemon() {
        daemon.close();
        venues.close();
        db.close();
        fake.close();
    }

    private int grid(String... args) {
        return terminal.run(args);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Eventually.await(what, Duration.ofSeconds(15), condition);
    }

    private void trade(String price) {
        fake.trade(BTC, new BigDecimal(price), null);
    }

    private List<OpenOrder> venueOrders() {
        return new VenueBook(fake.venue(), BTC).openOrders();
    }

    private BigDecimal venuePosition() {
        return new VenueBook(fake.venue(), BTC).position();
    }

    private boolean buyEntryAt(String price) {
        return venueOrders().stream().anyMatch(o -> o.type() == OrderType.LIMIT && !o.reduceOnly() && o.side() == Side.BUY
                && o.price().compareTo(new BigDecimal(price)) == 0);
    }

    private List<Fill> fills() {
        return db.fills().between(configId, 0, Long.MAX_VALUE);
    }

    @Test
    void aGridRestsFillsExitsAndIsFlattenedByItsStopLossOnBinance() throws Exception {
        assertThat(MarketFeed.tradingAt("26050.0", p -> fake.trade(BTC, p, null), () -> grid("start", "--config", "bn"))).isZero();
        assertThat(terminal.output()).contains("start accepted by test-daemon");
        trade("26050.0");
        await("orders resting on the venue, the buys at 26,000 and 25,900 among them", () ->
                db.runtime().status(configId) == GridStatus.RUNNING && buyEntryAt("26000.0") && buyEntryAt("25900.0"));
        assertThat(fake.requestsSeen()).anyMatch(r -> r.startsWith("POST /fapi/v1/"));

        trade("25890.0"); // the buys at 26000 and 25900 fill
        await("entries filled and booked", () -> fills().stream().filter(f -> f.kind() == ClientOrderId.Kind.ENTRY).count() >= 2);
        await("a reduce-only exit rests for each entry", () -> venueOrders().stream().filter(OpenOrder::reduceOnly).count() >= 2);
        await("the position is long on the venue", () -> venuePosition().compareTo(new BigDecimal("0.020")) == 0);

        trade("26110.0"); // the exits above fill
        await("exits filled and booked", () -> fills().stream().anyMatch(f -> f.kind() == ClientOrderId.Kind.EXIT));

        await("flat, with buy entries resting again below the price", () -> venuePosition().signum() == 0
                && venueOrders().stream().anyMatch(o -> o.type() == OrderType.LIMIT && !o.reduceOnly()
                        && o.side() == Side.BUY && o.price().compareTo(new BigDecimal("25890.0")) > 0));
        trade("25890.0"); // entries again, so there is a position to protect
        await("long again", () -> venuePosition().signum() > 0);
        await("a protective stop rests on the algo endpoint", () -> venueOrders().stream()
                .anyMatch(o -> o.type() == OrderType.STOP_MARKET));

        trade("23000.0"); // beyond the band and its buffer: stop-loss

        await("stop-loss flattened the position", () -> venuePosition().signum() == 0
                && venueOrders().stream().noneMatch(o -> o.type() == OrderType.LIMIT && !o.reduceOnly()));
        await("the grid stopped after its stop-loss", () -> db.runtime().status(configId) == GridStatus.STOPPED);
        assertThat(db.reports().stopLosses(configId, "bn")).hasSize(1);
        assertThat(fake.badSignatures()).isZero();
    }

    @Test
    void aCreateAnswered500WithMinus1006ThatReachedTheBookLeavesOneOrderUnderOneClientId() throws Exception {
        long quick = db.configs().create(GridConfig.builder("bn-unknown", FakeBinance.BTCUSDT).exchange("binance")
                .mode(GridMode.LONG).band(new BigDecimal("25000"), new BigDecimal("27000")).levels(21)
                .orderQty(new BigDecimal("0.010")).maxPosition(new BigDecimal("0.050")).cooldownMs(300).build(), 0);
        // the first create rests on the book, but its answer says only that the outcome is unknown
        fake.faults().answerNextCreate(new FakeFaults.Answer(500, -1006,
                "An unexpected response was received from the message bus. Execution status unknown.", true));

        assertThat(MarketFeed.tradingAt("26050.0", p -> fake.trade(BTC, p, null), () -> grid("start", "--config", "bn-unknown")))
                .isZero();
        await("the create answered 500 / -1006", () -> !fake.faults().answeredClientIds().isEmpty());
        String hidden = fake.faults().answeredClientIds().getFirst();
        BigDecimal price = fake.venue().queryOrder(BTC, hidden).price();

        await("the grid asked the venue by the hidden order's client id", () -> fake.requestsSeen().stream()
                .anyMatch(r -> r.startsWith("GET /fapi/v1/order?") && r.contains("origClientOrderId=" + hidden)));

        trade(price.toPlainString()); // fills the order the answer hid: the grid books it under its own id
        java.util.function.Supplier<List<Fill>> booked = () -> db.fills().between(quick, 0, Long.MAX_VALUE);
        await("the hidden order's fill booked under its client id", () -> booked.get().stream()
                .anyMatch(f -> f.clientOrderId().equals(hidden)));
        await("an exit rests for it", () -> venueOrders().stream().anyMatch(OpenOrder::reduceOnly));

        assertThat(new VenueBook(fake.venue(), BTC).duplicateIdentity()).as("two orders for one level").isEmpty();
        BigDecimal ledger = booked.get().stream().map(f -> f.side() == Side.BUY ? f.qty() : f.qty().negate())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(venuePosition()).as("the venue's position is what the grid booked").isEqualByComparingTo(ledger);
        assertThat(db.runtime().status(quick)).isEqualTo(GridStatus.RUNNING);
    }

    @Test
    void everyControlCommandWorksOnABinanceGrid() throws Exception {
        assertThat(MarketFeed.tradingAt("26050.0", p -> fake.trade(BTC, p, null), () -> grid("start", "--config", "bn"))).isZero();
        trade("26050.0");
        await("running with orders", () -> db.runtime().status(configId) == GridStatus.RUNNING && buyEntryAt("26000.0"));
        trade("25890.0");
        await("a position", () -> venuePosition().signum() > 0);

        assertThat(grid("pause", "--config", "bn")).isZero();
        await("paused", () -> db.runtime().status(configId) == GridStatus.PAUSED);
        int resting = venueOrders().size();
        assertThat(resting).isPositive(); // pausing keeps the orders and the position
        assertThat(grid("status", "--config", "bn")).isZero();
        assertThat(terminal.output()).contains("state PAUSED");

        assertThat(grid("resume", "--config", "bn")).isZero();
        await("running again", () -> db.runtime().status(configId) == GridStatus.RUNNING);

        assertThat(grid("stop", "--config", "bn")).isZero();
        await("stopped flat with nothing resting", () -> db.runtime().status(configId) == GridStatus.STOPPED
                && venuePosition().signum() == 0 && venueOrders().isEmpty());
    }

    @Test
    void aGridOnAVenueThatIsNotConfiguredIsRefusedWithTheReason() throws Exception {
        long other = db.configs().create(GridConfig.builder("nowhere", FakeBinance.BTCUSDT).exchange("kraken")
                .mode(GridMode.LONG).band(new BigDecimal("25000"), new BigDecimal("27000")).levels(5)
                .orderQty(new BigDecimal("0.010")).maxPosition(new BigDecimal("0.050")).build(), 0);

        assertThat(grid("start", "--config", "nowhere")).as("a refused start exits 1").isEqualTo(1);

        assertThat(terminal.output()).contains("cannot start on test-daemon: venue kraken is unavailable: unknown venue "
                + "'kraken' (venues found: binance, bybit, okx, simulated)");
        assertThat(db.runtime().status(other)).isNotEqualTo(GridStatus.RUNNING);
    }

    @Test
    void aHedgeModeAccountIsRefusedAtStartWithTheReason() throws Exception {
        fake.hedgeMode(true);

        assertThat(grid("start", "--config", "bn")).as("a refused start exits 1").isEqualTo(1);

        assertThat(terminal.output()).contains("cannot start on test-daemon: grid 'bn' is set to positionMode "
                + "ONE_WAY, but the binance account is in HEDGE position mode: set the grid's positionMode to HEDGE, "
                + "or switch the account to ONE_WAY");
        assertThat(db.runtime().status(configId)).isNotEqualTo(GridStatus.RUNNING);
        assertThat(fake.requestsSeen()).noneMatch(r -> r.startsWith("POST /fapi/v1/order"));

        assertThat(fake.requestsSeen()).as("never switched by gridbot")
                .noneMatch(r -> r.startsWith("POST /fapi/v1/positionSide/dual"));
        fake.hedgeMode(false); // switched to one-way by the person: the next start runs
        assertThat(MarketFeed.tradingAt("26050.0", p -> fake.trade(BTC, p, null), () -> grid("start", "--config", "bn")))
                .isZero();
        await("running with orders", () -> db.runtime().status(configId) == GridStatus.RUNNING && buyEntryAt("26000.0"));
    }

    @Test
    void missingCredentialsSayWhatToSet() {
        BinanceEnvironment.Either none = BinanceEnvironment.settings(Map.of(), account -> Optional.empty());
        assertThat(none.settings()).isNull();
        assertThat(none.missing()).contains(BinanceEnvironment.API_KEY, BinanceEnvironment.API_SECRET, "credential store");

        BinanceEnvironment.Either production = BinanceEnvironment.settings(Map.of(BinanceEnvironment.ENV, "production",
                BinanceEnvironment.API_KEY, "k", BinanceEnvironment.API_SECRET, "s"), account -> Optional.empty());
        assertThat(production.settings().restUrl()).isEqualTo("https://fapi.binance.com");
        assertThat(production.settings().streamUrl()).isEqualTo("wss://fstream.binance.com");
        BinanceEnvironment.Either demo = BinanceEnvironment.settings(Map.of(BinanceEnvironment.ACCOUNT, "main"),
                account -> Optional.of(new io.gridbot.persistence.secret.Credentials("binance", account, "stored-k", "stored-s")));
        assertThat(demo.settings().restUrl()).as("demo by default").isEqualTo("https://demo-fapi.binance.com");
        assertThat(demo.settings().streamUrl()).isEqualTo("wss://demo-fstream.binance.com");
        assertThat(demo.settings().credentials().apiKey()).isEqualTo("stored-k");
        assertThat(BinanceEnvironment.settings(Map.of(BinanceEnvironment.ENV, "mainnet"), a -> Optional.empty()).missing())
                .contains("demo, testnet or production");
    }

    @Test
    void eachEnvironmentNamesItsOwnRestAndStreamHosts() {
        Map<String, List<String>> expected = Map.of(
                "demo", List.of("https://demo-fapi.binance.com", "wss://demo-fstream.binance.com"),
                "testnet", List.of("https://testnet.binancefuture.com", "wss://fstream.binancefuture.com"),
                "production", List.of("https://fapi.binance.com", "wss://fstream.binance.com"));
        expected.forEach((env, hosts) -> {
            BinanceEnvironment.Either e = BinanceEnvironment.settings(Map.of(BinanceEnvironment.ENV, env.toUpperCase(java.util.Locale.ROOT),
                    BinanceEnvironment.API_KEY, "k", BinanceEnvironment.API_SECRET, "s"), account -> Optional.empty());
            assertThat(List.of(e.settings().restUrl(), e.settings().streamUrl())).as(env).isEqualTo(hosts);
        });
    }
}
