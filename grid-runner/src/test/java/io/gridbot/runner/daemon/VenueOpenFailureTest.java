package io.gridbot.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.okx.OkxVenueProvider;
import io.gridbot.exchange.okx.fake.FakeInstrument;
import io.gridbot.exchange.okx.fake.FakeOkx;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.exchange.sim.SimulatedVenueProvider;
import io.gridbot.exchange.venue.SymbolListing;
import io.gridbot.exchange.venue.VenueCatalog;
import io.gridbot.exchange.venue.VenueProvider;
import io.gridbot.exchange.venue.VenueSettings;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.testing.CapturedLogs;
import io.gridbot.runner.testing.Eventually;
import io.gridbot.runner.testing.MarketFeed;
import io.gridbot.runner.testing.Terminal;
import io.gridbot.runner.testing.TestDaemons;
import io.gridbot.runner.venue.Venues;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A venue that fails to open when a grid starts on it is the start's refusal, with the venue's reason, and
 * nothing more (issue 17): an OKX grid whose REST host is unreachable, whose stream host is mistyped (the adapter
 * throws unchecked when the grid's streams are subscribed), whose credentials are missing, or whose key the venue
 * refuses, and a third party's venue whose provider or adapter throws an unchecked exception, are
 * each answered "cannot start" (exit 1), naming the venue and what failed, once, with no control-polling failure;
 * a grid already running on the simulated venue in the same daemon keeps running and answering its requests.
 */
class VenueOpenFailureTest {

    private static final String BTC = "BTCUSDT";

    @TempDir
    Path dir;

    private Database db;
    private SimulatedExchange simulated;
    private MarketFeed market;
    private Venues venues;
    private GridDaemon daemon;
    private long simGrid;
    private Terminal terminal;
    private CapturedLogs logs;
    private FakeOkx fake;
    private SymbolRules eth;

    @BeforeEach
    void open() {
        fake = FakeOkx.start(FakeInstrument.ETH_USDT_SWAP, new BigDecimal("1650.00"));
        eth = ((SymbolListing.Listed) new OkxVenueProvider().listing(VenueSettings.of(Map.of(OkxVenueProvider.REST_URL,
                fake.restUrl())), "ETH-USDT-SWAP")).rules();
        db = Database.open(DatabaseSettings.embedded(dir));
        simulated = new SimulatedExchange(new SimClock(System.currentTimeMillis()), SimSettings.defaults())
                .list(SimulatedVenueProvider.BTCUSDT, new BigDecimal("26050.0"));
        market = new MarketFeed(p -> simulated.trade(BTC, p, null, System.currentTimeMillis())).at("26050.0");
        simGrid = db.configs().create(GridConfig.builder("sim", SimulatedVenueProvider.BTCUSDT)
                .exchange("simulated").mode(GridMode.NEUTRAL).band(new BigDecimal("25000"), new BigDecimal("27000"))
                .levels(21).orderQty(new BigDecimal("0.010")).maxPosition(new BigDecimal("0.050")).build(), 0);
        terminal = new Terminal(dir);
        logs = new CapturedLogs();
    }

    @AfterEach
    void close() {
        logs.close();
        market.close();
        if (daemon != null) {
            daemon.close();
        }
        if (venues != null) {
            venues.close();
        }
        db.close();
        fake.close();
    }

    /** A daemon whose venues are the simulator and those of {@code catalog}, opened from {@code env}; "sim" runs. */
    private void daemonWith(VenueCatalog catalog, Map<String, String> env) throws Exception {
        venues = Venues.configured().with("simulated", () -> simulated).withFound(catalog, VenueSettings.of(env));
        daemon = new GridDaemon(db, venues, System::currentTimeMillis, "test-daemon", 60_000, TestDaemons.QUICK_POLL)
                .start();
        assertThat(terminal.run("start", "--config", "sim")).as(terminal.output()).isZero();
        terminal.clear();
    }

    private long okxGrid(String name) {
        return db.configs().create(GridConfig.builder(name, eth).exchange("okx").mode(GridMode.LONG)
                .band(new BigDecimal("1600"), new BigDecimal("1700")).levels(11).orderQty(new BigDecimal("0.3"))
                .maxPosition(new BigDecimal("2.0")).build(), 0);
    }

    private static Map<String, String> okxKeys(String restUrl, String secret) {
        return Map.of(OkxVenueProvider.REST_URL, restUrl,
                OkxVenueProvider.API_KEY, FakeOkx.CREDENTIALS.apiKey(),
                OkxVenueProvider.API_SECRET, secret,
                OkxVenueProvider.PASSPHRASE, FakeOkx.CREDENTIALS.passphrase());
    }

    private static String closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    /**
     * Starts {@code name}, which must be refused (exit 1) with a reason containing each of {@code reason}; then
     * the daemon's polling never failed, the grid holds no lease here, and "sim" still runs and answers a pause.
     */
    private void refusedThenTheRestRuns(String name, long id, String... reason) throws Exception {
        assertThat(terminal.run("start", "--config", name)).as(terminal.output()).isEqualTo(1);
        assertThat(terminal.output()).contains("cannot start on test-daemon: ").contains(reason);
        assertThat(db.runtime().status(id)).isNotEqualTo(GridStatus.RUNNING);
        assertThat(daemon.views()).extracting(v -> v.name()).containsExactly("sim");
        assertThat(logs.text()).doesNotContain("reading control requests failed");

        terminal.clear();
        assertThat(terminal.run("pause", "--config", "sim")).as(terminal.output()).isZero();
        await("sim paused", () -> db.runtime().status(simGrid) == GridStatus.PAUSED);
        assertThat(terminal.run("resume", "--config", "sim")).as(terminal.output()).isZero();
        await("sim running again", () -> db.runtime().status(simGrid) == GridStatus.RUNNING);
        assertThat(logs.text()).doesNotContain("reading control requests failed");

        // Refused, not stuck: asked again, it is answered again with the reason (the venue is tried anew).
        terminal.clear();
        assertThat(terminal.run("start", "--config", name)).as(terminal.output()).isEqualTo(1);
        assertThat(terminal.output()).contains(reason);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Eventually.await(what, Duration.ofSeconds(15), condition);
    }

    @Test
    void anOkxGridWhoseRestHostIsUnreachableIsRefusedNamingTheVenue() throws Exception {
        String nowhere = closedPort();
        daemonWith(VenueCatalog.discover(), okxKeys(nowhere, FakeOkx.CREDENTIALS.secret()));
        long id = okxGrid("down");

        refusedThenTheRestRuns("down", id, "venue okx is unavailable: it did not open: ");
    }

    @Test
    void anOkxGridWhoseStreamHostIsMistypedIsRefusedWithTheAdaptersReason() throws Exception {
        // No scheme: OKX's adapter opens over REST, then throws IllegalArgumentException when the grid's streams
        // are subscribed, which reached the control polling before (issue 17).
        Map<String, String> env = new HashMap<>(okxKeys(fake.restUrl(), FakeOkx.CREDENTIALS.secret()));
        env.put(OkxVenueProvider.STREAM_URL, fake.streamHost().replaceFirst("^[a-z]+://", ""));
        daemonWith(VenueCatalog.discover(), env);
        long id = okxGrid("nostream");

        refusedThenTheRestRuns("nostream", id, "venue okx is unavailable: its streams could not be subscribed: "
                + "IllegalArgumentException: Expected URL scheme");
    }

    @Test
    void anOkxGridWithNoCredentialsIsRefusedSayingWhatToSet() throws Exception {
        daemonWith(VenueCatalog.discover(), Map.of(OkxVenueProvider.REST_URL, fake.restUrl()));
        long id = okxGrid("nokey");

        refusedThenTheRestRuns("nokey", id, "venue okx is unavailable: no credentials: set GRIDBOT_OKX_API_KEY");
    }

    @Test
    void anOkxGridWhoseKeyTheVenueRefusesIsRefusedWithTheVenuesAnswer() throws Exception {
        daemonWith(VenueCatalog.discover(), okxKeys(fake.restUrl(), "not-the-secret"));
        long id = okxGrid("badkey");

        refusedThenTheRestRuns("badkey", id, "venue okx is unavailable: it did not open: ");
        assertThat(fake.ordersAccepted()).isEmpty();
    }

    @Test
    void aThirdPartyProviderWhoseOpenThrowsUncheckedIsRefusedWithItsMessage() throws Exception {
        List<VenueProvider> providers = new ArrayList<>(VenueCatalog.discover().providers());
        providers.add(ThrowingVenue.atOpen(new IllegalStateException("the vendor SDK is not initialised")));
        daemonWith(VenueCatalog.of(providers), Map.of());
        long id = db.configs().create(simulatedLike("vendor", ThrowingVenue.CODE), 0);

        refusedThenTheRestRuns("vendor", id, "venue " + ThrowingVenue.CODE + " is unavailable: it did not open: "
                + "IllegalStateException: the vendor SDK is not initialised");
    }

    @Test
    void aThirdPartyAdapterThatThrowsUncheckedWhenFirstAskedIsRefusedWithItsMessage() throws Exception {
        List<VenueProvider> providers = new ArrayList<>(VenueCatalog.discover().providers());
        providers.add(ThrowingVenue.whenAsked(simulated, new UnsupportedOperationException("no account endpoint yet")));
        daemonWith(VenueCatalog.of(providers), Map.of());
        long id = db.configs().create(simulatedLike("vendor", ThrowingVenue.CODE), 0);

        refusedThenTheRestRuns("vendor", id, "venue " + ThrowingVenue.CODE + " is unavailable: could not read "
                + "the account's position mode: UnsupportedOperationException: no account endpoint yet");
    }

    private static GridConfig simulatedLike(String name, String exchange) {
        return GridConfig.builder(name, SimulatedVenueProvider.BTCUSDT).exchange(exchange).mode(GridMode.LONG)
                .band(new BigDecimal("25000"), new BigDecimal("27000")).levels(11).orderQty(new BigDecimal("0.010"))
                .maxPosition(new BigDecimal("0.050")).build();
    }
}
