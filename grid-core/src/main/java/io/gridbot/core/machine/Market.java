package io.gridbot.core.machine;

import io.gridbot.core.status.GridStatus;
import java.math.BigDecimal;
import java.util.Optional;

/** The price the grid reasons with, and what a new price sets off: a sync, or the stop-loss. */
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
        if (g.lines.ladder() == null || checkStopLoss()) {
            return;
        }
        if (g.lifecycle.is(GridStatus.RUNNING)) {
            g.sync.priceMoved(price);
        }
    }

    /** Fires the stop-loss if the price has left the band; true when it did. */
    boolean checkStopLoss() {
        BigDecimal lastPrice = g.market.lastPrice();
        StopLossRule rule = g.lines.stopRule();
        if (lastPrice == null || rule == null || g.flattening.active()) {
            return false;
        }
        GridStatus status = g.status();
        boolean guarded = status == GridStatus.RUNNING || status == GridStatus.PAUSED || status == GridStatus.SAFE_MODE;
        if (!guarded) {
            return false;
        }
        Optional<StopLossRule.Breach> breach = rule.breach(lastPrice);
        if (breach.isEmpty()) {
            return false;
        }
        BigDecimal line = rule.line(breach.get());
        g.flattening.begin(true, lastPrice, line, "price " + lastPrice.toPlainString() + " crossed the stop-loss line "
                + line.stripTrailingZeros().toPlainString() + (breach.get() == StopLossRule.Breach.BELOW ? " below" : " above")
                + " the band");
        return true;
    }
}
