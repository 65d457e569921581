package io.gridbot.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.Side;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.persistence.report.ReportRepository;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: the snapshots a daemon stores book a grid's realized PnL as its position mode does, and keep the mode
 * and each leg's realized PnL, fills and position.
 */
class StatisticsSnapshotsTest {

    private static final SymbolRules BTC = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path dir;

    private static GridConfig config(String name, PositionMode mode) {
        // a neutral hedge grid may not use the venue-side stop, which protects one leg
        return GridConfig.builder(name, BTC).mode(GridMode.NEUTRAL).positionMode(mode).protectiveStop(false)
                .band(new BigDecimal("25000"), new BigDecimal("27000")).levels(21).orderQty(new BigDecimal("0.010"))
                .maxPosition(new BigDecimal("0.050")).stopLossBufferPct(new BigDecimal("5")).build();
    }

    /** The long leg buys at 26000, the short leg sells at 26200, the long leg exits at 26100. */
    private static List<Fill> fills(String grid) {
        return List.of(fill(grid, 1, ClientOrderId.Kind.ENTRY, Side.BUY, "26000.0"),
                fill(grid, 2, ClientOrderId.Kind.ENTRY, Side.SELL, "26200.0"),
                fill(grid, 3, ClientOrderId.Kind.EXIT, Side.SELL, "26100.0"));
    }

    private static Fill fill(String grid, int n, ClientOrderId.Kind kind, Side side, String price) {
        return new Fill(T0 + n * 1_000L, grid + "-c" + n, grid + "-x" + n, grid + "-t" + n, kind, side, 10,
                new BigDecimal(price), new BigDecimal("0.010"), BigDecimal.ZERO, "USDT", BigDecimal.ZERO);
    }

    /** The all-time snapshot of the grid, in a database of its own (both grids trade the same symbol). */
    private ReportRepository.StatisticsSnapshot allTime(String name, PositionMode mode) {
        try (Database db = Database.open(DatabaseSettings.embedded(dir.resolve(name)))) {
            long id = db.configs().create(config(name, mode), 0);
            db.fills().append(id, fills(name));
            new StatisticsSnapshots(db, 60_000).take(db.configs().find(name).orElseThrow(), T0 + 10_000,
                    new BigDecimal("26100.0"));
            return db.reports().statistics(id, "ALL", 0, Long.MAX_VALUE).getFirst();
        }
    }

    @Test
    void aHedgeGridsSnapshotIsRealizedPerLegAndKeepsEachLeg() {
        ReportRepository.StatisticsSnapshot hedge = allTime("hedge", PositionMode.HEDGE);
        ReportRepository.StatisticsSnapshot oneWay = allTime("oneway", PositionMode.ONE_WAY);

        // hedge: the long leg realized (26100 − 26000) × 0.010 = 1; the short leg, open at 26200, is worth +1
        assertThat(hedge.positionMode()).isEqualTo(PositionMode.HEDGE);
        assertThat(hedge.realizedPnl()).isEqualByComparingTo("1");
        assertThat(hedge.unrealizedPnl()).isEqualByComparingTo("1");
        assertThat(hedge.longLeg()).isEqualTo(new ReportRepository.Leg(new BigDecimal("1"), 2, new BigDecimal("0")));
        assertThat(hedge.shortLeg()).isEqualTo(new ReportRepository.Leg(new BigDecimal("0"), 1, new BigDecimal("-0.01")));
        // one-way: the short entry closed the long at 26200, (26200 − 26000) × 0.010 = 2; -0.010 open at 26100
        assertThat(oneWay.positionMode()).isEqualTo(PositionMode.ONE_WAY);
        assertThat(oneWay.realizedPnl()).isEqualByComparingTo("2");
        assertThat(oneWay.unrealizedPnl()).isEqualByComparingTo("0");
        assertThat(oneWay.longLeg()).isEqualTo(hedge.longLeg());
        assertThat(oneWay.shortLeg()).isEqualTo(hedge.shortLeg());
        assertThat(hedge.totalPnl()).isEqualByComparingTo(oneWay.totalPnl()).isEqualByComparingTo("2");
    }
}
