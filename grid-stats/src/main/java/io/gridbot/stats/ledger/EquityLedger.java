package io.gridbot.stats.ledger;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.PositionSide;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A grid's equity as every statistic counts it: realized PnL by average cost − fees + funding, plus the open
 * position valued at the latest price (a mark, or the last fill's price when no mark came after it). Fed the
 * {@link Timeline} in order; the statistics, the equity curve and the kept marks all book through this one class,
 * so they can never count equity differently.
 *
 * <p>Average cost is kept the way the venue keeps it, which depends on the account's position mode. In one-way
 * mode the venue nets every fill into one position, and realized and unrealized PnL are that net position's. In
 * hedge mode it keeps a long and a short leg that never net: each fill is booked on its leg ({@link Fill#leg()}),
 * realized PnL is the legs' added up and unrealized PnL values each leg's open quantity against its own average
 * price. Equity is cash flows plus the position at the latest price in both modes, so it is the same whichever
 * mode books it (to the 34 digits an average price is divided to); what differs is how much of it is realized.
 * The legs are booked in one-way mode too, for a neutral grid's figures per direction.
 */
public final class EquityLedger {

    private final PositionMode mode;
    /** The net position, booked in one-way mode only. */
    private final PositionBook net = new PositionBook();
    private final PositionBook longLeg = new PositionBook();
    private final PositionBook shortLeg = new PositionBook();
    private BigDecimal realized = BigDecimal.ZERO;
    private BigDecimal fees = BigDecimal.ZERO;
    private BigDecimal funding = BigDecimal.ZERO;
    /** Realized − fees + funding, kept as they change: the equity of every mark needs it. */
    private BigDecimal cash = BigDecimal.ZERO;
    private Valuation valuation = new Valuation(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    private BigDecimal mark;

    /** A ledger with nothing booked, keeping average cost as an account in {@code mode} does. */
    public EquityLedger(PositionMode mode) {
        this.mode = Objects.requireNonNull(mode, "positionMode");
    }

    /**
     * What each fill realized, in the list's order, booked in the order the statistics book them (by time, ties in
     * the list's order) on an account in {@code mode}: the figures that add up to the statistics' realized PnL,
     * closes and stops included.
     */
    public static List<BigDecimal> realizedByFill(List<Fill> fills, PositionMode mode) {
        Integer[] order = new Integer[fills.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(i -> fills.get(i).atMs()));
        EquityLedger ledger = new EquityLedger(mode);
        BigDecimal[] realized = new BigDecimal[order.length];
        for (int i : order) {
            realized[i] = ledger.fill(fills.get(i));
        }
        return Arrays.asList(realized);
    }

    /** Books a fill (a trade is the latest price there is); returns the PnL it realized, before fees. */
    public BigDecimal fill(Fill fill) {
        PositionBook leg = fill.leg() == PositionSide.LONG ? longLeg : shortLeg;
        BigDecimal onLeg = leg.apply(fill.side(), fill.price(), fill.qty());
        BigDecimal r = switch (mode) {
            case ONE_WAY -> net.apply(fill.side(), fill.price(), fill.qty());
            case HEDGE -> onLeg;
        };
        realized = realized.add(r);
        fees = fees.add(fill.fee() == null ? BigDecimal.ZERO : fill.fee());
        cash = realized.subtract(fees).add(funding);
        valuation = valuation(cash);
        mark = fill.price();
        return r;
    }

    /** The cash with the position as the mode keeps it: the net book's, or both legs'. */
    private Valuation valuation(BigDecimal cashNow) {
        return switch (mode) {
            case ONE_WAY -> new Valuation(cashNow, net.qty(), net.cost());
            case HEDGE -> new Valuation(cashNow, longLeg.qty().add(shortLeg.qty()), longLeg.cost().add(shortLeg.cost()));
        };
    }

    /** Books a funding payment: positive received, negative paid. */
    public void funding(BigDecimal amount) {
        funding = funding.add(amount);
        cash = realized.subtract(fees).add(funding);
        valuation = new Valuation(cash, valuation.position(), valuation.cost());
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

    /** The signed net position: in hedge mode the long leg's and the short leg's added up. */
    public BigDecimal position() {
        return valuation.position();
    }

    /** The long leg as booked so far. */
    public LegBalance longLeg() {
        return LegBalance.of(longLeg);
    }

    /** The short leg as booked so far. */
    public LegBalance shortLeg() {
        return LegBalance.of(shortLeg);
    }

    /** How this ledger keeps average cost. */
    public PositionMode positionMode() {
        return mode;
    }

    /** Realized PnL so far, before fees: the net position's in one-way mode, the legs' added up in hedge mode. */
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
