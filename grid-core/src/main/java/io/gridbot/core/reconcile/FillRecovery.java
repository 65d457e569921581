package io.gridbot.core.reconcile;

import io.gridbot.core.event.GridEvent.Execution;
import io.gridbot.core.level.Level;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.OrderOwnership;
import io.gridbot.core.order.Side;
import io.gridbot.core.spacing.GridLadder;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;

/**
 * Books the executions a grid missed (made while no process listened, or while its stream was down) as the
 * live path would have: with their kind, line, fee and realized PnL. An exit's PnL is measured from its line's
 * open entry as the grid's fills tell it: the levels as the grid knew them at its last reconciliation, then every
 * fill since, booked live or recovered (a stop forgets a line's orders and resets it before the history behind
 * its snapshot arrives); the line's price when nothing is known. Executions the grid booked live are skipped.
 * Those a level accounts for already ({@link KnownExecutions}: an earlier process booked them) are booked again
 * for the ledger, which ignores the ones it holds, but leave the lines' entries alone.
 */
public final class FillRecovery {

    private static final int REMEMBERED = 8_192;

    private final OrderOwnership owner;
    private final LinkedHashSet<String> booked = new LinkedHashSet<>();
    private final Map<Integer, Leg> legs = new HashMap<>();
    /** Lines with a fill booked live since the last baseline: their levels know more than a history can tell. */
    private final Set<Integer> seenLive = new HashSet<>();
    private final Map<Integer, KnownExecutions> known = new HashMap<>();
    private GridLadder ladder;

    public FillRecovery(OrderOwnership owner) {
        this.owner = owner;
    }

    /** The levels as the grid knew them just before a reconciliation: the entry prices exits are measured from. */
    public void baseline(GridLadder ladder, List<Level> levels) {
        this.ladder = ladder;
        legs.clear();
        seenLive.clear();
        known.clear();
        for (Level level : levels) {
            KnownExecutions.of(level).ifPresent(k -> known.put(level.line(), k));
            BigDecimal open = level.position().openQty();
            if (level.entrySide() != null && open.signum() > 0) {
                BigDecimal avg = level.entryAvgPrice() != null ? level.entryAvgPrice() : level.price();
                legs.put(level.line(), new Leg(level.entrySide(), open, avg.multiply(open)));
            }
        }
    }

    /** A fill the grid booked live: a recovery skips its execution, and a line's fill moves that line's entry. */
    public void bookedLive(Fill fill) {
        remember(fill.tradeId());
        if (fill.line() >= 0) {
            seenLive.add(fill.line());
        }
        switch (fill.kind()) {
            case ENTRY -> entered(legs, fill.line(), fill.side(), fill.price(), fill.qty());
            case EXIT -> exited(legs, fill.line(), fill.side(), fill.price(), fill.qty());
            case STOP, CLOSE -> {
            }
        }
    }

    /**
     * What a recovery books: every execution not seen live, and the entry prices the ones new to the grid's
     * levels tell.
     */
    public record Booked(List<Fill> fills, Map<Integer, EntryPrice> entryPrices) {
    }

    /** What the event log says of a recovery. */
    public static String describe(int booked) {
        return booked + " execution(s) of the venue's trade history not seen live: booked with their kind, line, fee "
                + "and realized PnL where the ledger lacks them";
    }

    /**
     * The fills to book for these executions, oldest first; this grid's only, each once per run. An execution
     * the levels account for already (an earlier process booked it) is measured against the executions before it
     * in this history and leaves the lines' entries alone.
     */
    public Booked book(List<Execution> executions) {
        List<Fill> fills = new ArrayList<>();
        List<Fill> unknown = new ArrayList<>();
        Map<Integer, Leg> replayed = new HashMap<>();
        for (Execution e : executions) {
            var id = owner.parseOurs(e.clientOrderId());
            if (id.isEmpty() || (e.tradeId() != null && booked.contains(e.tradeId()))) {
                continue;
            }
            remember(e.tradeId());
            ClientOrderId.Kind kind = id.get().kind();
            int line = kind == ClientOrderId.Kind.ENTRY || kind == ClientOrderId.Kind.EXIT ? id.get().line() : -1;
            KnownExecutions level = line >= 0 ? known.get(line) : null;
            boolean isNew = level == null || !level.accountsFor(id.get(), e.qty());
            Map<Integer, Leg> walk = isNew ? legs : replayed;
            BigDecimal realized = switch (kind) {
                case ENTRY -> entered(walk, line, e.side(), e.price(), e.qty());
                case EXIT -> exited(walk, line, e.side(), e.price(), e.qty());
                case STOP, CLOSE -> BigDecimal.ZERO;
            };
            Fill fill = new Fill(e.atMs(), e.clientOrderId(), e.exchangeOrderId(), e.tradeId(), kind, e.side(), line,
                    e.price(), e.qty(), e.fee() == null ? BigDecimal.ZERO : e.fee(), e.feeAsset(), realized);
            fills.add(fill);
            if (isNew) {
                unknown.add(fill);
            }
        }
        return new Booked(fills, entryPrices(unknown));
    }

