package io.gridbot.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.persistence.notify.Notifier;
import io.gridbot.persistence.notify.NotifierKind;
import io.gridbot.persistence.secret.MasterKey;
import io.gridbot.runner.notify.Backoff;
import io.gridbot.runner.notify.DeliverySettings;
import io.gridbot.runner.notify.Notifications;
import io.gridbot.runner.notify.StoredNotifiers;
import io.gridbot.runner.testing.Eventually;
import io.gridbot.runner.testing.FakeReceiver;
import io.gridbot.runner.testing.MarketFeed;
import io.gridbot.runner.testing.Terminal;
import io.gridbot.runner.testing.TestDaemons;
import io.gridbot.runner.testing.VenueBook;
import io.gridbot.runner.venue.Venues;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: a grid hosted by a daemon on the simulated venue breaks its band past the stop-loss buffer, and the
 * stored webhook receives the stop-loss alert; a webhook that never answers holds up nothing.
 *
 * <p>A short grid, 25,000 to 27,000 in 21 lines, stop-loss lines at 24,750 and 27,270; the market opens at 26,050.
 */
@Timeout(120)
class StopLossNotificationTest {

    private static final SymbolRules BTC = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path dir;

    private final FakeReceiver webhook = new FakeReceiver();
    private Database db;
    private SimulatedExchange exchange;
    private GridDaemon daemon;
    private long configId;
    private Terminal terminal;
    private VenueBook book;
    private Notifications notifications;

    StopLossNotificationTest() throws Exception {
    }

    private void startDaemon() {
        db = Database.open(DatabaseSettings.embedded(dir));
        configId = db.configs().create(GridConfig.builder("e2e", BTC).mode(GridMode.SHORT)
                .band(new BigDecimal("25000"), new BigDecimal("27000")).levels(21).orderQty(new BigDecimal("0.010"))
                .maxPosition(new BigDecimal("0.050")).stopLossBufferPct(new BigDecimal("1")).cooldownMs(0).build(), 0);
        db.notifiers(MasterKey.fromBase64(KEY)).add(new Notifier("ops", NotifierKind.WEBHOOK,
                webhook.uri("/alerts").toString(), Optional.empty(), Set.of(), true), 0);
        exchange = new SimulatedExchange(new SimClock(System.currentTimeMillis()), SimSettings.defaults())
                .list(BTC, new BigDecimal("26050.0"));
        // One attempt, bounded by a minute: a held answer keeps the notifier's worker waiting for the whole test.
        DeliverySettings delivery = new DeliverySettings(Duration.ofSeconds(5), Duration.ofMinutes(1),
                new Backoff(1, 0, 0), 10, URI.create("http://unused.invalid"), System::currentTimeMillis, ms -> { },
                RandomGenerator.getDefault());
        notifications = new Notifications(new StoredNotifiers(db, Map.of(MasterKey.ENV, KEY), dir.resolve("master.key")),
                delivery, Notifications.REFRESH_MS);
        daemon = new GridDaemon(db, Venues.only(exchange), System::currentTimeMillis, "e2e-daemon", 60_000,
                TestDaemons.QUICK_POLL).notifying(notifications).start();
        terminal = new Terminal(dir);
        book = new VenueBook(exchange, "BTCUSDT");
    }

    @AfterEach
    void stop() {
        webhook.close();
        if (daemon != null) {
            daemon.close();
            db.close();
        }
    }

    @Test
    void aWebhookReceivesTheStopLossAlertOfAGridWhosePriceBrokeTheBand() throws Exception {
        startDaemon();
        started();

        trade("27300.0"); // past the upper stop-loss line, 27,270
        await("stopped flat after the stop-loss", () -> db.runtime().status(configId) == GridStatus.STOPPED
                && book.position().signum() == 0 && book.openOrders().isEmpty());

        JsonNode alert = stopLossAlert();
        assertThat(alert.get("grid").asText()).isEqualTo("e2e");
        assertThat(alert.get("exchange").asText()).isEqualTo("simulated");
        assertThat(alert.get("symbol").asText()).isEqualTo("BTCUSDT");
        assertThat(alert.get("daemon").asText()).isEqualTo("e2e-daemon");
        assertThat(alert.get("message").asText()).contains("stop-loss closed the grid");
        assertThat(alert.get("at").asText()).endsWith("Z");
    }

    @Test
    void aWebhookThatNeverAnswersHoldsUpNoGrid() throws Exception {
        webhook.hold();
        startDaemon();
        started();

        trade("27300.0");
        JsonNode alert = stopLossAlert(); // arrived, and its answer is held back from now on
        assertThat(alert.get("grid").asText()).isEqualTo("e2e");
        await("stopped flat after the stop-loss", () -> db.runtime().status(configId) == GridStatus.STOPPED
                && book.position().signum() == 0 && book.openOrders().isEmpty());

        // The grid goes on handling events while the notifier still waits: it starts again and trades.
        started();
        long rounds = daemon.driverRounds();
        trade("26120.0");
        await("the nearest entry filled", () -> book.position().compareTo(new BigDecimal("-0.010")) == 0);
        await("more driver rounds", () -> daemon.driverRounds() >= rounds + 5);
        assertThat(notifications.delivered("ops")).as("the notifier still waits for its answer").isZero();
    }

    /** The grid running, its nearest sell entries resting; a start waits for it, so the market trades meanwhile. */
    private void started() throws InterruptedException {
        assertThat(MarketFeed.tradingAt("26050.0", p -> exchange.trade("BTCUSDT", p, null, System.currentTimeMillis()),
                () -> terminal.run("start", "--config", "e2e"))).isZero();
        trade("26050.0");
        await("running with the nearest entry resting", () -> db.runtime().status(configId) == GridStatus.RUNNING
                && book.openOrders().stream().anyMatch(o -> !o.reduceOnly()
                        && o.price().compareTo(new BigDecimal("26100.0")) == 0));
    }

    /** The first STOP_LOSS body the webhook receives (other alerts may come before it). */
    private JsonNode stopLossAlert() throws Exception {
        long until = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < until) {
            FakeReceiver.Request r = webhook.next(WAIT);
            assertThat(r.path()).isEqualTo("/alerts");
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
            JsonNode body = new ObjectMapper().readTree(r.body());
            if (body.get("kind").asText().equals("STOP_LOSS")) {
                return body;
            }
        }
        throw new AssertionError("no STOP_LOSS alert reached the webhook");
    }

    private void trade(String price) {
        exchange.trade("BTCUSDT", new BigDecimal(price), null, System.currentTimeMillis());
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Eventually.await(what, WAIT, condition);
    }
}
