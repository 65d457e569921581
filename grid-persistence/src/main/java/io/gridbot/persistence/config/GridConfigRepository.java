package io.gridbot.persistence.config;

import static io.gridbot.persistence.jooq.Tables.FILL_LEDGER;
import static io.gridbot.persistence.jooq.Tables.GRID_CONFIG;
import static io.gridbot.persistence.jooq.Tables.GRID_RUNTIME;
import static io.gridbot.persistence.jooq.Tables.ORDER_INTENT;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.config.InvalidConfigException;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Side;
import io.gridbot.core.status.GridStatus;
import io.gridbot.persistence.jooq.tables.records.GridConfigRecord;
import io.gridbot.persistence.ledger.FillRepository;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

/**
 * Grid configurations: create, update, delete, list, with the spec's guards: a running grid cannot be
 * edited unless paused and cannot be deleted while it runs. Invalid configurations, and values
 * their columns cannot keep ({@link ConfigColumns}), are refused with every violation; so is a grid on a
 * symbol that another live grid holds on the same venue ({@link #holderAgainst}).
 */
public final class GridConfigRepository {

    private final DSLContext dsl;

    public GridConfigRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Stores a new grid; returns its id. */
    public long create(GridConfig config, long nowMs) {
        requireStorable(config);
        refuseHeldSymbol(config, null);
        GridConfigRecord r = dsl.newRecord(GRID_CONFIG);
        write(r, config);
        r.setIsActive(true);
        r.setCreatedAt(nowMs);
        r.setUpdatedAt(nowMs);
        try {
            r.store();
        } catch (IntegrityConstraintViolationException e) {
            throw new ConfigGuardException("a grid named '" + config.name() + "' exists already");
        }
        return r.getId();
    }

    /** Replaces a grid's configuration; refused while it runs unless paused. */
    public void update(GridConfig config, long nowMs) {
        requireStorable(config);
        GridConfigRecord r = dsl.selectFrom(GRID_CONFIG).where(GRID_CONFIG.NAME.eq(config.name())).fetchOne();
        if (r == null) {
            throw new ConfigGuardException("no grid named '" + config.name() + "'");
        }
        refuseHeldSymbol(config, r.getId());
        r.setIsActive(true);
        GridStatus status = statusOf(r.getId());
        if (status != GridStatus.STOPPED && status != GridStatus.PAUSED) {
            throw new ConfigGuardException("grid '" + config.name() + "' is " + status
                    + ": pause it before changing its configuration");
        }
        write(r, config);
        r.setUpdatedAt(nowMs);
        r.store();
    }

    /** Deletes a grid; refused unless it is stopped. */
    public void delete(String name) {
        GridConfigRecord r = dsl.selectFrom(GRID_CONFIG).where(GRID_CONFIG.NAME.eq(name)).fetchOne();
        if (r == null) {
            throw new ConfigGuardException("no grid named '" + name + "'");
        }
        GridStatus status = statusOf(r.getId());
        if (status != GridStatus.STOPPED) {
            throw new ConfigGuardException("grid '" + name + "' is " + status + ": stop it before deleting it");
        }
        dsl.deleteFrom(GRID_RUNTIME).where(GRID_RUNTIME.CONFIG_ID.eq(r.getId())).execute();
        r.delete();
    }

    public Optional<StoredGrid> find(String name) {
        return dsl.selectFrom(GRID_CONFIG).where(GRID_CONFIG.NAME.eq(name)).fetchOptional().map(GridConfigRepository::read);
    }

    public List<StoredGrid> list() {
        return dsl.selectFrom(GRID_CONFIG).orderBy(GRID_CONFIG.NAME).fetch().map(GridConfigRepository::read);
    }

    /**
     * The grid that holds a symbol on a venue, other than {@code exceptId}: one whose status is anything but
     * STOPPED, or whose ledger still shows a position (fills that do not net to zero; on a hedge-mode grid, a leg
     * that does not) or open orders. A venue account in one-way mode keeps one net position per symbol, so only
     * one such grid may trade it; the daemon trades one account per venue, so the venue and the symbol are the
     * key. A grid whose venue is gone ({@link #venueGone}) holds a symbol only while its status says it runs.
     * This is the holder as a one-way grid asks, any grid at all; {@link #holderAgainst} asks for a given grid.
     *
     * @param exceptId the grid asking (its own row does not count), or {@code null} for a new one
     * @return the holder's name, the first by name if several hold it already
     */
    public Optional<String> holderOfSymbol(String exchange, String symbol, Long exceptId) {
        return holder(exchange, symbol, exceptId, DSL.noCondition());
    }

