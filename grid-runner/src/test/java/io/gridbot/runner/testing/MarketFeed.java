package io.gridbot.runner.testing;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A market that keeps trading, for tests: a trade at the current price every 50 ms, as a live venue's prices
 * keep coming. A start waits for its grid to run, and a grid runs only once it has seen a price.
 */
public final class MarketFeed implements AutoCloseable {

    private final AtomicReference<BigDecimal> price = new AtomicReference<>();
    private final Thread feed;

    /** Starts trading at nothing until {@link #at} names a price. */
    public MarketFeed(Consumer<BigDecimal> trade) {
        feed = Thread.ofVirtual().name("test-market").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                BigDecimal p = price.get();
                if (p != null) {
                    trade.accept(p);
                }
                try {
                    Thread.sleep(50); // the market's pace, not a wait for a result
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /**
     * Runs {@code command} (a start, which waits for its grid to run) while the market trades at {@code price},
     * and returns its exit code; the trading stops when it returns.
     */
    public static int tradingAt(String price, Consumer<BigDecimal> trade, java.util.function.IntSupplier command) {
        MarketFeed market = new MarketFeed(trade).at(price);
        try {
            return command.getAsInt();
        } finally {
            market.close();
        }
    }

    /** Trades at {@code newPrice} from now on; {@code null} stops trading. */
    public MarketFeed at(String newPrice) {
        price.set(newPrice == null ? null : new BigDecimal(newPrice));
        return this;
    }

    @Override
    public void close() {
        feed.interrupt();
    }
}