    /**
     * A line's entry side and average price, from recovered executions.
     *
     * @param rebased the executions closed what the line held and entered again, and the grid saw none of the
     *                line's fills live since it last reconciled: the line holds this entry, whatever it believed
     */
    public record EntryPrice(Side side, BigDecimal avgPrice, boolean rebased) {
    }

    /**
     * The average price of the latest entry executions at each line among these recovered fills (an exit or an
     * entry of the other side starts the line afresh).
     */
    private Map<Integer, EntryPrice> entryPrices(List<Fill> fills) {
        Map<Integer, BigDecimal[]> sums = new HashMap<>();
        Map<Integer, Side> sides = new HashMap<>();
        Set<Integer> exited = new HashSet<>();
        for (Fill f : fills) {
            if (f.kind() == ClientOrderId.Kind.EXIT) {
                sums.remove(f.line());
                exited.add(f.line());
            } else if (f.kind() == ClientOrderId.Kind.ENTRY) {
                if (sides.get(f.line()) != f.side()) {
                    sums.remove(f.line());
                    sides.put(f.line(), f.side());
                }
                BigDecimal[] sum = sums.computeIfAbsent(f.line(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                sum[0] = sum[0].add(f.qty());
                sum[1] = sum[1].add(f.price().multiply(f.qty()));
            }
        }
        Map<Integer, EntryPrice> out = new HashMap<>();
        sums.forEach((line, sum) -> out.put(line, new EntryPrice(sides.get(line),
                sum[1].divide(sum[0], MathContext.DECIMAL64), exited.contains(line) && !seenLive.contains(line))));
        return out;
    }

    private static BigDecimal entered(Map<Integer, Leg> legs, int line, Side side, BigDecimal price, BigDecimal qty) {
        Leg leg = legs.get(line);
        if (leg == null || leg.side != side || leg.qty.signum() == 0) {
            legs.put(line, new Leg(side, qty, price.multiply(qty)));
        } else {
            leg.qty = leg.qty.add(qty);
            leg.notional = leg.notional.add(price.multiply(qty));
        }
        return BigDecimal.ZERO;
    }

    /** The exit's realized PnL against its line's open entry, which it reduces. */
    private BigDecimal exited(Map<Integer, Leg> legs, int line, Side side, BigDecimal price, BigDecimal qty) {
        Side entrySide = side.opposite();
        Leg leg = legs.get(line);
        BigDecimal avg;
        if (leg != null && leg.side == entrySide && leg.qty.signum() > 0) {
            avg = leg.notional.divide(leg.qty, MathContext.DECIMAL64);
            BigDecimal left = leg.qty.subtract(qty).max(BigDecimal.ZERO);
            leg.notional = avg.multiply(left);
            leg.qty = left;
        } else {
            avg = ladder != null && line >= 0 && line < ladder.size() ? ladder.price(line) : price;
        }
        BigDecimal realized = price.subtract(avg).multiply(qty);
        return entrySide == Side.SELL ? realized.negate() : realized;
    }

    private void remember(String tradeId) {
        if (tradeId == null) {
            return;
        }
        booked.add(tradeId);
        if (booked.size() > REMEMBERED) {
            Iterator<String> it = booked.iterator();
            it.next();
            it.remove();
        }
    }

    /** One line's open entry while recovering. */
    private static final class Leg {
        final Side side;
        BigDecimal qty;
        BigDecimal notional;

        Leg(Side side, BigDecimal qty, BigDecimal notional) {
            this.side = side;
            this.qty = qty;
            this.notional = notional;
        }
    }
}
