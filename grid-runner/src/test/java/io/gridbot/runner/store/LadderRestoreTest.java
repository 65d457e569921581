package io.gridbot.runner.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.event.GridEvent;
import io.gridbot.core.level.Level;
import io.gridbot.core.level.LevelState;
import io.gridbot.core.machine.GridMachine;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.Side;
import io.gridbot.core.spacing.GridLadder;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.testing.ServerDatabase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, restarts lose nothing: the saved ladder and levels come back from the database (whose DECIMAL
 * columns return other scales than were written) and the grid restores them instead of building anew.
 */
class LadderRestoreTest {

    private static final SymbolRules BTC = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);

    @TempDir
    Path dir;

    private static GridConfig config() {
        return GridConfig.builder("restore-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36),
                BTC).mode(GridMode.SHORT).band(new BigDecimal("25700"), new BigDecimal("26500")).levels(41)
                .orderQty(new BigDecimal("0.010")).maxPosition(new BigDecimal("0.100"))
                .stopLossBufferPct(new BigDecimal("10")).build();
    }

    @Test
    void theSavedLadderAndLevelsAreRestoredFromTheEmbeddedDatabase() {
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            restoresAfterARoundTrip(db);
        }
    }

    @Test
    void theSavedLadderAndLevelsAreRestoredFromMariaDb() throws Exception {
        try (ServerDatabase server = ServerDatabase.create(); Database db = Database.open(server.settings())) {
            restoresAfterARoundTrip(db);
        }
    }

    private static void restoresAfterARoundTrip(Database db) {
        GridConfig config = config();
        long id = db.configs().create(config, 0);
        GridMachine first = GridMachine.create(config);
        GridLadder built = first.on(new GridEvent.ControlRequested(1_000, GridEvent.Control.START)).stream()
                .filter(GridCommand.LadderBuilt.class::isInstance).map(c -> ((GridCommand.LadderBuilt) c).ladder())
                .findFirst().orElseThrow();
        assertThat(built.lowest().toPlainString()).isEqualTo("25700.0");
        db.levels().saveLadder(id, built);
        // Line 30 holds a short of 0.010 entered at its line; its ninth order was the last one placed.
        Level held = new Level(30, 10, built.price(30), LevelState.POSITION_OPEN, Side.SELL, 9,
                "gb_x_ES_30_9", "77", null, null, new BigDecimal("0.010"), built.price(30), BigDecimal.ZERO, 0);
        db.levels().save(id, held, 1_000);

        GridMachine restored = GridMachine.restore(config, db.levels().ladder(id).orElse(null), db.levels().levels(id));
        List<GridCommand> out = restored.on(new GridEvent.ControlRequested(2_000, GridEvent.Control.START));

        assertThat(out).as("the saved ladder is kept, not rebuilt").noneMatch(GridCommand.LadderBuilt.class::isInstance);
        assertThat(restored.view().ladder().prices()).usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(built.prices());
        Level line30 = restored.view().levels().get(30);
        assertThat(line30.signedPosition()).isEqualByComparingTo("-0.010");
        assertThat(line30.orderSeq()).as("the order sequence continues").isGreaterThanOrEqualTo(9);
    }
}
