package io.gridbot.persistence.log;

import static io.gridbot.persistence.jooq.Tables.TRADE_LOG;

import io.gridbot.core.log.LogEntry;
import io.gridbot.core.log.LogType;
import java.util.Collection;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** The trade log: appended in batches by the write-behind, queried by time, type and keyword. */
public final class TradeLogRepository {

    /** One page of results, newest first; {@code more} when another page follows. */
    public record Page(List<LogEntry> entries, boolean more) {
    }

    private final DSLContext dsl;

    public TradeLogRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Appends entries in one batch. */
    public void append(long configId, Collection<LogEntry> entries, long nowMs) {
        if (entries.isEmpty()) {
            return;
        }
        var insert = dsl.insertInto(TRADE_LOG, TRADE_LOG.CONFIG_ID, TRADE_LOG.LOG_TYPE, TRADE_LOG.DETAIL, TRADE_LOG.TS,
                TRADE_LOG.ORDER_ID, TRADE_LOG.LINE, TRADE_LOG.CREATED_AT);
        for (LogEntry e : entries) {
            insert = insert.values(configId, e.type().name(), e.detail(), e.atMs(), e.clientOrderId(), e.line(), nowMs);
        }
        insert.execute();
    }

    /** Runs a query; a keyword is matched literally, case-sensitively. */
    public Page query(LogQuery q) {
        Condition where = TRADE_LOG.CONFIG_ID.eq(q.configId()).and(TRADE_LOG.TS.between(q.fromMs(), q.toMs()));
        if (!q.types().isEmpty()) {
            where = where.and(TRADE_LOG.LOG_TYPE.in(q.types().stream().map(Enum::name).toList()));
        }
        if (q.keyword() != null && !q.keyword().isBlank()) {
            where = where.and(TRADE_LOG.DETAIL.contains(q.keyword()));
        }
        // The fixed columns lead the ORDER BY although they change nothing: H2 then walks ix_trade_log_newest
        // (or ix_trade_log_type_newest for one type) from the newest entry instead of sorting every match.
        var order = q.types().size() == 1
                ? List.of(TRADE_LOG.CONFIG_ID.desc(), TRADE_LOG.LOG_TYPE.desc(), TRADE_LOG.TS.desc(), TRADE_LOG.ID.desc())
                : List.of(TRADE_LOG.CONFIG_ID.desc(), TRADE_LOG.TS.desc(), TRADE_LOG.ID.desc());
        List<LogEntry> rows = dsl.selectFrom(TRADE_LOG).where(where).orderBy(order)
                .limit(q.pageSize() + 1).offset((long) q.page() * q.pageSize())
                .fetch(r -> new LogEntry(r.getTs(), LogType.valueOf(r.getLogType()), r.getDetail(), r.getOrderId(),
                        r.getLine()));
        boolean more = rows.size() > q.pageSize();
        return new Page(more ? rows.subList(0, q.pageSize()) : rows, more);
    }

    /** The time of a grid's {@code skip + 1}-th newest entry, when it has that many: where a bounded search starts. */
    public java.util.Optional<Long> newestTime(long configId, int skip) {
        return dsl.select(TRADE_LOG.TS).from(TRADE_LOG).where(TRADE_LOG.CONFIG_ID.eq(configId))
                .orderBy(TRADE_LOG.CONFIG_ID.desc(), TRADE_LOG.TS.desc(), TRADE_LOG.ID.desc()).limit(1).offset(skip)
                .fetchOptional(TRADE_LOG.TS);
    }

    /** How many entries a grid has; for tests and the benchmark. */
    public long count(long configId) {
        return dsl.fetchCount(TRADE_LOG, TRADE_LOG.CONFIG_ID.eq(configId));
    }

    /** Deletes a grid's entries older than a time; returns how many. */
    public int purgeBefore(long configId, long beforeMs) {
        return dsl.deleteFrom(TRADE_LOG).where(TRADE_LOG.CONFIG_ID.eq(configId)).and(TRADE_LOG.TS.lt(beforeMs))
                .execute();
    }
}
