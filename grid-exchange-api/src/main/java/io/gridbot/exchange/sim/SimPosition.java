package io.gridbot.exchange.sim;

import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * One position leg of a symbol: the one-way net position, or in hedge mode its long or its short leg, with a
 * signed quantity and an average entry price. A hedge leg never changes sign: its closes are capped at what it
 * holds, as reduce-only orders are.
 */
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

    /** Whether an order closes a hedge-mode leg (SELL LONG, BUY SHORT): it may only reduce, as reduce-only does. */
    static boolean closesLeg(OrderRequest q) {
        return q.positionSide() == PositionSide.LONG ? q.side() == Side.SELL
                : q.positionSide() == PositionSide.SHORT && q.side() == Side.BUY;
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
