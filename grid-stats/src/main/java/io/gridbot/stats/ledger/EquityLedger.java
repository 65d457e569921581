package io.gridbot.stats.ledger;

import io.gridbot.core.order.Fill;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A grid's equity as every statistic counts it: realized PnL by average cost − fees + funding, plus the open
 * position valued at the latest price (a mark, or the last fill's price when no mark came after it). Fed the
 * {@link Timeline} in order; the statistics, the equity curve and the kept marks all book through this one class,
 * so they can never count equity differently.
 */
public final class EquityLedger {

    private final PositionBook book = new PositionBook();
    private BigDecimal realized = BigDecimal.ZERO;
    private BigDecimal fees = BigDecimal.ZERO;
    private BigDecimal funding = BigDecimal.ZERO;
    /** Realized − fees + funding, kept as they change: the equity of every mark needs it. */
    private BigDecimal cash = BigDecimal.ZERO;
    private Valuation valuation = new Valuation(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    private BigDecimal mark;

    /**
     * What each fill realized, in the list's order, booked in the order the statistics book them (by time, ties in
     * the list's order): the figures that add up to the statistics' realized PnL, closes and stops included.
     */
    public static List<BigDecimal> realizedByFill(List<Fill> fills) {
        Integer[] order = new Integer[fills.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(i -> fills.get(i).atMs()));
        EquityLedger ledger = new EquityLedger();
        BigDecimal[] realized = new BigDecimal[order.length];
        for (int i : order) {
            realized[i] = ledger.fill(fills.get(i));
        }
        return Arrays.asList(realized);
    }

    /** Books a fill (a trade is the latest price there is); returns the PnL it realized, before fees. */
    public BigDecimal fill(Fill fill) {
        BigDecimal r = book.apply(fill.side(), fill.price(), fill.qty());
        realized = realized.add(r);
        fees = fees.add(fill.fee() == null ? BigDecimal.ZERO : fill.fee());
        cash = realized.subtract(fees).add(funding);
        valuation = new Valuation(cash, book.qty(), book.avgPrice());
        mark = fill.price();
        return r;
    }

    /** Books a funding payment: positive received, negative paid. */
    public void funding(BigDecimal amount) {
        funding = funding.add(amount);
        cash = realized.subtract(fees).add(funding);
        valuation = new Valuation(cash, book.qty(), book.avgPrice());
    }

    /** A new latest price for the open position. */
    public void mark(BigDecimal price) {
        mark = price;
    }

    /** Books one moment of the timeline; returns what a fill realized (zero for the other moments). */
    public BigDecimal apply(Timeline.Moment moment) {
        return switch (moment) {
            case Timeline.FillMoment f -> fill(f.fill());
            case Timeline.FundingMoment p -> {
                funding(p.payment().amount());
                yield BigDecimal.ZERO;
            }
            case Timeline.MarkMoment m -> {
                mark(m.point().price());
                yield BigDecimal.ZERO;
            }
        };
    }

    /** Realized − fees + funding + unrealized. */
    public BigDecimal equity() {
        return valuation.equityAt(mark);
    }

    /** The cash and position as they stand until the next fill or payment: what any price's equity comes from. */
    public Valuation valuation() {
        return valuation;
    }

    /** Realized − fees + funding: what the equity is without the open position. */
    public BigDecimal cash() {
        return cash;
    }

    /** The open position at the latest price; zero when flat or no price is known. */
    public BigDecimal unrealized() {
        return valuation.unrealizedAt(mark);
    }

    /** The signed net position. */
    public BigDecimal position() {
        return book.qty();
    }

    /** Realized PnL so far, before fees. */
    public BigDecimal realized() {
        return realized;
    }

    /** Fees so far. */
    public BigDecimal fees() {
        return fees;
    }

    /** Funding so far. */
    public BigDecimal fundingTotal() {
        return funding;
    }

    /** The latest price, or {@code null} before the first. */
    public BigDecimal mark() {
        return mark;
    }
}
