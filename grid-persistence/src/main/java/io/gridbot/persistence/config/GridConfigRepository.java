package io.gridbot.persistence.config;

import static io.gridbot.persistence.jooq.Tables.FILL_LEDGER;
import static io.gridbot.persistence.jooq.Tables.GRID_CONFIG;
import static io.gridbot.persistence.jooq.Tables.GRID_RUNTIME;
import static io.gridbot.persistence.jooq.Tables.ORDER_INTENT;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.InvalidConfigException;
import io.gridbot.core.status.GridStatus;
import io.gridbot.persistence.jooq.tables.records.GridConfigRecord;
import io.gridbot.persistence.ledger.FillRepository;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

/**
 * Grid configurations: create, update, delete, list, with the spec's guards: a running grid cannot be
 * edited unless paused and cannot be deleted while it runs. Invalid configurations, and values
 * their columns cannot keep ({@link ConfigColumns}), are refused with every violation; so is a grid on a
 * symbol that another live grid holds on the same venue ({@link #holderOfSymbol}).
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
     * STOPPED, or whose ledger still shows a position (fills that do not net to zero) or open orders. A venue
     * account in one-way mode keeps one net position per symbol, so only one such grid may trade it; the daemon
     * trades one account per venue, so the venue and the symbol are the key. A grid whose venue is gone
     * ({@link #venueGone}) holds a symbol only while its status says it runs.
     *
     * @param exceptId the grid asking (its own row does not count), or {@code null} for a new one
     * @return the holder's name, the first by name if several hold it already
     */
    public Optional<String> holderOfSymbol(String exchange, String symbol, Long exceptId) {
        var position = DSL.select(DSL.coalesce(DSL.sum(FillRepository.signedQty()), BigDecimal.ZERO)).from(FILL_LEDGER)
                .where(FILL_LEDGER.CONFIG_ID.eq(GRID_CONFIG.ID));
        var openOrders = DSL.selectOne().from(ORDER_INTENT)
                .where(ORDER_INTENT.CONFIG_ID.eq(GRID_CONFIG.ID)).and(ORDER_INTENT.RESOLVED_AT.isNull());
        return dsl.select(GRID_CONFIG.NAME).from(GRID_CONFIG)
                .leftJoin(GRID_RUNTIME).on(GRID_RUNTIME.CONFIG_ID.eq(GRID_CONFIG.ID))
                .where(GRID_CONFIG.EXCHANGE.eq(exchange)).and(GRID_CONFIG.SYMBOL.eq(symbol))
                .and(exceptId == null ? DSL.noCondition() : GRID_CONFIG.ID.ne(exceptId))
                .and(GRID_RUNTIME.STATUS.isNotNull().and(GRID_RUNTIME.STATUS.ne(GridStatus.STOPPED.name()))
                        .or(GRID_CONFIG.IS_ACTIVE.isTrue().and(DSL.exists(openOrders)
                                .or(DSL.field(position).ne(BigDecimal.ZERO)))))
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
        holderOfSymbol(config.exchange(), config.symbol(), exceptId).ifPresent(holder -> {
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
