package io.gridbot.persistence.candle;

import static io.gridbot.persistence.jooq.Tables.PRICE_CANDLE;

import io.gridbot.persistence.column.StoredDecimal;
import java.math.BigDecimal;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

/**
 * The one-minute price candles of each grid: the hosting daemon folds every price it sees into the current
 * minute's candle, a replay stores those of its series, and the dashboard's chart reads them back. Prices are
 * kept exact; a minute is the start of its 60-second span in epoch milliseconds.
 */
public final class CandleRepository {

    /** The length of one stored candle. */
    public static final long MINUTE_MS = 60_000;

    /**
     * One candle: the first, highest, lowest and last price seen in its span.
     *
     * @param startMs where its span starts (for a stored one, its minute)
     */
    public record Candle(long startMs, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close) {

        /** A candle of one price. */
        public static Candle of(long startMs, BigDecimal price) {
            return new Candle(startMs, price, price, price, price);
        }

        /** This candle with a later price folded in. */
        public Candle with(BigDecimal price) {
            return new Candle(startMs, open, high.max(price), low.min(price), price);
        }

        /** This candle followed by a later one of the same span: this open, the wider range, the later close. */
        public Candle then(Candle later) {
            return new Candle(startMs, open, high.max(later.high()), low.min(later.low()), later.close());
        }
    }

    private final DSLContext dsl;

    public CandleRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The start of the minute holding this moment. */
    public static long minuteOf(long atMs) {
        return Math.floorDiv(atMs, MINUTE_MS) * MINUTE_MS;
    }

    /**
     * Folds a price seen at {@code atMs} into that minute's candle, creating it when it is the minute's first.
     * Prices must arrive in time order: the last one recorded for a minute is its close.
     */
    public void record(long configId, long atMs, BigDecimal price) {
        record(configId, Candle.of(atMs, price));
    }

    /**
     * Folds the prices of a later part of a minute into that minute's stored candle, or stores it when the minute
     * has none: the stored open stays, the high and low widen, the close becomes this one's.
     */
    public void record(long configId, Candle later) {
        long minute = minuteOf(later.startMs());
        // Update first: after a minute's first write the candle exists; insert when it does not yet.
        if (widen(configId, minute, later) > 0) {
            return;
        }
        try {
            dsl.insertInto(PRICE_CANDLE).set(PRICE_CANDLE.CONFIG_ID, configId).set(PRICE_CANDLE.MINUTE_MS, minute)
                    .set(PRICE_CANDLE.OPEN_PRICE, later.open()).set(PRICE_CANDLE.HIGH_PRICE, later.high())
                    .set(PRICE_CANDLE.LOW_PRICE, later.low()).set(PRICE_CANDLE.CLOSE_PRICE, later.close()).execute();
        } catch (IntegrityConstraintViolationException e) {
            widen(configId, minute, later); // another writer created it between the two statements
        }
    }

    private int widen(long configId, long minute, Candle later) {
        return dsl.update(PRICE_CANDLE)
                .set(PRICE_CANDLE.HIGH_PRICE, DSL.greatest(PRICE_CANDLE.HIGH_PRICE, DSL.val(later.high())))
                .set(PRICE_CANDLE.LOW_PRICE, DSL.least(PRICE_CANDLE.LOW_PRICE, DSL.val(later.low())))
                .set(PRICE_CANDLE.CLOSE_PRICE, later.close())
                .where(PRICE_CANDLE.CONFIG_ID.eq(configId)).and(PRICE_CANDLE.MINUTE_MS.eq(minute)).execute();
    }

    /**
     * Replaces the grid's candles with these one-minute ones, in one transaction: a replay stores the candles of
     * its series, and a second replay of the grid its own.
     */
    public void replace(long configId, List<Candle> minutes) {
        dsl.transaction(c -> {
            DSLContext tx = c.dsl();
            tx.deleteFrom(PRICE_CANDLE).where(PRICE_CANDLE.CONFIG_ID.eq(configId)).execute();
            if (!minutes.isEmpty()) {
                tx.batch(minutes.stream().map(m -> tx.insertInto(PRICE_CANDLE).set(PRICE_CANDLE.CONFIG_ID, configId)
                        .set(PRICE_CANDLE.MINUTE_MS, minuteOf(m.startMs())).set(PRICE_CANDLE.OPEN_PRICE, m.open())
                        .set(PRICE_CANDLE.HIGH_PRICE, m.high()).set(PRICE_CANDLE.LOW_PRICE, m.low())
                        .set(PRICE_CANDLE.CLOSE_PRICE, m.close())).toList()).execute();
            }
        });
    }

    /** The newest stored minute that starts at or before {@code toMs}, if any. */
    public java.util.Optional<Long> newestMinute(long configId, long toMs) {
        return dsl.select(DSL.max(PRICE_CANDLE.MINUTE_MS)).from(PRICE_CANDLE).where(PRICE_CANDLE.CONFIG_ID.eq(configId))
                .and(PRICE_CANDLE.MINUTE_MS.le(toMs)).fetchOptional(r -> r.value1());
    }

    /** The stored minutes starting from {@code fromMs} up to {@code toMs} (both included), oldest first. */
    public List<Candle> minutes(long configId, long fromMs, long toMs) {
        return dsl.selectFrom(PRICE_CANDLE).where(PRICE_CANDLE.CONFIG_ID.eq(configId))
                .and(PRICE_CANDLE.MINUTE_MS.between(fromMs, toMs)).orderBy(PRICE_CANDLE.MINUTE_MS)
                .fetch(r -> new Candle(r.getMinuteMs(), StoredDecimal.plain(r.getOpenPrice()),
                        StoredDecimal.plain(r.getHighPrice()), StoredDecimal.plain(r.getLowPrice()),
                        StoredDecimal.plain(r.getClosePrice())));
    }
}
