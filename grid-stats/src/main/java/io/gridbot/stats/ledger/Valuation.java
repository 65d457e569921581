package io.gridbot.stats.ledger;

import java.math.BigDecimal;

/**
 * The ledger's cash and open position between two of its changes (a fill or a funding payment). Until the next
 * change every price's equity follows from it alone, so a mark can keep it and have its equity worked out later,
 * exactly as the ledger would have then ({@link EquityLedger#equity()} is this at the latest price).
 *
 * @param cash         realized − fees + funding
 * @param position     the signed net position
 * @param averagePrice the position's average entry price, zero when flat
 */
public record Valuation(BigDecimal cash, BigDecimal position, BigDecimal averagePrice) {

    /** Realized − fees + funding + the position valued at {@code mark}. */
    public BigDecimal equityAt(BigDecimal mark) {
        return cash.add(unrealizedAt(mark));
    }

    /** The open position at {@code mark}; zero when flat or no price is known. */
    public BigDecimal unrealizedAt(BigDecimal mark) {
        return position.signum() == 0 || mark == null ? BigDecimal.ZERO
                : mark.subtract(averagePrice).multiply(position);
    }
}
