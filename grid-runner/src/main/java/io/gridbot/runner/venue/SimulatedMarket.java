package io.gridbot.runner.venue;

import io.gridbot.exchange.replay.BinanceDataFile;
import io.gridbot.exchange.replay.MarketTrade;
import io.gridbot.exchange.sim.SimulatedExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated venue's market (the offline daemon's and the live demo's): the recorded BTCUSDT series
 * shipped in the jar ({@link SimulatedVenue#SERIES}), replayed into the simulator
 * {@code speed} times faster than it happened and stamped with the wall clock, over and over.
 */
public final class SimulatedMarket implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedMarket.class);

    private final SimulatedExchange exchange;
    private final double speed;
    private volatile boolean running = true;
    private final Thread feed;

    /** Starts feeding the recorded series into the exchange at {@code speed} times real time. */
    public SimulatedMarket(SimulatedExchange exchange, double speed) {
        this.exchange = exchange;
        this.speed = speed;
        this.feed = Thread.ofPlatform().name("gridbot-market").daemon().start(this::run);
    }

    private void run() {
        while (running) {
            try (BinanceDataFile series = BinanceDataFile.open(SimulatedVenue.series(),
                    BinanceDataFile.Kind.KLINES, "BTCUSDT 1m")) {
                long previous = Long.MIN_VALUE;
                while (running && series.hasNext()) {
                    MarketTrade t = series.next();
                    if (previous != Long.MIN_VALUE && t.atMs() > previous) {
                        // Time between recorded trades, compressed: pacing is time, not money.
                        Thread.sleep(Math.max(1, Math.round((t.atMs() - previous) / speed)));
                    }
                    previous = t.atMs();
                    exchange.trade("BTCUSDT", t.price(), t.qty(), System.currentTimeMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("the simulated market stopped", e);
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        feed.interrupt();
    }
}
