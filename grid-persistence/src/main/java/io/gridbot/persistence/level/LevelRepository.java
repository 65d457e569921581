package io.gridbot.persistence.level;

import static io.gridbot.persistence.StoredDecimal.plain;
import static io.gridbot.persistence.jooq.Tables.GRID_LADDER;
import static io.gridbot.persistence.jooq.Tables.GRID_LEVEL;

import io.gridbot.core.level.Level;
import io.gridbot.core.level.LevelState;
import io.gridbot.core.order.Side;
import io.gridbot.core.spacing.GridLadder;
import io.gridbot.persistence.jooq.tables.records.GridLevelRecord;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** A grid's ladder (kept across restarts, clarification A) and the latest state of each level (FR-6). */
public final class LevelRepository {

    private final DSLContext dsl;

    public LevelRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Replaces the grid's ladder and forgets levels of the old one. */
    public void saveLadder(long configId, GridLadder ladder) {
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            t.deleteFrom(GRID_LADDER).where(GRID_LADDER.CONFIG_ID.eq(configId)).execute();
            t.deleteFrom(GRID_LEVEL).where(GRID_LEVEL.CONFIG_ID.eq(configId)).execute();
            var insert = t.insertInto(GRID_LADDER, GRID_LADDER.CONFIG_ID, GRID_LADDER.LINE, GRID_LADDER.PRICE);
            for (int i = 0; i < ladder.size(); i++) {
                insert = insert.values(configId, i, ladder.price(i));
            }
            insert.execute();
        });
    }

    /** The saved ladder, at the scale it was saved with stripped of the column's padding. */
    public Optional<GridLadder> ladder(long configId) {
        List<BigDecimal> prices = dsl.select(GRID_LADDER.PRICE).from(GRID_LADDER).where(GRID_LADDER.CONFIG_ID.eq(configId))
                .orderBy(GRID_LADDER.LINE).fetch(r -> plain(r.value1()));
        return prices.isEmpty() ? Optional.empty() : Optional.of(new GridLadder(prices));
    }

    /** Saves the latest state of one level. */
    public void save(long configId, Level l, long nowMs) {
        GridLevelRecord r = dsl.newRecord(GRID_LEVEL);
        r.setConfigId(configId);
        r.setLine(l.line());
        r.setLevelIndex(l.levelIndex());
        r.setPrice(l.price());
        r.setStatus(l.state().name());
        r.setSide(l.entrySide() == null ? null : l.entrySide().name());
        r.setOrderSeq(l.orderSeq());
        r.setEntryClientId(l.entryClientId());
        r.setEntryOrderId(l.entryOrderId());
        r.setExitClientId(l.exitClientId());
        r.setExitOrderId(l.exitOrderId());
        r.setEntryFilled(l.entryFilledQty());
        r.setEntryAvgPrice(l.entryAvgPrice());
        r.setExitFilled(l.exitFilledQty());
        r.setBlockedUntil(l.blockedUntilMs());
        r.setUpdatedAt(nowMs);
        // Update first: the level usually exists; insert when it does not yet.
        if (dsl.executeUpdate(r) == 0) {
            dsl.executeInsert(r);
        }
    }

    /** Every saved level, by line. */
    public List<Level> levels(long configId) {
        return dsl.selectFrom(GRID_LEVEL).where(GRID_LEVEL.CONFIG_ID.eq(configId)).orderBy(GRID_LEVEL.LINE)
                .fetch(r -> new Level(r.getLine(), r.getLevelIndex(), plain(r.getPrice()), LevelState.valueOf(r.getStatus()),
                        r.getSide() == null ? null : Side.valueOf(r.getSide()), r.getOrderSeq(), r.getEntryClientId(),
                        r.getEntryOrderId(), r.getExitClientId(), r.getExitOrderId(), plain(r.getEntryFilled()),
                        plain(r.getEntryAvgPrice()), plain(r.getExitFilled()), r.getBlockedUntil()));
    }

}
