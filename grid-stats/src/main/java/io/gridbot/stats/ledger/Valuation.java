package io.gridbot.stats.ledger;

import java.math.BigDecimal;

/**
 * The ledger's cash and open position between two of its changes (a fill or a funding payment). Until the next
 * change every price's equity follows from it alone, so a mark can keep it and have its equity worked out later,
 * exactly as the ledger would have then ({@link EquityLedger#equity()} is this at the latest price).
 *
 * <p>The open position is kept as its net quantity and what it cost: one book's average price × quantity in
 * one-way mode, each leg's added up in hedge mode. Either way it is worth {@code price × position − cost} at a
 * price, so equity is a straight line in the price whose slope is the net position; a hedge grid whose legs
 * offset holds no net position yet may have an unrealized PnL, the same at every price.
 *
 * @param cash     realized − fees + funding
 * @param position the signed net position
 * @param cost     the open position's cost at its average entry price (or prices), signed as the position
 */
public record Valuation(BigDecimal cash, BigDecimal position, BigDecimal cost) {

    /** Realized − fees + funding + the position valued at {@code mark}. */
    public BigDecimal equityAt(BigDecimal mark) {
        return cash.add(unrealizedAt(mark));
    }

    /** The open position at {@code mark}; zero when nothing is open or no price is known. */
    public BigDecimal unrealizedAt(BigDecimal mark) {
        return mark == null || position.signum() == 0 && cost.signum() == 0 ? BigDecimal.ZERO
                : mark.multiply(position).subtract(cost);
    }
}
