package io.gridbot.runner.soak;

import io.gridbot.exchange.binance.fake.FakeBinance;
import io.gridbot.exchange.replay.MarketTrade;
import io.gridbot.exchange.replay.PriceSeries;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak's market: each grid's recorded klines replayed on the venue at the run's speed, all symbols on one
 * simulated clock that starts when {@link #play} is called. Before that it {@link #hold}s each symbol at its
 * opening price, trading it every quarter second, as grids need a price to start. While partial fills are on,
 * no trade is larger than half the grid's order size.
 */
final class SoakMarket implements AutoCloseable {

    private static final long TICK_MS = 20;

    private final FakeBinance venue;
    private final double speed;
    private final List<Feed> feeds = new ArrayList<>();
    private final AtomicLong partialUntilSimMs = new AtomicLong(-1);
    private volatile long playStartNanos = -1;
    private final Thread thread;
    private volatile RuntimeException failure;

    /** One symbol's replay. */
    private static final class Feed {
        final SoakGrid grid;
        final PriceSeries series;
        final long firstAtMs;
        MarketTrade next;

        Feed(SoakGrid grid) {
            this.grid = grid;
            this.series = grid.market();
            this.next = series.next();
            this.firstAtMs = next.atMs();
        }
    }

    SoakMarket(FakeBinance venue, List<SoakGrid> grids, double speed) {
        this.venue = venue;
        this.speed = speed;
        grids.forEach(g -> feeds.add(new Feed(g)));
        thread = Thread.ofPlatform().daemon().name("soak-market").start(this::run);
    }

    /** Each symbol's opening price. */
    BigDecimal opening(SoakGrid grid) {
        return feeds.stream().filter(f -> f.grid == grid).findFirst().orElseThrow().next.price();
    }

    /** Starts the replay: simulated time 0 is now. */
    void play() {
        playStartNanos = System.nanoTime();
    }

    /** The simulated milliseconds since {@link #play}, 0 before it. */
    long simNowMs() {
        long start = playStartNanos;
        return start < 0 ? 0 : (long) ((System.nanoTime() - start) / 1e6 * speed);
    }

    /** Real nanoseconds ({@link System#nanoTime()}) at a simulated time. */
    long nanosAt(long simMs) {
        return playStartNanos + (long) (simMs / speed * 1e6);
    }

    /** Trades no larger than half an order until the simulated time {@code untilSimMs}. */
    void partialFillsUntil(long untilSimMs) {
        partialUntilSimMs.set(untilSimMs);
    }

    /** Fails with what stopped the replay, if anything did (a series that ran out, a refused trade). */
    void check() {
        if (failure != null) {
            throw failure;
        }
    }

    private void run() {
        long lastHold = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                if (playStartNanos < 0) {
                    long now = System.nanoTime();
                    if (now - lastHold > 250_000_000L) {
                        lastHold = now;
                        feeds.forEach(f -> venue.trade(f.grid.symbol(), f.next.price(), f.next.qty()));
                    }
                } else {
                    long sim = simNowMs();
                    for (Feed f : feeds) {
                        while (f.next.atMs() - f.firstAtMs <= sim) {
                            venue.trade(f.grid.symbol(), f.next.price(), size(f, sim));
                            if (!f.series.hasNext()) {
                                throw new IllegalStateException("the klines of " + f.grid.symbol() + " ran out");
                            }
                            f.next = f.series.next();
                        }
                    }
                }
                Thread.sleep(TICK_MS); // the replay's pace, not a wait for a result
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private BigDecimal size(Feed f, long sim) {
        BigDecimal qty = f.next.qty();
        if (sim < partialUntilSimMs.get()) {
            BigDecimal half = f.grid.orderQty().divide(BigDecimal.TWO);
            return qty == null ? half : qty.min(half);
        }
        return qty;
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Feed f : feeds) {
            try {
                f.series.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not close the klines of " + f.grid.symbol(), e);
            }
        }
    }
}
