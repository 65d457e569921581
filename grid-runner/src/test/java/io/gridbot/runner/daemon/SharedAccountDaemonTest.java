package io.gridbot.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.testing.Eventually;
import io.gridbot.runner.testing.TestDaemons;
import io.gridbot.runner.venue.Venues;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, grids that share an account, through the daemon: the position another grid's ledger explains is
 * not adopted by a grid started on the same venue and symbol, and its stop closes nothing of it.
 */
class SharedAccountDaemonTest {

    private static final SymbolRules BTC = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);

    @TempDir
    Path dir;

    private static GridConfig config(String name) {
        return GridConfig.builder(name, BTC).mode(GridMode.SHORT).band(new BigDecimal("25000"), new BigDecimal("27000"))
                .levels(21).orderQty(new BigDecimal("0.010")).maxPosition(new BigDecimal("0.050"))
                .stopLossBufferPct(new BigDecimal("5")).build();
    }

    @Test
    void aGridStartedBesideAnotherGridsPositionAdoptsNoneOfItAndItsStopLeavesIt() throws Exception {
        SimulatedExchange exchange = new SimulatedExchange(new SimClock(System.currentTimeMillis()), SimSettings.defaults())
                .list(BTC, new BigDecimal("26050.0"));
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            long demo = db.configs().create(config("demo"), 0);
            long second = db.configs().create(config("second"), 0);
            // The demo grid holds a short of 0.005 on the account, and its ledger says so.
            String id = ClientOrderId.of(ClientOrderId.tagOf("demo"), ClientOrderId.Kind.ENTRY, Side.SELL, 11, 1);
            exchange.createOrder(OrderRequest.limit(id, "BTCUSDT", Side.SELL, new BigDecimal("26100.0"),
                    new BigDecimal("0.005"), TimeInForce.GTC, false, PositionSide.BOTH));
            exchange.trade("BTCUSDT", new BigDecimal("26150.0"), null, System.currentTimeMillis());
            var t = exchange.trades("BTCUSDT", 0).get(0);
            db.fills().append(demo, List.of(new Fill(t.atMs(), id, t.exchangeOrderId(), t.tradeId(), ClientOrderId.Kind.ENTRY,
                    Side.SELL, 11, t.price(), t.qty(), t.fee(), t.feeAsset(), BigDecimal.ZERO)));
            // The admission rule (one live grid per symbol) would refuse the second start; this test is about the
            // core's own defence behind it, so the demo grid is taken out of the rule's sight only: its ledger
            // still counts as another grid's position on the symbol.
            db.configs().venueGone(demo);

            GridDaemon daemon = new GridDaemon(db, Venues.only(exchange), System::currentTimeMillis, "shared-daemon",
                    60_000, TestDaemons.QUICK_POLL).start();
            try {
                db.runtime().requestControl(second, Control.START, "test", System.currentTimeMillis(), System.currentTimeMillis() + 60_000);
                Eventually.await("the second grid running", Duration.ofSeconds(20), () -> {
                    exchange.trade("BTCUSDT", new BigDecimal("26150.0"), null, System.currentTimeMillis());
                    return daemon.views().stream().anyMatch(v -> v.status() == GridStatus.RUNNING);
                });
                assertThat(daemon.views()).singleElement().satisfies(v -> {
                    assertThat(v.position()).isEqualByComparingTo("0");
                    assertThat(v.recentLog()).noneMatch(e -> e.detail().contains("adopts"));
                });

                db.runtime().requestControl(second, Control.STOP, "test", System.currentTimeMillis(), System.currentTimeMillis() + 60_000);
                Eventually.await("the second grid stopped", Duration.ofSeconds(20),
                        () -> daemon.views().stream().allMatch(v -> v.status() == GridStatus.STOPPED));
                assertThat(exchange.position("BTCUSDT").netQty()).as("the demo grid's short is left to it")
                        .isEqualByComparingTo("-0.005");
                assertThat(exchange.openOrders("BTCUSDT")).isEmpty();
            } finally {
                daemon.close();
            }
        }
    }
}
