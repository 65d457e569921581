package io.gridbot.core.machine;

import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.risk.PositionLegs;
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
    final PositionLegs positionAtTrigger;
    /** The close order on its way, or {@code null}. */
    TrackedOrder close;
    /** The leg the close order closes and the side it takes. */
    PositionSide closeLeg;
    Side closeSide;
    BigDecimal closedQty = BigDecimal.ZERO;
    private BigDecimal closedNotional = BigDecimal.ZERO;
    /** What each leg's closing fills took off it, signed as the leg: a sell closed a long. */
    private PositionLegs closedOn = PositionLegs.FLAT;
    /** What the closing fills lost against the price each is measured against (a gain is negative). */
    private BigDecimal cost = BigDecimal.ZERO;
    private boolean referenceKnown = true;
    long retryCloseAtMs;
    long resyncAtMs;
    /** A snapshot this flattening asked for is on its way: it is asked for once. */
    boolean snapshotRequested;
    /** The last snapshot settled showed the grid's share flat. */
    boolean venueConfirmedFlat;
    /** A snapshot was settled since the closing began, or the grid knew its orders already. */
    boolean venueSeen;

    Closing(boolean stopLoss, long triggeredAtMs, BigDecimal triggerPrice, BigDecimal stopLine, String reason,
            PositionLegs positionAtTrigger) {
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
     * @param positionLeft    whether the grid holds a position by its fills, on any leg
     * @param venueDisagrees  whether the venue's last position report differs from what other grids hold
     * @param ordersLeft      whether any grid order may still rest
     * @param stopLeft        whether the protective stop may still rest
     */
    Phase phase(boolean positionLeft, boolean venueDisagrees, boolean ordersLeft, boolean stopLeft) {
        if (close != null || positionLeft) {
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

    /** A fill of the venue-side protective stop that closed {@code qty} of {@code leg} taking {@code side}. */
    record StopFill(PositionSide leg, Side side, BigDecimal qty, BigDecimal price) {
    }

    /**
     * A fill on {@code leg} that closed part of the position: the close order's, measured against the trigger
     * price, or the venue-side protective stop's, measured against the stop's own line. In hedge mode one
     * flattening closes a long leg by selling and a short leg by buying, so each fill's cost is counted by its
     * own side.
     */
    void closed(PositionSide leg, Side side, BigDecimal qty, BigDecimal price, BigDecimal reference) {
        closedQty = closedQty.add(qty);
        closedNotional = closedNotional.add(price.multiply(qty));
        closedOn = closedOn.plus(leg, side == Side.SELL ? qty : qty.negate());
        if (reference == null) {
            referenceKnown = false;
        } else {
            // Closing a long sells: a lower price is worse. Closing a short buys: a higher one is.
            BigDecimal worse = side == Side.SELL ? reference.subtract(price) : price.subtract(reference);
            cost = cost.add(worse.multiply(qty));
        }
    }

    /**
     * The stop-loss report once the position is closed. Each leg's position is the one known at the trigger, or
     * the one closed when fills of the trigger's moment arrived after it (a jump fills entries and the stop together).
     */
    StopLossReport report(String grid, long completedAtMs) {
        BigDecimal closePrice = closedQty.signum() == 0 ? null : closedNotional.divide(closedQty, MathContext.DECIMAL64);
        PositionLegs position = positionAtTrigger;
        for (PositionSide leg : PositionSide.values()) {
            if (closedOn.get(leg).abs().compareTo(position.get(leg).abs()) > 0) {
                position = position.with(leg, closedOn.get(leg));
            }
        }
        BigDecimal slippage = null;
        BigDecimal slippageCost = null;
        if (closePrice != null && referenceKnown) {
            slippageCost = cost;
            slippage = cost.divide(closedQty, MathContext.DECIMAL64);
        }
        return new StopLossReport(grid, triggeredAtMs, triggerPrice, stopLine, reason, position.net(), closePrice,
                completedAtMs, slippage, slippageCost, position);
    }
}
