package io.gridbot.persistence.runtime;

import static io.gridbot.persistence.jooq.Tables.GRID_CONTROL;
import static io.gridbot.persistence.jooq.Tables.GRID_RUNTIME;

import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.status.GridStatus;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Each grid's lifecycle state and owner, and the control requests another terminal or host leaves for the
 * daemon running the grid, which acknowledges them. A grid's status is written only by the holder of
 * its lease, so a daemon that lost a grid can never overwrite what its successor recorded.
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
     * @param ackedAt     when a daemon took it (or it expired), or {@code null}
     * @param outcome     what the daemon did, or {@code null}
     * @param expiresAt   after this no daemon may take it
     * @param settledAt   when its outcome became final, or {@code null} (a start waits for its grid to run)
     * @param settlement  what kind of outcome it had, or {@code null} while no daemon took it
     */
    public record ControlRequest(long id, long configId, Control action, long requestedAt, String requestedBy, Long ackedAt,
            String outcome, Long expiresAt, Long settledAt, Settlement settlement) {

        /** Whether a daemon took it (or it expired). */
        public boolean acknowledged() {
            return ackedAt != null;
        }

        /** Whether its outcome is final. */
        public boolean settled() {
            return settledAt != null;
        }
    }

    /** What became of a control request. */
    public enum Settlement {
        /** A daemon took it; the outcome follows (a start waits until its grid runs or has ended). */
        TAKEN,
        /** Carried out. */
        DONE,
        /** Nothing to do: the grid was in that state already. */
        UNCHANGED,
        /** Refused: the grid is not hosted here, does not exist, or may not start. */
        REFUSED,
        /** Tried and failed: the grid stopped or failed at once, or never came up. */
        FAILED,
        /** No daemon took it in time; it is never carried out. */
        EXPIRED;

        /** Whether the request had the effect asked for. */
        public boolean succeeded() {
            return this == DONE;
        }
    }

    private final DSLContext dsl;

    public GridRuntimeRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Records a grid's status, written by {@code owner}: only while it holds the grid's lease (or when the grid
     * never had a row: its first status). Returns false, changing nothing, when another process holds the grid
     * or nobody does: a daemon that lost the lease never overwrites its successor's status.
     */
    public boolean saveStatus(long configId, GridStatus status, String owner, long nowMs) {
        int updated = dsl.update(GRID_RUNTIME).set(GRID_RUNTIME.STATUS, status.name()).set(GRID_RUNTIME.UPDATED_AT, nowMs)
                .where(GRID_RUNTIME.CONFIG_ID.eq(configId)).and(GRID_RUNTIME.OWNER.eq(owner)).execute();
        if (updated > 0) {
            return true;
        }
        if (lease(configId).isPresent()) {
            return false;
        }
        try {
            dsl.insertInto(GRID_RUNTIME)
                    .set(GRID_RUNTIME.CONFIG_ID, configId).set(GRID_RUNTIME.STATUS, status.name())
                    .set(GRID_RUNTIME.OWNER, owner).set(GRID_RUNTIME.HEARTBEAT_AT, nowMs).set(GRID_RUNTIME.UPDATED_AT, nowMs)
                    .execute();
            return true;
        } catch (DataAccessException e) {
            return false; // another process created it a moment ago: it holds the grid
        }
    }

    /**
     * Marks a grid stopped and frees its lease, whoever held it. Only for a grid no process can be trading:
     * the live demo's, whose venue is created anew, empty, with every run.
     */
    public void forceStopped(long configId, long nowMs) {
        int updated = dsl.update(GRID_RUNTIME).set(GRID_RUNTIME.STATUS, GridStatus.STOPPED.name())
                .setNull(GRID_RUNTIME.OWNER).setNull(GRID_RUNTIME.HEARTBEAT_AT).set(GRID_RUNTIME.UPDATED_AT, nowMs)
                .where(GRID_RUNTIME.CONFIG_ID.eq(configId)).execute();
        if (updated == 0) {
            saveStatus(configId, GridStatus.STOPPED, null, nowMs);
        }
    }

    /**
     * When the grid last entered running, as recorded: a status is written on each change only, so a running
     * grid's row was last written when it started or resumed. Empty unless its recorded status is running.
     */
    public Optional<Long> runningSince(long configId) {
        return dsl.select(GRID_RUNTIME.UPDATED_AT).from(GRID_RUNTIME).where(GRID_RUNTIME.CONFIG_ID.eq(configId))
                .and(GRID_RUNTIME.STATUS.eq(GridStatus.RUNNING.name())).fetchOptional(r -> r.value1());
    }

    /** The grid's last recorded status; STOPPED if it never ran. */
    public GridStatus status(long configId) {
        return dsl.select(GRID_RUNTIME.STATUS).from(GRID_RUNTIME).where(GRID_RUNTIME.CONFIG_ID.eq(configId))
                .fetchOptional(GRID_RUNTIME.STATUS).map(GridStatus::valueOf).orElse(GridStatus.STOPPED);
    }

    /** Leaves a control request for the daemon, to be taken before {@code expiresAtMs} or never; returns its id. */
    public long requestControl(long configId, Control action, String requestedBy, long nowMs, long expiresAtMs) {
        return dsl.insertInto(GRID_CONTROL)
                .set(GRID_CONTROL.CONFIG_ID, configId).set(GRID_CONTROL.ACTION, action.name())
                .set(GRID_CONTROL.REQUESTED_AT, nowMs).set(GRID_CONTROL.REQUESTED_BY, requestedBy)
                .set(GRID_CONTROL.EXPIRES_AT, expiresAtMs)
                .returning(GRID_CONTROL.ID).fetchOne().getId();
    }

    /** Requests not yet acknowledged, oldest first. */
    public List<ControlRequest> pending(long configId) {
        return dsl.selectFrom(GRID_CONTROL).where(GRID_CONTROL.CONFIG_ID.eq(configId)).and(GRID_CONTROL.ACKED_AT.isNull())
                .orderBy(GRID_CONTROL.ID).fetch(GridRuntimeRepository::request);
    }

    /** Every grid's requests that are neither acknowledged nor expired at {@code nowMs}, oldest first: a daemon's poll. */
    public List<ControlRequest> pendingAll(long nowMs) {
        return dsl.selectFrom(GRID_CONTROL).where(GRID_CONTROL.ACKED_AT.isNull())
                .and(GRID_CONTROL.EXPIRES_AT.isNull().or(GRID_CONTROL.EXPIRES_AT.ge(nowMs))).orderBy(GRID_CONTROL.ID)
                .fetch(GridRuntimeRepository::request);
    }

    /** Marks every request that nobody took before its expiry as expired; returns how many. */
    public int expireOverdue(long nowMs) {
        return dsl.update(GRID_CONTROL).set(GRID_CONTROL.ACKED_AT, nowMs).set(GRID_CONTROL.SETTLED_AT, nowMs)
                .set(GRID_CONTROL.SETTLEMENT, Settlement.EXPIRED.name())
                .set(GRID_CONTROL.OUTCOME, "expired: no daemon took it in time")
                .where(GRID_CONTROL.ACKED_AT.isNull()).and(GRID_CONTROL.EXPIRES_AT.lt(nowMs)).execute();
    }

    /**
     * Expires one request unless a daemon took it first (the requester gave up waiting). Returns whether it
     * expired; false means a daemon took it and its outcome counts.
     */
    public boolean expire(long requestId, String outcome, long nowMs) {
        return dsl.update(GRID_CONTROL).set(GRID_CONTROL.ACKED_AT, nowMs).set(GRID_CONTROL.SETTLED_AT, nowMs)
                .set(GRID_CONTROL.SETTLEMENT, Settlement.EXPIRED.name()).set(GRID_CONTROL.OUTCOME, fitted(outcome))
                .where(GRID_CONTROL.ID.eq(requestId)).and(GRID_CONTROL.ACKED_AT.isNull()).execute() == 1;
    }

    /** Acknowledges a request as carried out; see {@link #acknowledge(long, String, Settlement, long)}. */
    public boolean acknowledge(long requestId, String outcome, long nowMs) {
        return acknowledge(requestId, outcome, Settlement.DONE, nowMs);
    }

    /**
     * A daemon took a request; {@code outcome} says what it did, and is final unless {@code settlement} is
     * {@link Settlement#TAKEN}. Only the first acknowledgement counts, and none after the request expired:
     * returns false when another daemon answered first or the requester gave up.
     */
    public boolean acknowledge(long requestId, String outcome, Settlement settlement, long nowMs) {
        var update = dsl.update(GRID_CONTROL).set(GRID_CONTROL.ACKED_AT, nowMs).set(GRID_CONTROL.OUTCOME, fitted(outcome))
                .set(GRID_CONTROL.SETTLEMENT, settlement.name());
        return (settlement == Settlement.TAKEN ? update.setNull(GRID_CONTROL.SETTLED_AT) : update.set(GRID_CONTROL.SETTLED_AT, nowMs))
                .where(GRID_CONTROL.ID.eq(requestId)).and(GRID_CONTROL.ACKED_AT.isNull()).execute() == 1;
    }

    /** The final outcome of a request taken earlier. */
    public void settle(long requestId, String outcome, Settlement settlement, long nowMs) {
        dsl.update(GRID_CONTROL).set(GRID_CONTROL.OUTCOME, fitted(outcome)).set(GRID_CONTROL.SETTLEMENT, settlement.name())
                .set(GRID_CONTROL.SETTLED_AT, nowMs).where(GRID_CONTROL.ID.eq(requestId))
                .and(GRID_CONTROL.SETTLED_AT.isNull()).execute();
    }

    private static ControlRequest request(io.gridbot.persistence.jooq.tables.records.GridControlRecord r) {
        return new ControlRequest(r.getId(), r.getConfigId(), Control.valueOf(r.getAction()), r.getRequestedAt(),
                r.getRequestedBy(), r.getAckedAt(), r.getOutcome(), r.getExpiresAt(), r.getSettledAt(),
                r.getSettlement() == null ? null : Settlement.valueOf(r.getSettlement()));
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

    /**
     * Renews {@code owner}'s leases on these grids and returns the ones it still holds: a grid missing from the
     * answer has another owner now (its lease ran out and another daemon took it), and must be given up.
     */
    public Set<Long> renew(String owner, Collection<Long> configIds, long nowMs) {
        if (configIds.isEmpty()) {
            return Set.of();
        }
        int renewed = dsl.update(GRID_RUNTIME).set(GRID_RUNTIME.HEARTBEAT_AT, nowMs).where(GRID_RUNTIME.OWNER.eq(owner))
                .and(GRID_RUNTIME.CONFIG_ID.in(configIds)).execute();
        if (renewed == configIds.size()) {
            return Set.copyOf(configIds);
        }
        // Which ones: a grid renewed just now cannot change hands before its lease runs out again.
        return Set.copyOf(dsl.select(GRID_RUNTIME.CONFIG_ID).from(GRID_RUNTIME).where(GRID_RUNTIME.OWNER.eq(owner))
                .and(GRID_RUNTIME.CONFIG_ID.in(configIds)).fetch(GRID_RUNTIME.CONFIG_ID));
    }

    /**
     * One grid's runtime row: what a daemon looking for grids to resume needs.
     *
     * @param configId    the grid
     * @param status      its recorded status
     * @param owner       who holds its lease, or {@code null}
     * @param heartbeatAt the holder's last renewal, ms (0 if none)
     */
    public record GridLease(long configId, GridStatus status, String owner, long heartbeatAt) {

        /** Whether someone holds it at {@code nowMs}, with leases lasting {@code leaseMs}. */
        public boolean held(long nowMs, long leaseMs) {
            return new Lease(owner, heartbeatAt).held(nowMs, leaseMs);
        }
    }

    /** Every grid's runtime row. */
    public List<GridLease> leases() {
        return dsl.select(GRID_RUNTIME.CONFIG_ID, GRID_RUNTIME.STATUS, GRID_RUNTIME.OWNER, GRID_RUNTIME.HEARTBEAT_AT)
                .from(GRID_RUNTIME).fetch(r -> new GridLease(r.value1(), GridStatus.valueOf(r.value2()), r.value3(),
                        r.value4() == null ? 0 : r.value4()));
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
        return dsl.selectFrom(GRID_CONTROL).where(GRID_CONTROL.ID.eq(requestId)).fetchOptional(GridRuntimeRepository::request);
    }

    /**
     * The outcome as the column keeps it: a longer one is cut with an ellipsis rather than refused, since a
     * refused acknowledgement would leave the request to be carried out again and again (the daemon's log has it whole).
     */
    static String fitted(String outcome) {
        int max = GRID_CONTROL.OUTCOME.getDataType().length();
        return outcome == null || outcome.length() <= max ? outcome : outcome.substring(0, max - 1) + "…";
    }
}
