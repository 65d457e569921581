package io.gridbot.core.machine;

import java.math.BigDecimal;

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

    Closing(boolean stopLoss, long triggeredAtMs, BigDecimal triggerPrice, BigDecimal stopLine, String reason,
            BigDecimal positionAtTrigger) {
        this.stopLoss = stopLoss;
        this.triggeredAtMs = triggeredAtMs;
        this.triggerPrice = triggerPrice;
        this.stopLine = stopLine;
        this.reason = reason;
        this.positionAtTrigger = positionAtTrigger;
    }
}
