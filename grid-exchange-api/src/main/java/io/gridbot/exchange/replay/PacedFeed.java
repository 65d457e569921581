package io.gridbot.exchange.replay;

import io.gridbot.exchange.sim.SimulatedExchange;
import java.util.function.Supplier;

/**
 * Plays a price series into the simulator {@code speed} times faster than it was recorded, over and over (the
 * source opens afresh when it ends), each trade stamped with the time the caller gives: how a simulated venue
 * trades live for the offline demo and daemon. Time is an argument: {@link #playNext} plays one trade at the
 * time it is given and says how long to wait before the next, so the real-time driver sleeps that long and
 * a test just moves its own clock. Nothing here sleeps or reads a clock.
 */
public final class PacedFeed implements AutoCloseable {

    private final SimulatedExchange exchange;
    private final String symbol;
    private final Supplier<? extends PriceSeries> source;
    private final double speed;
    private PriceSeries series;
    private MarketTrade pending;

    /**
     * A feed that replays the series {@code source} opens, over and over.
     *
     * @param source opens the series, once at the start and again whenever it ends
     * @param speed  how many times faster than recorded; positive
     */
    public PacedFeed(SimulatedExchange exchange, String symbol, Supplier<? extends PriceSeries> source, double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive");
        }
        this.exchange = exchange;
        this.symbol = symbol;
        this.source = source;
        this.speed = speed;
    }

    /**
     * Plays the next recorded trade at {@code nowMs} and returns how many milliseconds to wait before the one
     * after it: the recorded gap divided by the speed, at least 1 ms, or 0 when they were recorded at the same
     * time or the series starts over.
     */
    public long playNext(long nowMs) {
        MarketTrade trade = pending != null ? pending : first();
        exchange.trade(symbol, trade.price(), trade.qty(), trade.aggressor(), nowMs);
        if (!series.hasNext()) {
            series.close();
            series = null;
            pending = null;
            return 0;
        }
        pending = series.next();
        if (pending.atMs() <= trade.atMs()) {
            return 0;
        }
        // Time between recorded trades, compressed: pacing is time, not money.
        return Math.max(1, Math.round((pending.atMs() - trade.atMs()) / speed));
    }

    private MarketTrade first() {
        series = source.get();
        if (!series.hasNext()) {
            series.close();
            series = null;
            throw new IllegalStateException("the price series for " + symbol + " is empty");
        }
        return series.next();
    }

    /** Releases the series being played. */
    @Override
    public void close() {
        if (series != null) {
            series.close();
            series = null;
        }
    }
}
