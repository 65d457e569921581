package io.gridbot.persistence.ledger;

import static io.gridbot.persistence.jooq.Tables.EQUITY_SNAPSHOT;
import static io.gridbot.persistence.jooq.Tables.FUNDING_PAYMENT;

import java.math.BigDecimal;
import java.util.List;
import org.jooq.DSLContext;

/** Funding payments and equity / position snapshots: the inputs of PnL with funding and of drawdown. */
public final class AccountHistoryRepository {

    /** A funding payment: positive received, negative paid. */
    public record Funding(long atMs, String asset, BigDecimal amount) {
    }

    /** The grid's equity and position at a moment. */
    public record EquityPoint(long atMs, BigDecimal equity, BigDecimal position, BigDecimal markPrice) {
    }

    private final DSLContext dsl;

    public AccountHistoryRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void saveFunding(long configId, Funding f) {
        dsl.insertInto(FUNDING_PAYMENT).set(FUNDING_PAYMENT.CONFIG_ID, configId).set(FUNDING_PAYMENT.FUNDING_TIME, f.atMs())
                .set(FUNDING_PAYMENT.ASSET, f.asset()).set(FUNDING_PAYMENT.AMOUNT, f.amount()).execute();
    }

    public List<Funding> funding(long configId, long fromMs, long toMs) {
        return dsl.selectFrom(FUNDING_PAYMENT).where(FUNDING_PAYMENT.CONFIG_ID.eq(configId))
                .and(FUNDING_PAYMENT.FUNDING_TIME.between(fromMs, toMs)).orderBy(FUNDING_PAYMENT.FUNDING_TIME)
                .fetch(r -> new Funding(r.getFundingTime(), r.getAsset(), r.getAmount().stripTrailingZeros()));
    }

    public void saveEquity(long configId, EquityPoint p) {
        dsl.insertInto(EQUITY_SNAPSHOT).set(EQUITY_SNAPSHOT.CONFIG_ID, configId).set(EQUITY_SNAPSHOT.AT_MS, p.atMs())
                .set(EQUITY_SNAPSHOT.EQUITY, p.equity()).set(EQUITY_SNAPSHOT.POSITION, p.position())
                .set(EQUITY_SNAPSHOT.MARK_PRICE, p.markPrice()).execute();
    }

    /**
     * Replaces the grid's snapshots with these, in one transaction: a replay stores the marks its statistics were
     * computed from, and a second replay of the grid its own.
     */
    public void replaceEquity(long configId, List<EquityPoint> points) {
        dsl.transaction(c -> {
            DSLContext tx = c.dsl();
            tx.deleteFrom(EQUITY_SNAPSHOT).where(EQUITY_SNAPSHOT.CONFIG_ID.eq(configId)).execute();
            if (!points.isEmpty()) {
                tx.batch(points.stream().map(p -> tx.insertInto(EQUITY_SNAPSHOT).set(EQUITY_SNAPSHOT.CONFIG_ID, configId)
                        .set(EQUITY_SNAPSHOT.AT_MS, p.atMs()).set(EQUITY_SNAPSHOT.EQUITY, p.equity())
                        .set(EQUITY_SNAPSHOT.POSITION, p.position()).set(EQUITY_SNAPSHOT.MARK_PRICE, p.markPrice()))
                        .toList()).execute();
            }
        });
    }

    /** The snapshots between the two times, oldest first (those of one millisecond in the order they were saved). */
    public List<EquityPoint> equity(long configId, long fromMs, long toMs) {
        return dsl.selectFrom(EQUITY_SNAPSHOT).where(EQUITY_SNAPSHOT.CONFIG_ID.eq(configId))
                .and(EQUITY_SNAPSHOT.AT_MS.between(fromMs, toMs)).orderBy(EQUITY_SNAPSHOT.AT_MS, EQUITY_SNAPSHOT.ID)
                .fetch(r -> new EquityPoint(r.getAtMs(), r.getEquity(), r.getPosition(), r.getMarkPrice()));
    }
}
