package io.gridbot.runner.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.daemon.GridDaemon;
import io.gridbot.runner.testing.Eventually;
import io.gridbot.runner.testing.TestDaemons;
import io.gridbot.runner.venue.Venues;
import io.gridbot.runner.web.DashboardServer;
import io.gridbot.runner.web.grid.LiveGrids;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A daemon with its HTTP server, as {@code grid daemon} runs it: an embedded database in a temporary
 * directory, a simulated exchange whose trades the test makes, one neutral grid "g" on BTCUSDT, its own
 * Prometheus registry.
 */
final class MonitoredDaemon implements AutoCloseable {

    static final SymbolRules BTC = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;
    final Database db;
    final SimulatedExchange exchange;
    final GridDaemon daemon;
    final DashboardServer server;
    final long gridId;
    private final HttpClient http = HttpClient.newHttpClient();

    MonitoredDaemon(Path dir) throws Exception {
        this.dir = dir;
        db = Database.open(DatabaseSettings.embedded(dir));
        gridId = db.configs().create(GridConfig.builder("g", BTC).exchange("simulated").mode(GridMode.NEUTRAL)
                .band(new BigDecimal("25000"), new BigDecimal("27000")).levels(21).orderQty(new BigDecimal("0.010"))
                .maxPosition(new BigDecimal("0.050")).stopLossBufferPct(new BigDecimal("5")).build(), 0);
        exchange = new SimulatedExchange(new SimClock(System.currentTimeMillis()), SimSettings.defaults())
                .list(BTC, new BigDecimal("26050.0"));
        daemon = new GridDaemon(db, Venues.only(exchange), System::currentTimeMillis, "monitored-daemon", 60_000,
                TestDaemons.QUICK_POLL, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)).start();
        server = DashboardServer.start(new DashboardServer.Settings("127.0.0.1", 0), db, LiveGrids.of(daemon::views),
                daemon.monitoring());
    }

    void trade(String price) {
        exchange.trade("BTCUSDT", new BigDecimal(price), null, System.currentTimeMillis());
    }

    /** Starts grid "g" and gives it a price; returns once its buys at 26,000 and 25,900 rest. */
    void startGrid() throws InterruptedException {
        long now = System.currentTimeMillis();
        db.runtime().requestControl(gridId, Control.START, "test", now, now + 60_000);
        await("running with orders", () -> {
            trade("26050.0");
            return db.runtime().status(gridId) == GridStatus.RUNNING && limitOrders().stream().filter(o -> !o.reduceOnly())
                    .filter(o -> o.price().compareTo(new BigDecimal("26000.0")) == 0
                            || o.price().compareTo(new BigDecimal("25900.0")) == 0).count() == 2;
        });
    }

    /** The grid's limit orders resting on the venue. */
    List<OpenOrder> limitOrders() {
        try {
            return exchange.openOrders("BTCUSDT").stream().filter(o -> o.type() == OrderType.LIMIT).toList();
        } catch (ExchangeException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(server.uri().resolve(path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode health() throws IOException, InterruptedException {
        return JSON.readTree(get("/health").body());
    }

    PrometheusText metrics() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/metrics");
        if (response.statusCode() != 200) {
            throw new AssertionError("/metrics answered " + response.statusCode());
        }
        return PrometheusText.parse(response.body());
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Eventually.await(what, Duration.ofSeconds(20), condition);
    }

    static <T> T awaitValue(String what, java.util.function.Supplier<T> probe) throws InterruptedException {
        return Eventually.awaitValue(what, Duration.ofSeconds(20), probe);
    }

    URI uri() {
        return server.uri();
    }

    @Override
    public void close() {
        server.close();
        daemon.close();
        db.close();
    }
}
