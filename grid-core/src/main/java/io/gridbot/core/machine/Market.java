package io.gridbot.core.machine;

import java.math.BigDecimal;

/** The price the grid reasons with, and what a new price sets off. */
final class Market {

    private final Grid g;
    private BigDecimal lastPrice;
    private long lastPriceAtMs = Long.MIN_VALUE;

    Market(Grid g) {
        this.g = g;
    }

    /** The last price, or {@code null} before the first. */
    BigDecimal lastPrice() {
        return lastPrice;
    }

    /**
     * A fill is a trade: the market was at its price. The order and market streams are not ordered with
     * each other, so a fill newer than the last tick moves the price the grid reasons with.
     */
    void noteFill(BigDecimal price, long atMs) {
        if (atMs >= lastPriceAtMs) {
            lastPrice = price;
            lastPriceAtMs = atMs;
        }
    }

    void onPrice(BigDecimal price) {
        lastPrice = price;
        lastPriceAtMs = g.nowMs();
        if (g.lifecycle.is(GridStatus.INITIALIZING)) {
            g.lifecycle.finishInitialisation();
            return;
        }
        if (g.lines.ladder() == null || g.flattening.checkStopLoss()) {
            return;
        }
        if (g.lifecycle.is(GridStatus.RUNNING)) {
            g.sync.priceMoved(price);
        }
    }
}
