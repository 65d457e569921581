package io.gridbot.persistence.ledger;

import static io.gridbot.persistence.column.StoredDecimal.plain;
import static io.gridbot.persistence.jooq.Tables.FILL_LEDGER;
import static io.gridbot.persistence.jooq.Tables.GRID_CONFIG;

import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.Side;
import io.gridbot.core.risk.PositionLegs;
import io.gridbot.persistence.jooq.tables.records.FillLedgerRecord;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

/**
 * The fill ledger: every execution, booked once. A fill is identified by its order and trade id (or, when
 * the venue gave none, its time and quantity), so booking the same fill again does nothing.
 */
public final class FillRepository {

    private final DSLContext dsl;

    public FillRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Books fills; duplicates are ignored. Returns how many were new. */
    public int append(long configId, Collection<Fill> fills) {
        int added = 0;
        for (Fill f : fills) {
            added += insertOnce(f, configId);
        }
        return added;
    }

    /**
     * A plain insert, the unique key refusing a fill booked before. (jOOQ's portable "insert or ignore"
     * becomes a MERGE on H2 that scans the whole table for every row.)
     */
    private int insertOnce(Fill f, long configId) {
        try {
            return dsl.insertInto(FILL_LEDGER)
                    .set(FILL_LEDGER.CONFIG_ID, configId).set(FILL_LEDGER.DEDUPE_KEY, dedupeKey(f))
                    .set(FILL_LEDGER.EXCHANGE_TIME, f.atMs()).set(FILL_LEDGER.CLIENT_ORDER_ID, f.clientOrderId())
                    .set(FILL_LEDGER.ORDER_ID, f.exchangeOrderId()).set(FILL_LEDGER.TRADE_ID, f.tradeId())
                    .set(FILL_LEDGER.KIND, f.kind().name()).set(FILL_LEDGER.SIDE, f.side().name())
                    .set(FILL_LEDGER.LINE, f.line()).set(FILL_LEDGER.PRICE, f.price()).set(FILL_LEDGER.QTY, f.qty())
                    .set(FILL_LEDGER.FEE, f.fee() == null ? BigDecimal.ZERO : f.fee()).set(FILL_LEDGER.FEE_ASSET, f.feeAsset())
                    .set(FILL_LEDGER.REALIZED_PNL, f.realizedPnl() == null ? BigDecimal.ZERO : f.realizedPnl())
                    .execute();
        } catch (IntegrityConstraintViolationException duplicate) {
            return 0;
        }
    }

    /** The time of the newest booked fill, or empty when there is none. */
    public java.util.Optional<Long> latestTime(long configId) {
        return java.util.Optional.ofNullable(dsl.select(org.jooq.impl.DSL.max(FILL_LEDGER.EXCHANGE_TIME)).from(FILL_LEDGER)
                .where(FILL_LEDGER.CONFIG_ID.eq(configId)).fetchOne(0, Long.class));
    }

    /** A ledger row's quantity signed as it moves the position: buys positive, sells negative. */
    public static Field<BigDecimal> signedQty() {
        return DSL.when(FILL_LEDGER.SIDE.eq(Side.BUY.name()), FILL_LEDGER.QTY).otherwise(FILL_LEDGER.QTY.neg());
    }

    /**
     * The signed position that the ledgers of every grid on {@code exchange} and {@code symbol} but
     * {@code exceptId} add up to: what that grid must not adopt or close. One query, whatever the number of grids.
     */
    public BigDecimal othersNetPosition(String exchange, String symbol, long exceptId) {
        BigDecimal sum = dsl.select(DSL.sum(signedQty())).from(FILL_LEDGER).join(GRID_CONFIG)
                .on(GRID_CONFIG.ID.eq(FILL_LEDGER.CONFIG_ID))
                .where(GRID_CONFIG.EXCHANGE.eq(exchange)).and(GRID_CONFIG.SYMBOL.eq(symbol))
                .and(GRID_CONFIG.ID.ne(exceptId)).fetchOne(0, BigDecimal.class);
        return sum == null ? BigDecimal.ZERO : plain(sum);
    }

    /**
     * What the ledgers of every grid on {@code exchange} and {@code symbol} but {@code exceptId} hold on a
     * hedge-mode account, leg by leg: a fill is on the long leg when it is a buy entry or a sell that exits,
     * closes or stops, and on the short leg when it is a sell entry or a buy that exits, closes or stops. Each
     * leg is signed as the venue keeps it (long zero or more, short zero or less). One query, whatever the number
     * of grids.
     */
    public PositionLegs othersHedgeLegs(String exchange, String symbol, long exceptId) {
        Condition onLong = FILL_LEDGER.KIND.eq(ClientOrderId.Kind.ENTRY.name())
                .eq(FILL_LEDGER.SIDE.eq(Side.BUY.name()));
        Field<BigDecimal> longLeg = DSL.sum(DSL.when(onLong, signedQty()).otherwise(BigDecimal.ZERO));
        Field<BigDecimal> shortLeg = DSL.sum(DSL.when(onLong, BigDecimal.ZERO).otherwise(signedQty()));
        var row = dsl.select(longLeg, shortLeg).from(FILL_LEDGER).join(GRID_CONFIG)
                .on(GRID_CONFIG.ID.eq(FILL_LEDGER.CONFIG_ID))
                .where(GRID_CONFIG.EXCHANGE.eq(exchange)).and(GRID_CONFIG.SYMBOL.eq(symbol))
                .and(GRID_CONFIG.ID.ne(exceptId)).fetchOne();
        BigDecimal l = row == null ? null : row.value1();
        BigDecimal s = row == null ? null : row.value2();
        return PositionLegs.hedge(l == null ? BigDecimal.ZERO : plain(l), s == null ? BigDecimal.ZERO : plain(s));
    }

    /** Fills in {@code [fromMs, toMs]}, oldest first. */
    public List<Fill> between(long configId, long fromMs, long toMs) {
        return dsl.selectFrom(FILL_LEDGER).where(FILL_LEDGER.CONFIG_ID.eq(configId))
                .and(FILL_LEDGER.EXCHANGE_TIME.between(fromMs, toMs)).orderBy(FILL_LEDGER.EXCHANGE_TIME, FILL_LEDGER.ID)
                .fetch(FillRepository::read);
    }

    static String dedupeKey(Fill f) {
        return f.clientOrderId() + "/" + (f.tradeId() != null ? "t" + f.tradeId()
                : "@" + f.atMs() + ":" + f.qty().stripTrailingZeros().toPlainString());
    }

    private static Fill read(FillLedgerRecord r) {
        return new Fill(r.getExchangeTime(), r.getClientOrderId(), r.getOrderId(), r.getTradeId(),
                ClientOrderId.Kind.valueOf(r.getKind()), Side.valueOf(r.getSide()), r.getLine(), plain(r.getPrice()),
                plain(r.getQty()), plain(r.getFee()), r.getFeeAsset(), plain(r.getRealizedPnl()));
    }

}
