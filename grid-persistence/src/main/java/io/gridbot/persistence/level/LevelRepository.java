package io.gridbot.persistence.level;

import static io.gridbot.persistence.column.StoredDecimal.plain;
import static io.gridbot.persistence.jooq.Tables.GRID_LADDER;
import static io.gridbot.persistence.jooq.Tables.GRID_LEVEL;
import static io.gridbot.persistence.jooq.Tables.GRID_RUNTIME;

import io.gridbot.core.level.Level;
import io.gridbot.core.level.LevelState;
import io.gridbot.core.order.Side;
import io.gridbot.core.spacing.GridLadder;
import io.gridbot.persistence.jooq.tables.records.GridLevelRecord;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * A grid's ladder (kept across restarts) and the latest state of each level. A daemon
 * writes through {@link #heldBy(String)}: its writes land only while it holds the grid's lease, so a daemon
 * that lost a grid (its database path cut, the grid taken over) cannot overwrite its successor's levels when
 * its delayed writes finally arrive.
 */
public final class LevelRepository {

    private final DSLContext dsl;
    private final String owner;

    public LevelRepository(DSLContext dsl) {
        this(dsl, null);
    }

    private LevelRepository(DSLContext dsl, String owner) {
        this.dsl = dsl;
        this.owner = owner;
    }

    /** The same store, writing only while {@code owner} holds the grid's lease. */
    public LevelRepository heldBy(String owner) {
        return new LevelRepository(dsl, owner);
    }

    private Condition held(long configId) {
        return owner == null ? DSL.trueCondition() : DSL.exists(DSL.selectOne().from(GRID_RUNTIME)
                .where(GRID_RUNTIME.CONFIG_ID.eq(configId)).and(GRID_RUNTIME.OWNER.eq(owner)));
    }

    /** Replaces the grid's ladder and forgets levels of the old one; false, changing nothing, when not held. */
    public boolean saveLadder(long configId, GridLadder ladder) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            if (owner != null && !owner.equals(t.select(GRID_RUNTIME.OWNER).from(GRID_RUNTIME)
                    .where(GRID_RUNTIME.CONFIG_ID.eq(configId)).forUpdate().fetchOne(GRID_RUNTIME.OWNER))) {
                return false; // the row stays locked to the end: no claim slips in between
            }
            t.deleteFrom(GRID_LADDER).where(GRID_LADDER.CONFIG_ID.eq(configId)).execute();
            t.deleteFrom(GRID_LEVEL).where(GRID_LEVEL.CONFIG_ID.eq(configId)).execute();
            var insert = t.insertInto(GRID_LADDER, GRID_LADDER.CONFIG_ID, GRID_LADDER.LINE, GRID_LADDER.PRICE);
            for (int i = 0; i < ladder.size(); i++) {
                insert = insert.values(configId, i, ladder.price(i));
            }
            insert.execute();
            return true;
        });
    }

    /** The saved ladder, at the scale it was saved with stripped of the column's padding. */
    public Optional<GridLadder> ladder(long configId) {
        List<BigDecimal> prices = dsl.select(GRID_LADDER.PRICE).from(GRID_LADDER).where(GRID_LADDER.CONFIG_ID.eq(configId))
                .orderBy(GRID_LADDER.LINE).fetch(r -> plain(r.value1()));
        return prices.isEmpty() ? Optional.empty() : Optional.of(new GridLadder(prices));
    }

    /** Saves the latest state of one level; false, changing nothing, when not held. */
    public boolean save(long configId, Level l, long nowMs) {
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
        if (dsl.update(GRID_LEVEL).set(r).where(GRID_LEVEL.CONFIG_ID.eq(configId)).and(GRID_LEVEL.LINE.eq(l.line()))
                .and(held(configId)).execute() > 0) {
            return true;
        }
        if (dsl.fetchExists(DSL.selectOne().where(held(configId)))) {
            dsl.executeInsert(r);
            return true;
        }
        return false;
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
