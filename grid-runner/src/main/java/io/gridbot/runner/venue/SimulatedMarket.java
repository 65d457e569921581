package io.gridbot.runner.venue;

import io.gridbot.exchange.binance.data.BinanceDataFile;
import io.gridbot.exchange.replay.PacedFeed;
import io.gridbot.exchange.sim.SimulatedExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated venue's market (the offline daemon's and the live demo's): the recorded BTCUSDT series shipped
 * in the jar ({@link SimulatedVenue#SERIES}), replayed into the simulator {@code speed} times faster than it
 * happened and stamped with the wall clock, over and over: the real-time driver of a {@link PacedFeed}, which
 * does the pacing on the time it is given.
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
        try (PacedFeed paced = new PacedFeed(exchange, "BTCUSDT", () -> BinanceDataFile.open(
                SimulatedVenue.series(), BinanceDataFile.Kind.KLINES, "BTCUSDT 1m"),
                speed)) {
            while (running) {
                long pause = paced.playNext(System.currentTimeMillis());
                if (pause > 0) {
                    Thread.sleep(pause);
                }
            }
        } catch (InterruptedException e) {
            // closed: the feed stops
        } catch (RuntimeException e) {
            LOG.error("the simulated market stopped", e);
        }
    }

    @Override
    public void close() {
        running = false;
        feed.interrupt();
    }
}
