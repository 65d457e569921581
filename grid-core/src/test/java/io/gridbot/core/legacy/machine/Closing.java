package io.gridbot.core.legacy.machine;

import io.gridbot.core.stoploss.StopLossReport;
import java.math.BigDecimal;
import java.math.MathContext;

/** A stop-loss or user stop in progress: flattening the position and waiting for the venue to agree. */
final class Closing {

    final boolean stopLoss;
    final long triggeredAtMs;
    final BigDecimal triggerPrice;
    final BigDecimal stopLine;
    final String reason;
    final BigDecimal positionAtTrigger;
    TrackedOrder close;
    BigDecimal closedQty = BigDecimal.ZERO;
    BigDecimal closedNotional = BigDecimal.ZERO;
    long retryCloseAtMs;
    long resyncAtMs;
    boolean snapshotRequested;
    boolean venueConfirmedFlat;
    /** A snapshot was settled since the closing began, or the grid knew its orders already. */
    boolean venueSeen;

    Closing(boolean stopLoss, long triggeredAtMs, BigDecimal triggerPrice, BigDecimal stopLine, String reason,
            BigDecimal positionAtTrigger) {
        this.stopLoss = stopLoss;
        this.triggeredAtMs = triggeredAtMs;
        this.triggerPrice = triggerPrice;
        this.stopLine = stopLine;
        this.reason = reason;
        this.positionAtTrigger = positionAtTrigger;
    }

    /** The stop-loss report once the position is closed. */
    StopLossReport report(String grid, long completedAtMs) {
        BigDecimal closePrice = closedQty.signum() == 0 ? null : closedNotional.divide(closedQty, MathContext.DECIMAL64);
        BigDecimal slippage = null;
        BigDecimal cost = null;
        if (closePrice != null && triggerPrice != null) {
            // Closing a long sells: a lower price is worse. Closing a short buys: a higher one is.
            slippage = positionAtTrigger.signum() > 0 ? triggerPrice.subtract(closePrice) : closePrice.subtract(triggerPrice);
            cost = slippage.multiply(closedQty);
        }
        return new StopLossReport(grid, triggeredAtMs, triggerPrice, stopLine, reason, positionAtTrigger, closePrice,
                completedAtMs, slippage, cost);
    }
}
