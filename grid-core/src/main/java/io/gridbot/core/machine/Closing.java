package io.gridbot.core.machine;

import io.gridbot.core.stoploss.StopLossReport;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A stop-loss or user stop in progress: flattening the position and waiting for the venue to agree. What
 * it has done so far and learnt from the venue; {@link Flattening} reads its {@link Phase} from these.
 */
final class Closing {

    /** Where a flattening stands, in the order it is worked through at every step. */
    enum Phase {
        /** A position is left (or a close order is on its way): close it at market. */
        CLOSING,
        /** Flat by the grid's fills, but the venue's last word is not: a fresh snapshot decides. */
        CONFIRMING_FLAT,
        /** Flat: waiting for the cancels to land, so that no late fill reopens a position. */
        CANCELLING,
        /** Flat, and no grid order left but the protective stop: cancel it and wait for the venue to confirm. */
        CANCELLING_STOP,
        /** Flat, confirmed, and no order left: the grid stops. */
        DONE
    }

    final boolean stopLoss;
    final long triggeredAtMs;
    final BigDecimal triggerPrice;
    final BigDecimal stopLine;
    final String reason;
    final BigDecimal positionAtTrigger;
    /** The close order on its way, or {@code null}. */
    TrackedOrder close;
    BigDecimal closedQty = BigDecimal.ZERO;
    BigDecimal closedNotional = BigDecimal.ZERO;
    long retryCloseAtMs;
    long resyncAtMs;
    /** A snapshot this flattening asked for is on its way: it is asked for once. */
    boolean snapshotRequested;
    /** The last snapshot settled showed the grid's share flat. */
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

    /**
     * The phase, from what is known now: a late fill can send a flattening back to closing.
     *
     * @param position        the grid's position by its fills
     * @param venueDisagrees  whether the venue's last position report differs from what other grids hold
     * @param ordersLeft      whether any grid order may still rest
     * @param stopLeft        whether the protective stop may still rest
     */
    Phase phase(BigDecimal position, boolean venueDisagrees, boolean ordersLeft, boolean stopLeft) {
        if (close != null || position.signum() != 0) {
            return Phase.CLOSING;
        }
        if (venueDisagrees && !venueConfirmedFlat) {
            return Phase.CONFIRMING_FLAT;
        }
        if (ordersLeft || !venueSeen) {
            return Phase.CANCELLING;
        }
        return stopLeft ? Phase.CANCELLING_STOP : Phase.DONE;
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
