package io.gridbot.exchange.sim;

import io.gridbot.core.order.Side;
import java.math.BigDecimal;
import java.math.MathContext;

/** One symbol's one-way position: signed quantity and average entry price. */
final class SimPosition {

    private static final MathContext MATH = MathContext.DECIMAL128;

    BigDecimal qty = BigDecimal.ZERO;
    BigDecimal entry = BigDecimal.ZERO;

    /** Books a trade into the position; returns the PnL it realized. */
    BigDecimal book(Side side, BigDecimal tradeQty, BigDecimal price) {
        BigDecimal signed = side == Side.BUY ? tradeQty : tradeQty.negate();
        BigDecimal held = qty;
        if (held.signum() == 0 || held.signum() == signed.signum()) {
            BigDecimal size = held.abs();
            entry = entry.multiply(size).add(price.multiply(tradeQty)).divide(size.add(tradeQty), MATH);
            qty = held.add(signed);
            return BigDecimal.ZERO;
        }
        BigDecimal closing = tradeQty.min(held.abs());
        BigDecimal realized = price.subtract(entry).multiply(closing);
        if (held.signum() < 0) {
            realized = realized.negate();
        }
        qty = held.add(signed);
        if (qty.signum() == 0) {
            entry = BigDecimal.ZERO;
        } else if (qty.signum() == signed.signum()) {
            entry = price;
        }
        return realized;
    }

    /** How much an order on this side may close. */
    BigDecimal reducible(Side side) {
        return side == Side.BUY ? qty.negate().max(BigDecimal.ZERO) : qty.max(BigDecimal.ZERO);
    }

    /** The unrealized PnL at this mark; zero without one. */
    BigDecimal unrealizedAt(BigDecimal mark) {
        return mark == null ? BigDecimal.ZERO : mark.subtract(entry).multiply(qty);
    }
}
