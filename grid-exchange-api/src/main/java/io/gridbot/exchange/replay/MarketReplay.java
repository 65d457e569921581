package io.gridbot.exchange.replay;

import io.gridbot.exchange.sim.SimulatedExchange;
import java.util.function.LongConsumer;

/**
 * Plays a price series into the simulator on its virtual clock: as fast as possible, in real time, or
 * {@code speed} times faster. Waiting goes through a {@link Sleeper}, so a test can replay "in real time"
 * without waiting.
 */
public final class MarketReplay {

    /** Waits a number of milliseconds of wall time. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long ms) throws InterruptedException;
    }

    private final SimulatedExchange exchange;
    private final String symbol;
    private final double speed;
    private final Sleeper sleeper;

    /**
     * A replay of {@code symbol}'s trades into {@code exchange}, paced by {@code sleeper}.
     *
     * @param speed 0 for as fast as possible, 1 for real time, N for N times real time
     */
    public MarketReplay(SimulatedExchange exchange, String symbol, double speed, Sleeper sleeper) {
        if (speed < 0) {
            throw new IllegalArgumentException("speed must be 0 (as fast as possible) or positive");
        }
        this.exchange = exchange;
        this.symbol = symbol;
        this.speed = speed;
        this.sleeper = sleeper;
    }

    /** As fast as possible. */
    public static MarketReplay asFastAsPossible(SimulatedExchange exchange, String symbol) {
        return new MarketReplay(exchange, symbol, 0, ms -> { });
    }

    /**
     * Plays the whole series; {@code afterEach} runs after every trade with the virtual time (the runner
     * uses it to drive timers and progress). Returns the number of trades played.
     */
    public long play(PriceSeries series, LongConsumer afterEach) throws InterruptedException {
        long count = 0;
        long previous = Long.MIN_VALUE;
        while (series.hasNext()) {
            MarketTrade trade = series.next();
            if (speed > 0 && previous != Long.MIN_VALUE && trade.atMs() > previous) {
                // Pacing needs a fraction of the gap when speed is not 1: the one place a double is fine,
                // since it is time, not money.
                sleeper.sleep(Math.round((trade.atMs() - previous) / speed));
            }
            previous = trade.atMs();
            exchange.trade(symbol, trade.price(), trade.qty(), trade.aggressor(), trade.atMs());
            afterEach.accept(trade.atMs());
            count++;
        }
        return count;
    }
}
