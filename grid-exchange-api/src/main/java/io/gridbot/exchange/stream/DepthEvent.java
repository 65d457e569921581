package io.gridbot.exchange.stream;

import java.math.BigDecimal;
import java.util.List;

/**
 * The top of the order book on one symbol.
 *
 * @param symbol the symbol
 * @param bids   price levels, best first
 * @param asks   price levels, best first
 * @param atMs   the venue's event time
 */
public record DepthEvent(String symbol, List<Level> bids, List<Level> asks, long atMs) {

    /** One price level of the book. */
    public record Level(BigDecimal price, BigDecimal qty) {
    }

    public DepthEvent {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }
}
