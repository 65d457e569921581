package io.gridbot.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.machine.GridView;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.Side;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.testing.Eventually;
import io.gridbot.runner.testing.VenueBook;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edge case 5 from the grid's side: the database goes away under a running daemon, and the grid goes on
 * trading (exits follow fills, the stop-loss flattens) while its writes wait behind.
 */
class DatabaseOutageTest {

    private static final SymbolRules BTC = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void aGridGoesOnTradingAndStopsOutWhileTheDatabaseIsGone() throws Exception {
        Database db = Database.open(DatabaseSettings.embedded(dir));
        long id = db.configs().create(GridConfig.builder("g", BTC).mode(GridMode.SHORT)
                .band(new BigDecimal("25000"), new BigDecimal("27000")).levels(21).orderQty(new BigDecimal("0.010"))
                .maxPosition(new BigDecimal("0.050")).stopLossBufferPct(new BigDecimal("1")).cooldownMs(0).build(), 0);
        SimulatedExchange exchange = new SimulatedExchange(new SimClock(System.currentTimeMillis()), SimSettings.defaults())
                .list(BTC, new BigDecimal("26050.0"));
        VenueBook book = new VenueBook(exchange, "BTCUSDT");
        GridDaemon daemon = new GridDaemon(db, exchange, System::currentTimeMillis, "outage-daemon").start();
        try {
            db.runtime().requestControl(id, Control.START, "test", System.currentTimeMillis(), System.currentTimeMillis() + 60_000);
            Eventually.await("hosted", WAIT, () -> !daemon.views().isEmpty());
            exchange.trade("BTCUSDT", new BigDecimal("26050.0"), null, System.currentTimeMillis());
            Eventually.await("running", WAIT, () -> status(daemon) == GridStatus.RUNNING && book.openOrders().size() >= 5);

            db.close(); // every read and write fails from now on

            exchange.trade("BTCUSDT", new BigDecimal("26120.0"), null, System.currentTimeMillis());
            Eventually.await("the exit follows the fill", WAIT, () -> book.openOrders().stream().anyMatch(o ->
                    o.reduceOnly() && o.side() == Side.BUY && o.price().compareTo(new BigDecimal("26000.0")) == 0));
            exchange.trade("BTCUSDT", new BigDecimal("27300.0"), null, System.currentTimeMillis());
            Eventually.await("stopped out flat", WAIT, () -> status(daemon) == GridStatus.STOPPED
                    && book.position().signum() == 0 && book.openOrders().stream().noneMatch(this::limit));
        } finally {
            daemon.close();
        }
    }

    private boolean limit(OpenOrder o) {
        return o.type() == OrderType.LIMIT;
    }

    private static GridStatus status(GridDaemon daemon) {
        return daemon.views().stream().map(GridView::status).findFirst().orElse(GridStatus.STOPPED);
    }
}
