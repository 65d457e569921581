package io.gridbot.stats.ledger;

import io.gridbot.core.order.Side;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Average-cost accounting of one position, the way the venue reports realized PnL: opening trades move the
 * average entry price, reducing trades realize {@code (price - average) * closed} in the position's direction,
 * and a trade through zero opens the remainder at its own price. The position is a one-way account's net one or
 * one leg of a hedge account; the book also tallies what it realized and how many executions it booked.
 */
public final class PositionBook {

    private static final MathContext MATH = MathContext.DECIMAL128;

    private BigDecimal qty = BigDecimal.ZERO;
    private BigDecimal avgPrice = BigDecimal.ZERO;
    private BigDecimal realized = BigDecimal.ZERO;
    private long executions;

    /** Books one execution; returns the PnL it realized (before fees). */
    public BigDecimal apply(Side side, BigDecimal price, BigDecimal executed) {
        executions++;
        BigDecimal signed = side == Side.BUY ? executed : executed.negate();
        if (qty.signum() == 0 || qty.signum() == signed.signum()) {
            BigDecimal held = qty.abs();
            avgPrice = avgPrice.multiply(held).add(price.multiply(executed)).divide(held.add(executed), MATH);
            qty = qty.add(signed);
            return BigDecimal.ZERO;
        }
        BigDecimal closed = executed.min(qty.abs());
        BigDecimal pnl = price.subtract(avgPrice).multiply(closed);
        if (qty.signum() < 0) {
            pnl = pnl.negate();
        }
        qty = qty.add(signed);
        if (qty.signum() == 0) {
            avgPrice = BigDecimal.ZERO;
        } else if (qty.signum() == signed.signum()) {
            avgPrice = price; // flipped: the remainder opened at this trade's price
        }
        realized = realized.add(pnl);
        return pnl;
    }

    /** The signed position. */
    public BigDecimal qty() {
        return qty;
    }

    /** The average entry price of the open position, zero when flat. */
    public BigDecimal avgPrice() {
        return avgPrice;
    }

    /** What the open position cost at its average price, signed as the position: zero when flat. */
    public BigDecimal cost() {
        return avgPrice.multiply(qty);
    }

    /** The PnL realized so far, before fees: the sum of what {@link #apply} returned. */
    public BigDecimal realized() {
        return realized;
    }

    /** How many executions were booked. */
    public long executions() {
        return executions;
    }
}
