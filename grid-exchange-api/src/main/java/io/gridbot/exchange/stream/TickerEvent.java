package io.gridbot.exchange.stream;

import java.math.BigDecimal;

/**
 * The market on one symbol moved: best bid and ask and the last trade.
 *
 * @param symbol  the symbol
 * @param bid     best bid, {@code null} if unknown
 * @param ask     best ask, {@code null} if unknown
 * @param last    last trade price, {@code null} if unknown
 * @param lastQty last trade quantity, {@code null} if unknown
 * @param atMs    the venue's event time
 */
public record TickerEvent(String symbol, BigDecimal bid, BigDecimal ask, BigDecimal last, BigDecimal lastQty, long atMs) {

    /** The price a grid reasons with: the last trade, else the mid of the book. */
    public BigDecimal price() {
        if (last != null) {
            return last;
        }
        if (bid != null && ask != null) {
            return bid.add(ask).divide(BigDecimal.valueOf(2));
        }
        return bid != null ? bid : ask;
    }
}