    /**
     * The grid that stands in the way of {@code asking} on its venue and symbol, other than {@code exceptId}: as
     * {@link #holderOfSymbol} for a one-way grid. In hedge mode each leg has its owner: a LONG hedge grid and a
     * SHORT hedge grid may run side by side, each owning its leg, but a NEUTRAL hedge grid owns both legs and
     * excludes any other grid, and two grids on the same leg exclude each other.
     */
    public Optional<String> holderAgainst(GridConfig asking, Long exceptId) {
        Condition sharing = DSL.noCondition();
        if (asking.positionMode() == PositionMode.HEDGE && asking.mode() != GridMode.NEUTRAL) {
            GridMode otherLeg = asking.mode() == GridMode.LONG ? GridMode.SHORT : GridMode.LONG;
            sharing = DSL.not(GRID_CONFIG.POSITION_MODE.eq(PositionMode.HEDGE.name())
                    .and(GRID_CONFIG.GRID_MODE.eq(otherLeg.name())));
        }
        return holder(asking.exchange(), asking.symbol(), exceptId, sharing);
    }

    private Optional<String> holder(String exchange, String symbol, Long exceptId, Condition excludes) {
        Condition onLongLeg = FILL_LEDGER.KIND.eq(ClientOrderId.Kind.ENTRY.name()).eq(FILL_LEDGER.SIDE.eq(Side.BUY.name()));
        var net = DSL.select(DSL.coalesce(DSL.sum(FillRepository.signedQty()), BigDecimal.ZERO)).from(FILL_LEDGER)
                .where(FILL_LEDGER.CONFIG_ID.eq(GRID_CONFIG.ID));
        // A hedge grid's legs never net: long 0.01 and short 0.01 is two positions, not none.
        var longLeg = DSL.select(DSL.coalesce(DSL.sum(FillRepository.signedQty()), BigDecimal.ZERO)).from(FILL_LEDGER)
                .where(FILL_LEDGER.CONFIG_ID.eq(GRID_CONFIG.ID)).and(onLongLeg);
        var openOrders = DSL.selectOne().from(ORDER_INTENT)
                .where(ORDER_INTENT.CONFIG_ID.eq(GRID_CONFIG.ID)).and(ORDER_INTENT.RESOLVED_AT.isNull());
        Condition holds = DSL.field(net).ne(BigDecimal.ZERO).or(GRID_CONFIG.POSITION_MODE.eq(PositionMode.HEDGE.name())
                .and(DSL.field(longLeg).ne(BigDecimal.ZERO)));
        return dsl.select(GRID_CONFIG.NAME).from(GRID_CONFIG)
                .leftJoin(GRID_RUNTIME).on(GRID_RUNTIME.CONFIG_ID.eq(GRID_CONFIG.ID))
                .where(GRID_CONFIG.EXCHANGE.eq(exchange)).and(GRID_CONFIG.SYMBOL.eq(symbol))
                .and(exceptId == null ? DSL.noCondition() : GRID_CONFIG.ID.ne(exceptId))
                .and(excludes)
                .and(GRID_RUNTIME.STATUS.isNotNull().and(GRID_RUNTIME.STATUS.ne(GridStatus.STOPPED.name()))
                        .or(GRID_CONFIG.IS_ACTIVE.isTrue().and(DSL.exists(openOrders).or(holds))))
                .orderBy(GRID_CONFIG.NAME).limit(1)
                .fetchOptional(GRID_CONFIG.NAME);
    }

    /**
     * Records that the venue a grid traded on no longer exists (the demo's replay venue lived in its process
     * only), so its ledger says nothing about any venue account any more; storing its configuration again
     * undoes this.
     */
    public void venueGone(long configId) {
        dsl.update(GRID_CONFIG).set(GRID_CONFIG.IS_ACTIVE, false).where(GRID_CONFIG.ID.eq(configId)).execute();
    }

    /** Columns that cannot keep a value are checked first: the core's arithmetic must never see such a value. */
    private static void requireStorable(GridConfig config) {
        var misfits = ConfigColumns.misfits(config);
        if (!misfits.isEmpty()) {
            throw new InvalidConfigException(misfits);
        }
        config.requireValid();
    }

    private void refuseHeldSymbol(GridConfig config, Long exceptId) {
        holderAgainst(config, exceptId).ifPresent(holder -> {
            throw ConfigGuardException.symbolHeld(holder, config.exchange(), config.symbol());
        });
    }

    private GridStatus statusOf(long configId) {
        return dsl.select(GRID_RUNTIME.STATUS).from(GRID_RUNTIME).where(GRID_RUNTIME.CONFIG_ID.eq(configId))
                .fetchOptional(GRID_RUNTIME.STATUS).map(GridStatus::valueOf).orElse(GridStatus.STOPPED);
    }

    private static void write(GridConfigRecord r, GridConfig c) {
        ConfigColumns.write(r, GridDocument.of(c));
    }

    private static StoredGrid read(GridConfigRecord r) {
        return new StoredGrid(r.getId(), ConfigColumns.read(r).toConfig(), r.getIsActive(), r.getCreatedAt(),
                r.getUpdatedAt());
    }
}
