package io.gridbot.persistence.runtime;

import static io.gridbot.persistence.jooq.Tables.GRID_CONTROL;
import static io.gridbot.persistence.jooq.Tables.GRID_RUNTIME;

import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.machine.GridStatus;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Each grid's lifecycle state and owner, and the control requests another terminal or host leaves for the
 * daemon running the grid, which acknowledges them (FR-13).
 */
public final class GridRuntimeRepository {

    /**
     * A control request.
     *
     * @param id          its id
     * @param configId    the grid
     * @param action      start, pause, resume or stop
     * @param requestedAt when it was asked for
     * @param requestedBy who asked (user@host)
     * @param ackedAt     when the daemon took it, or {@code null}
     * @param outcome     what the daemon did, or {@code null}
     */
    public record ControlRequest(long id, long configId, Control action, long requestedAt, String requestedBy, Long ackedAt,
            String outcome) {
    }

    private final DSLContext dsl;

    public GridRuntimeRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Records a grid's status and the process running it. */
    public void saveStatus(long configId, GridStatus status, String owner, long nowMs) {
        int updated = dsl.update(GRID_RUNTIME).set(GRID_RUNTIME.STATUS, status.name()).set(GRID_RUNTIME.OWNER, owner)
                .set(GRID_RUNTIME.HEARTBEAT_AT, nowMs).set(GRID_RUNTIME.UPDATED_AT, nowMs)
                .where(GRID_RUNTIME.CONFIG_ID.eq(configId)).execute();
        if (updated == 0) {
            dsl.insertInto(GRID_RUNTIME)
                    .set(GRID_RUNTIME.CONFIG_ID, configId).set(GRID_RUNTIME.STATUS, status.name())
                    .set(GRID_RUNTIME.OWNER, owner).set(GRID_RUNTIME.HEARTBEAT_AT, nowMs).set(GRID_RUNTIME.UPDATED_AT, nowMs)
                    .execute();
        }
    }

    /** The grid's last recorded status; STOPPED if it never ran. */
    public GridStatus status(long configId) {
        return dsl.select(GRID_RUNTIME.STATUS).from(GRID_RUNTIME).where(GRID_RUNTIME.CONFIG_ID.eq(configId))
                .fetchOptional(GRID_RUNTIME.STATUS).map(GridStatus::valueOf).orElse(GridStatus.STOPPED);
    }

    /** Leaves a control request for the daemon; returns its id. */
    public long requestControl(long configId, Control action, String requestedBy, long nowMs) {
        return dsl.insertInto(GRID_CONTROL)
                .set(GRID_CONTROL.CONFIG_ID, configId).set(GRID_CONTROL.ACTION, action.name())
                .set(GRID_CONTROL.REQUESTED_AT, nowMs).set(GRID_CONTROL.REQUESTED_BY, requestedBy)
                .returning(GRID_CONTROL.ID).fetchOne().getId();
    }

    /** Requests not yet acknowledged, oldest first. */
    public List<ControlRequest> pending(long configId) {
        return dsl.selectFrom(GRID_CONTROL).where(GRID_CONTROL.CONFIG_ID.eq(configId)).and(GRID_CONTROL.ACKED_AT.isNull())
                .orderBy(GRID_CONTROL.ID).fetch(r -> new ControlRequest(r.getId(), r.getConfigId(),
                        Control.valueOf(r.getAction()), r.getRequestedAt(), r.getRequestedBy(), r.getAckedAt(), r.getOutcome()));
    }

    /** Every grid's unacknowledged requests, oldest first: one query for a daemon's poll. */
    public List<ControlRequest> pendingAll() {
        return dsl.selectFrom(GRID_CONTROL).where(GRID_CONTROL.ACKED_AT.isNull()).orderBy(GRID_CONTROL.ID)
                .fetch(r -> new ControlRequest(r.getId(), r.getConfigId(), Control.valueOf(r.getAction()), r.getRequestedAt(),
                        r.getRequestedBy(), r.getAckedAt(), r.getOutcome()));
    }

    /**
     * The daemon took a request; {@code outcome} says what it did. Only the first acknowledgement counts:
     * returns false when another daemon answered first.
     */
    public boolean acknowledge(long requestId, String outcome, long nowMs) {
        return dsl.update(GRID_CONTROL).set(GRID_CONTROL.ACKED_AT, nowMs).set(GRID_CONTROL.OUTCOME, outcome)
                .where(GRID_CONTROL.ID.eq(requestId)).and(GRID_CONTROL.ACKED_AT.isNull()).execute() == 1;
    }

    /**
     * Who holds a grid, and since when it last said so.
     *
     * @param owner       the daemon (user@host/pid), or {@code null} when nobody holds it
     * @param heartbeatAt its last heartbeat, ms
     */
    public record Lease(String owner, long heartbeatAt) {

        /** Whether {@code owner} holds it at {@code nowMs}, with leases lasting {@code leaseMs}. */
        public boolean heldBy(String other, long nowMs, long leaseMs) {
            return owner != null && owner.equals(other) && nowMs - heartbeatAt < leaseMs;
        }

