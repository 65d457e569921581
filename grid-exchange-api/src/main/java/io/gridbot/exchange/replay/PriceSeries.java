package io.gridbot.exchange.replay;

import java.util.Iterator;

/** A source of market trades in time order, read lazily so a year of data never sits in memory at once. */
public interface PriceSeries extends Iterator<MarketTrade>, AutoCloseable {

    /** Releases the file behind the series, if any. */
    @Override
    default void close() {
    }
}
