package io.gridbot.runner.web.grid;

import io.gridbot.core.order.Fill;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.candle.CandleRepository;
import io.gridbot.persistence.candle.CandleRepository.Candle;
import io.gridbot.persistence.config.StoredGrid;
import java.util.ArrayList;
import java.util.List;

/**
 * What the grid page's price chart draws besides the live picture: the recorded prices as candles of a chosen
 * length, aggregated from the stored minutes at request time, and the fills as markers. Amounts are exact
 * decimal strings.
 */
public final class PriceChart {

    /** How many stored minutes one request reads at most (about 139 days). */
    public static final long MAX_MINUTES = 200_000;
    /** How many candles a request without a start covers. */
    public static final int DEFAULT_CANDLES = 500;
    /** How many fills one request returns at most: the newest of the range. */
    public static final int MAX_FILLS = 5_000;

    /**
     * One candle.
     *
     * @param atMs  the start of its span
     * @param open  the first price of the span
     * @param high  the highest
     * @param low   the lowest
     * @param close the last
     */
    public record CandleRow(long atMs, String open, String high, String low, String close) {
    }

    /**
     * One fill, as a marker on the chart.
     *
     * @param atMs  the venue's execution time
     * @param side  BUY or SELL
     * @param kind  ENTRY, EXIT, STOP or CLOSE
     * @param price the execution price
     * @param qty   the executed quantity
     * @param line  the grid line, -1 for stop and close orders
     */
    public record FillMarker(long atMs, String side, String kind, String price, String qty, int line) {
    }

    private final Database db;

    public PriceChart(Database db) {
        this.db = db;
    }

    /** The start of a range ending at {@code untilMs} that covers the default number of candles. */
    public static long defaultSince(CandleInterval interval, long untilMs) {
        long span = Math.min(interval.ms() * DEFAULT_CANDLES, MAX_MINUTES * CandleRepository.MINUTE_MS);
        return interval.startOf(untilMs - span + interval.ms());
    }

    /** Whether a range is small enough to be read in one request. */
    public static boolean readable(long sinceMs, long untilMs) {
        return untilMs - sinceMs <= MAX_MINUTES * CandleRepository.MINUTE_MS;
    }

    /**
     * The end of a range asked without a start: the newest stored minute up to {@code untilMs}, so that a grid
     * that traded in the past (a replay's) shows its last candles; {@code untilMs} when none is stored.
     */
    public long defaultUntil(StoredGrid grid, long untilMs) {
        return db.candles().newestMinute(grid.id(), untilMs).orElse(untilMs);
    }

    /** The candles of this length whose spans start from {@code sinceMs} up to {@code untilMs}, oldest first. */
    public List<CandleRow> candles(StoredGrid grid, CandleInterval interval, long sinceMs, long untilMs) {
        long from = interval.startOf(sinceMs);
        return aggregate(db.candles().minutes(grid.id(), from, untilMs), interval);
    }

    /** Folds one-minute candles, oldest first, into candles of the interval's length. */
    static List<CandleRow> aggregate(List<Candle> minutes, CandleInterval interval) {
        List<CandleRow> out = new ArrayList<>();
        Candle open = null;
        for (Candle m : minutes) {
            long start = interval.startOf(m.startMs());
            if (open != null && open.startMs() == start) {
                open = open.then(m);
            } else {
                if (open != null) {
                    out.add(row(open));
                }
                open = new Candle(start, m.open(), m.high(), m.low(), m.close());
            }
        }
        if (open != null) {
            out.add(row(open));
        }
        return out;
    }

    private static CandleRow row(Candle c) {
        return new CandleRow(c.startMs(), Decimals.text(c.open()), Decimals.text(c.high()), Decimals.text(c.low()),
                Decimals.text(c.close()));
    }

    /** The grid's fills between the two times, oldest first; the newest {@value #MAX_FILLS} when more. */
    public List<FillMarker> fills(StoredGrid grid, long sinceMs, long untilMs) {
        List<Fill> fills = db.fills().between(grid.id(), sinceMs, untilMs);
        return fills.subList(Math.max(0, fills.size() - MAX_FILLS), fills.size()).stream()
                .map(f -> new FillMarker(f.atMs(), f.side().name(), f.kind().name(), Decimals.text(f.price()),
                        Decimals.text(f.qty()), f.line()))
                .toList();
    }
}
