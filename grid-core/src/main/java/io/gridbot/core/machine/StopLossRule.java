package io.gridbot.core.machine;

import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.Side;
import io.gridbot.core.spacing.GridLadder;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The stop-loss trigger, watching the last traded price: the price at or below
 * {@code lowest line * (1 - buffer)} or at or above {@code highest line * (1 + buffer)}. The lines are exact;
 * the venue-side protective stop is snapped inward to the tick, so that on the same price it never fires
 * later than the rule.
 */
final class StopLossRule {

    private final BigDecimal lowerStop;
    private final BigDecimal upperStop;
    private final SymbolRules rules;

    StopLossRule(GridLadder ladder, BigDecimal bufferPct, SymbolRules rules) {
        StopLossLines lines = StopLossLines.of(ladder, bufferPct);
        this.lowerStop = lines.lower();
        this.upperStop = lines.upper();
        this.rules = rules;
    }

    /** Which way the price left the band. */
    enum Breach {
        BELOW, ABOVE
    }

    /** The breach at this price, if any. */
    Optional<Breach> breach(BigDecimal price) {
        if (price.compareTo(lowerStop) <= 0) {
            return Optional.of(Breach.BELOW);
        }
        if (price.compareTo(upperStop) >= 0) {
            return Optional.of(Breach.ABOVE);
        }
        return Optional.empty();
    }

    /** The exact lower stop line. */
    BigDecimal lowerStop() {
        return lowerStop;
    }

    /** The exact upper stop line. */
    BigDecimal upperStop() {
        return upperStop;
    }

    /** The stop line crossed by a breach. */
    BigDecimal line(Breach breach) {
        return breach == Breach.BELOW ? lowerStop : upperStop;
    }

    /**
     * Why a start at this price is refused: the price already lies beyond a stop-loss line, so the grid would
     * stop at once. Empty when the price is inside the stop lines.
     */
    Optional<String> startRefusal(BigDecimal price) {
        return breach(price).map(b -> "start refused: the price " + price.toPlainString()
                + " already lies beyond the stop-loss line " + line(b).stripTrailingZeros().toPlainString()
                + (b == Breach.BELOW ? " below" : " above") + " the band; the grid would stop at once");
    }

    /**
     * The trigger price of a protective stop closing a position on this side: a long position (closed by a
     * sell) is protected below the band, a short one (closed by a buy) above it.
     */
    BigDecimal protectiveTrigger(Side closingSide) {
        return closingSide == Side.SELL ? rules.ceilPrice(lowerStop) : rules.floorPrice(upperStop);
    }
}
