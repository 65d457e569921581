package io.gridbot.runner.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.persistence.config.StoredGrid;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scrape reads a bounded number of ledgers, the stalest first, so no grid's figures starve (issue 13). */
class LedgerFiguresTest {

    @TempDir
    Path dir;

    @Test
    void eachRoundReadsAtMostItsShareOfLedgersTheStalestFirst() {
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            List<StoredGrid> grids = IntStream.rangeClosed(0, LedgerFigures.READS_PER_ROUND).mapToObj(i -> {
                long id = db.configs().create(GridConfig.builder("g" + i, MonitoredDaemon.BTC)
                        .band(new BigDecimal("25000"), new BigDecimal("27000")).levels(21)
                        .orderQty(new BigDecimal("0.010")).maxPosition(new BigDecimal("0.050"))
                        .stopLossBufferPct(new BigDecimal("5")).build(), 0);
                return db.configs().list().stream().filter(g -> g.id() == id).findFirst().orElseThrow();
            }).toList();
            LedgerFigures ledger = new LedgerFigures(db);
            long t0 = 1_800_000_000_000L;

            assertThat(read(ledger, grids, t0)).as("never read: every grid is read once").isEqualTo(grids.size());
            assertThat(read(ledger, grids, t0 + 1_000)).as("all fresh: nothing is read").isZero();

            long stale = t0 + LedgerFigures.REFRESH_MS;
            assertThat(read(ledger, grids, stale)).as("all stale: one round's share").isEqualTo(LedgerFigures.READS_PER_ROUND);
            long later = stale + 1_000;
            List<StoredGrid> order = ledger.round(grids, StoredGrid::id);
            assertThat(ledger.of(order.getFirst(), null, later).atMs())
                    .as("the one left over is read first in the next round").isEqualTo(later);
        }
    }

    /** One round at {@code nowMs}: how many grids got figures computed then. */
    private static long read(LedgerFigures ledger, List<StoredGrid> grids, long nowMs) {
        return ledger.round(grids, StoredGrid::id).stream().filter(g -> ledger.of(g, null, nowMs).atMs() == nowMs).count();
    }
}