        /** Whether someone holds it at {@code nowMs}. */
        public boolean held(long nowMs, long leaseMs) {
            return owner != null && nowMs - heartbeatAt < leaseMs;
        }
    }

    /** The grid's lease, if it ever ran. */
    public Optional<Lease> lease(long configId) {
        return dsl.select(GRID_RUNTIME.OWNER, GRID_RUNTIME.HEARTBEAT_AT).from(GRID_RUNTIME)
                .where(GRID_RUNTIME.CONFIG_ID.eq(configId))
                .fetchOptional(r -> new Lease(r.value1(), r.value2() == null ? 0 : r.value2()));
    }

    /**
     * Takes the grid for {@code owner} if nobody holds it, {@code owner} already does, its lease ran out
     * ({@code leaseMs} without a heartbeat), or its holder is {@code presumedDead}. Atomic: of two daemons
     * claiming at once, one wins. Returns whether {@code owner} holds it now.
     */
    public boolean claim(long configId, String owner, long nowMs, long leaseMs, String presumedDead) {
        if (lease(configId).isEmpty()) {
            try {
                dsl.insertInto(GRID_RUNTIME).set(GRID_RUNTIME.CONFIG_ID, configId)
                        .set(GRID_RUNTIME.STATUS, GridStatus.STOPPED.name()).set(GRID_RUNTIME.UPDATED_AT, nowMs).execute();
            } catch (DataAccessException e) {
                // another daemon inserted it first: the update below decides
            }
        }
        var free = GRID_RUNTIME.OWNER.isNull().or(GRID_RUNTIME.OWNER.eq(owner)).or(GRID_RUNTIME.HEARTBEAT_AT.isNull())
                .or(GRID_RUNTIME.HEARTBEAT_AT.lt(nowMs - leaseMs));
        if (presumedDead != null) {
            free = free.or(GRID_RUNTIME.OWNER.eq(presumedDead));
        }
        return dsl.update(GRID_RUNTIME).set(GRID_RUNTIME.OWNER, owner).set(GRID_RUNTIME.HEARTBEAT_AT, nowMs)
                .where(GRID_RUNTIME.CONFIG_ID.eq(configId)).and(free).execute() == 1;
    }

    /** Renews {@code owner}'s leases on these grids. */
    public void heartbeat(String owner, Collection<Long> configIds, long nowMs) {
        if (!configIds.isEmpty()) {
            dsl.update(GRID_RUNTIME).set(GRID_RUNTIME.HEARTBEAT_AT, nowMs).where(GRID_RUNTIME.OWNER.eq(owner))
                    .and(GRID_RUNTIME.CONFIG_ID.in(configIds)).execute();
        }
    }

    /**
     * A market price a hosting daemon saw for a grid.
     *
     * @param price the price
     * @param atMs  when the daemon wrote it
     */
    public record Mark(BigDecimal price, long atMs) {
    }

    /** Records the market price of each of {@code owner}'s grids (with the heartbeat). */
    public void saveMarks(String owner, Map<Long, BigDecimal> prices, long nowMs) {
        if (prices.isEmpty()) {
            return;
        }
        dsl.batch(prices.entrySet().stream().map(e -> dsl.update(GRID_RUNTIME).set(GRID_RUNTIME.MARK_PRICE, e.getValue())
                .set(GRID_RUNTIME.MARK_PRICE_AT, nowMs).where(GRID_RUNTIME.CONFIG_ID.eq(e.getKey()))
                .and(GRID_RUNTIME.OWNER.eq(owner))).toList()).execute();
    }

    /** The last market price a hosting daemon recorded for the grid, if any. */
    public Optional<Mark> mark(long configId) {
        return dsl.select(GRID_RUNTIME.MARK_PRICE, GRID_RUNTIME.MARK_PRICE_AT).from(GRID_RUNTIME)
                .where(GRID_RUNTIME.CONFIG_ID.eq(configId)).and(GRID_RUNTIME.MARK_PRICE.isNotNull())
                .fetchOptional(r -> new Mark(r.value1(), r.value2() == null ? 0 : r.value2()));
    }

    /** Gives up {@code owner}'s lease on the grid, keeping its status: the next daemon may take it at once. */
    public void release(long configId, String owner) {
        dsl.update(GRID_RUNTIME).setNull(GRID_RUNTIME.OWNER).where(GRID_RUNTIME.CONFIG_ID.eq(configId))
                .and(GRID_RUNTIME.OWNER.eq(owner)).execute();
    }

    /** One request, as it is now. */
    public Optional<ControlRequest> request(long requestId) {
        return dsl.selectFrom(GRID_CONTROL).where(GRID_CONTROL.ID.eq(requestId)).fetchOptional(r -> new ControlRequest(
                r.getId(), r.getConfigId(), Control.valueOf(r.getAction()), r.getRequestedAt(), r.getRequestedBy(),
                r.getAckedAt(), r.getOutcome()));
    }
}
