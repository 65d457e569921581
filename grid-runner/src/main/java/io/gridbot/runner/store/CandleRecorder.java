package io.gridbot.runner.store;

import io.gridbot.persistence.candle.CandleRepository.Candle;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the prices a hosted grid sees as one-minute candles for the price chart. Prices are folded in memory
 * at once (the grid's thread never waits for the database); a write stores what was folded since the last one
 * that succeeded. A failed write is logged once, keeps its candles (up to {@value #MAX_MINUTES} minutes) and is
 * retried with the next write; trading never hears of it.
 */
public final class CandleRecorder {

    /** How many minutes are kept for a database that is away: a day. */
    public static final int MAX_MINUTES = 1_440;
    private static final Logger LOG = LoggerFactory.getLogger(CandleRecorder.class);

    /** Where candles are stored: folds a later part of a minute into that minute's stored candle. */
    @FunctionalInterface
    public interface CandleStore {
        void record(Candle later);
    }

    private final String grid;
    private final CandleStore store;
    private final MinuteCandles pending = new MinuteCandles(MAX_MINUTES);
    private final AtomicBoolean queued = new AtomicBoolean();
    private boolean failing;

    /** @param grid the grid's name, for the log */
    public CandleRecorder(String grid, CandleStore store) {
        this.grid = grid;
        this.store = store;
    }

    /** A price the grid saw; returns at once. */
    public void seen(long atMs, BigDecimal price) {
        pending.add(atMs, price);
    }

    /**
     * Hands a write to {@code writer} (the write-behind) unless one is already waiting there: a database that
     * is away gathers one waiting write, not one per call.
     */
    public void writeLater(Consumer<Runnable> writer) {
        if (queued.compareAndSet(false, true)) {
            writer.accept(() -> {
                try {
                    write();
                } finally {
                    queued.set(false);
                }
            });
        }
    }

    /** Stores what was seen since the last write that succeeded; never throws. */
    public synchronized void write() {
        List<Candle> batch = pending.drain();
        for (int i = 0; i < batch.size(); i++) {
            try {
                store.record(batch.get(i));
            } catch (RuntimeException e) {
                pending.putBack(batch.subList(i, batch.size()));
                if (!failing) {
                    LOG.warn("grid {}: price candles not stored ({}); kept and retried with the next write", grid,
                            e.toString());
                }
                failing = true;
                return;
            }
        }
        if (failing && !batch.isEmpty()) {
            LOG.info("grid {}: price candles stored again", grid);
            failing = false;
        }
    }

    /** The minutes seen and not stored yet, oldest first. */
    public List<Candle> unwritten() {
        return pending.candles();
    }
}
