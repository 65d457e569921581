package io.gridbot.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.machine.GridMachine;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.persistence.config.StoredGrid;
import io.gridbot.runner.engine.GridEngine;
import io.gridbot.runner.engine.GridJournal;
import io.gridbot.runner.notify.GridAlert;
import io.gridbot.runner.notify.GridAlerts;
import io.gridbot.runner.store.PersistentJournal;
import io.gridbot.runner.testing.Eventually;
import io.gridbot.runner.testing.TestDaemons;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13: a grid's engine failing on its driver's thread raises one UNEXPECTED_ERROR alert per run of failures. */
class EngineFailureAlertTest {

    private static final SymbolRules BTC = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);

    @TempDir
    Path dir;

    @Test
    void aDriverWhoseEngineFailsRaisesAnUnexpectedErrorAlertOnceAndGoesOn() throws Exception {
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            GridConfig config = GridConfig.builder("failing", BTC).band(new BigDecimal("25000"), new BigDecimal("27000"))
                    .levels(21).orderQty(new BigDecimal("0.010")).maxPosition(new BigDecimal("0.050")).build();
            db.configs().create(config, 0);
            StoredGrid grid = db.configs().find("failing").orElseThrow();
            SimulatedExchange exchange = new SimulatedExchange(new SimClock(System.currentTimeMillis()), SimSettings.defaults())
                    .list(BTC, new BigDecimal("26050.0"));
            AtomicInteger failures = new AtomicInteger();
            GridJournal breaking = new GridJournal() {
                @Override
                public void status(String name, GridStatus from, GridStatus to, String reason) {
                    failures.incrementAndGet();
                    throw new IllegalStateException("journal broke");
                }
            };
            var executor = Executors.newVirtualThreadPerTaskExecutor();
            GridEngine engine = new GridEngine(GridMachine.create(config), exchange, executor, System::currentTimeMillis,
                    breaking).attach();
            List<GridAlert> raised = new CopyOnWriteArrayList<>();
            GridLeases leases = new GridLeases(db, "test-daemon", TestDaemons.QUICK_POLL, System::currentTimeMillis);
            assertThat(leases.claim(grid.id())).isTrue();
            GridDriver driver = new GridDriver(grid, engine, new PersistentJournal(db, grid.id(), "test-daemon",
                    System::currentTimeMillis), leases, 15_000, new StatisticsSnapshots(db, 60_000), () -> true,
                    System::currentTimeMillis).alertingTo(new GridAlerts("failing", "simulated", "BTCUSDT", "test-daemon",
                            System::currentTimeMillis, () -> raised::add));
            driver.start();
            try {
                engine.control(Control.START); // its status change reaches the journal, which throws
                Eventually.await("the failure", Duration.ofSeconds(10), () -> failures.get() >= 1);
                long after = driver.rounds();
                Eventually.await("rounds after the failure", Duration.ofSeconds(10), () -> driver.rounds() >= after + 3);
                engine.control(Control.PAUSE); // fails again: a new run of failures
                Eventually.await("the second failure", Duration.ofSeconds(10), () -> failures.get() >= 2);
                long later = driver.rounds();
                Eventually.await("rounds after it", Duration.ofSeconds(10), () -> driver.rounds() >= later + 3);
            } finally {
                driver.stop();
                engine.close();
                executor.shutdownNow();
            }
            assertThat(raised).hasSize(2).allSatisfy(a -> {
                assertThat(a.kind()).isEqualTo("UNEXPECTED_ERROR");
                assertThat(a.grid()).isEqualTo("failing");
                assertThat(a.daemon()).isEqualTo("test-daemon");
                assertThat(a.message()).isEqualTo("the grid's engine failed: java.lang.IllegalStateException: journal broke");
            });
        }
    }
}
