package io.gridbot.exchange.sim;

import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.Side;
import java.math.BigDecimal;

/**
 * Where a market order (a MARKET request, or a close-position stop when it triggers) fills on the simulator:
 * never at the reference price itself, always somewhat against the order, and always the same for the same
 * market.
 * <ul>
 *   <li>With a quote of the best bid and ask no older than a minute (tick replays that know the book), a buy
 *   takes the ask and a sell the bid.</li>
 *   <li>Otherwise (1m klines, trades only) the order fills at the reference price moved against it by a tenth
 *   of the range traded in the trailing minute (about the current candle's high minus low for klines), and by
 *   at least one tick: a buy higher, a sell lower, snapped to the tick away from the order's favour. A tenth of
 *   a minute's range is a stated guess at what crossing the spread and walking a thin book in a moving market
 *   costs; the tick floor keeps a flat market's fill off the reference too.</li>
 * </ul>
 * The reference is the last price for a MARKET request; for a triggered stop it is the trigger price when the
 * market moved through it from the previous trade (the market is taken as continuous between trades, so the
 * stop fired as the price passed its trigger), and the trade's own price when the market gapped past the
 * trigger.
 */
final class Slippage {

    /** The share of the trailing minute's range a market order pays when the book is not known. */
    static final BigDecimal RANGE_SHARE = new BigDecimal("0.1");

    private final SymbolRules rules;
    private BigDecimal bid;
    private BigDecimal ask;
    private long quotedAtMs;

    Slippage(SymbolRules rules) {
        this.rules = rules;
    }

    /** Refuses a quote that no book could show: a missing side, a bid not positive or above the ask. */
    static void check(BigDecimal bestBid, BigDecimal bestAsk) {
        if (bestBid == null || bestAsk == null || bestBid.signum() <= 0 || bestBid.compareTo(bestAsk) > 0) {
            throw new IllegalArgumentException("a quote needs a positive bid no higher than the ask: bid " + bestBid
                    + ", ask " + bestAsk);
        }
    }

    /** The best bid and ask at {@code atMs}. */
    void quote(BigDecimal bestBid, BigDecimal bestAsk, long atMs) {
        check(bestBid, bestAsk);
        bid = bestBid;
        ask = bestAsk;
        quotedAtMs = atMs;
    }

    /**
     * The price a market order on {@code side} fills at.
     *
     * @param reference the last price, or a triggered stop's reference (see the class)
     * @param range     the trailing minute's range, see {@link TradeWindow#range}
     */
    BigDecimal price(Side side, BigDecimal reference, BigDecimal range, long nowMs) {
        if (bid != null && nowMs - quotedAtMs <= TradeWindow.SPAN_MS) {
            return side == Side.BUY ? ask : bid;
        }
        BigDecimal slip = rules.ceilPrice(range.multiply(RANGE_SHARE)).max(rules.tickSize());
        return side == Side.BUY ? rules.ceilPrice(reference.add(slip))
                : rules.floorPrice(reference.subtract(slip)).max(rules.tickSize());
    }
}
