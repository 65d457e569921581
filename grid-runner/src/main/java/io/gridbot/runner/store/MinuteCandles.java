package io.gridbot.runner.store;

import io.gridbot.persistence.candle.CandleRepository;
import io.gridbot.persistence.candle.CandleRepository.Candle;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Prices folded into one-minute candles in memory, oldest minute first, at most a given number of minutes (the
 * oldest go first past that). Thread-safe: the grid's thread adds prices while a writer takes them away.
 */
public final class MinuteCandles {

    private final int maxMinutes;
    private final TreeMap<Long, Candle> minutes = new TreeMap<>();

    /** @param maxMinutes how many minutes are kept at most */
    public MinuteCandles(int maxMinutes) {
        if (maxMinutes < 1) {
            throw new IllegalArgumentException("maxMinutes must be at least 1");
        }
        this.maxMinutes = maxMinutes;
    }

    /** Folds a price seen at {@code atMs} into its minute's candle; prices come in time order. */
    public synchronized void add(long atMs, BigDecimal price) {
        long minute = CandleRepository.minuteOf(atMs);
        minutes.merge(minute, Candle.of(minute, price), (held, one) -> held.with(price));
        trim();
    }

    /** Every minute held, oldest first, and none held any more. */
    public synchronized List<Candle> drain() {
        List<Candle> out = new ArrayList<>(minutes.values());
        minutes.clear();
        return out;
    }

    /** Every minute held, oldest first. */
    public synchronized List<Candle> candles() {
        return List.copyOf(minutes.values());
    }

    /**
     * Gives back minutes that were taken away but not written: they came before whatever was added since, so
     * for a minute in both, theirs is the open and the added one's the close.
     */
    public synchronized void putBack(List<Candle> earlier) {
        for (Candle e : earlier) {
            minutes.merge(e.startMs(), e, (now, back) -> back.then(now));
        }
        trim();
    }

    private void trim() {
        while (minutes.size() > maxMinutes) {
            minutes.pollFirstEntry();
        }
    }
}
