package io.gridbot.exchange.sim;

import io.gridbot.core.order.Side;
import java.math.BigDecimal;
import java.util.Collection;

/**
 * The prices at the edges of a book's resting entries, so that a trade which reaches none of them is told in a
 * few comparisons instead of one per entry: the highest resting buy and the lowest resting sell (a trade above
 * the one and below the other fills no limit order), and the lowest buy and highest sell stop trigger (a price
 * below the one and above the other triggers no stop). Only a trade that may reach something goes on to the
 * book's full matching, which alone decides what fills and in which order.
 *
 * <p>The edges are worked out again from the entries after the book changed (a rest, a cancel, a fill): those
 * are rare next to trades, and a full pass keeps the edges true whatever the change was.
 */
final class BookEdges {

    private BigDecimal highestBuy;
    private BigDecimal lowestSell;
    private BigDecimal lowestBuyStop;
    private BigDecimal highestSellStop;
    /** The book's change count the edges are as of. */
    private long at = -1;

    /** Brings the edges up to the book's entries, if the book changed since they were worked out. */
    void refresh(long changes, Collection<SimOrder> open, Collection<SimOrder> stops) {
        if (changes == at) {
            return;
        }
        highestBuy = null;
        lowestSell = null;
        for (SimOrder o : open) {
            BigDecimal p = o.request.price();
            if (p == null) {
                continue; // a market order or a triggered stop fills within the call that rested it
            }
            if (o.request.side() == Side.BUY) {
                highestBuy = highestBuy == null ? p : highestBuy.max(p);
            } else {
                lowestSell = lowestSell == null ? p : lowestSell.min(p);
            }
        }
        lowestBuyStop = null;
        highestSellStop = null;
        for (SimOrder s : stops) {
            BigDecimal t = s.request.stopPrice();
            if (s.request.side() == Side.BUY) {
                lowestBuyStop = lowestBuyStop == null ? t : lowestBuyStop.min(t);
            } else {
                highestSellStop = highestSellStop == null ? t : highestSellStop.max(t);
            }
        }
        at = changes;
    }

    /**
     * Whether a trade at {@code price} may reach a resting limit order: strictly through the highest buy or the
     * lowest sell, or exactly at one when the model fills at the price and the taker was not on that side. False
     * means no order is reached; true only that the full matching must look.
     */
    boolean mayReachOrder(BigDecimal price, Side aggressor, boolean fillsAtPrice) {
        if (highestBuy != null) {
            int c = price.compareTo(highestBuy);
            if (c < 0 || c == 0 && fillsAtPrice && aggressor != Side.BUY) {
                return true;
            }
        }
        if (lowestSell != null) {
            int c = price.compareTo(lowestSell);
            return c > 0 || c == 0 && fillsAtPrice && aggressor != Side.SELL;
        }
        return false;
    }

    /**
     * Whether a trade at {@code price} may trigger a stop: at or above the lowest buy trigger, or at or below the
     * highest sell one.
     */
    boolean mayTriggerStop(BigDecimal price) {
        return lowestBuyStop != null && price.compareTo(lowestBuyStop) >= 0
                || highestSellStop != null && price.compareTo(highestSellStop) <= 0;
    }
}
