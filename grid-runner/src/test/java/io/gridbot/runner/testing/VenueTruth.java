package io.gridbot.runner.testing;

import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.Side;
import io.gridbot.core.spacing.GridLadder;
import io.gridbot.exchange.TradeRecord;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A grid's ledger held against what the venue did, for the tests that kill, cut and restart daemons: the venue's
 * trade history is the truth, and every difference is described in words (an empty list: none).
 */
public final class VenueTruth {

    private VenueTruth() {
    }

    /** Each execution once in the ledger, with the venue's client id, side, quantity, price and fee; nothing else. */
    public static List<String> ledgerAgainstVenue(List<Fill> fills, List<TradeRecord> trades) {
        return compare(fills, trades, true);
    }

    /**
     * What the ledger holds so far agrees with the venue: every fill booked is a venue execution, booked once
     * and as the venue has it (executions not booked yet are no difference: the ledger may lag).
     */
    public static List<String> ledgerWithinVenue(List<Fill> fills, List<TradeRecord> trades) {
        return compare(fills, trades, false);
    }

    private static List<String> compare(List<Fill> fills, List<TradeRecord> trades, boolean complete) {
        List<String> differences = new ArrayList<>();
        Map<String, Fill> byTrade = new HashMap<>();
        for (Fill f : fills) {
            if (byTrade.put(f.tradeId(), f) != null) {
                differences.add("trade " + f.tradeId() + " booked twice");
            }
        }
        Set<String> venueTrades = new HashSet<>();
        for (TradeRecord t : trades) {
            venueTrades.add(t.tradeId());
            Fill f = byTrade.get(t.tradeId());
            if (f == null) {
                if (complete) {
                    differences.add("trade " + t.tradeId() + " (" + t.clientOrderId() + " " + t.side() + " "
                            + t.qty().toPlainString() + " @ " + t.price().toPlainString() + ") missing from the ledger");
                }
            } else if (!f.clientOrderId().equals(t.clientOrderId()) || f.side() != t.side()
                    || f.qty().compareTo(t.qty()) != 0 || f.price().compareTo(t.price()) != 0
                    || f.fee().compareTo(t.fee()) != 0) {
                differences.add("trade " + t.tradeId() + " booked as " + f.clientOrderId() + " " + f.side() + " "
                        + f.qty().toPlainString() + " @ " + f.price().toPlainString() + " fee " + f.fee().toPlainString()
                        + ", the venue has " + t.clientOrderId() + " " + t.side() + " " + t.qty().toPlainString() + " @ "
                        + t.price().toPlainString() + " fee " + t.fee().toPlainString());
            }
        }
        fills.stream().filter(f -> !venueTrades.contains(f.tradeId())).forEach(f -> differences.add("the ledger's trade "
                + f.tradeId() + " (" + f.clientOrderId() + ") is not in the venue's history"));
        return differences;
    }

    /** Client ids that named more than one venue order in the trade history. */
    public static List<String> reusedClientIds(List<TradeRecord> trades) {
        Map<String, Set<String>> orders = new HashMap<>();
        trades.forEach(t -> orders.computeIfAbsent(t.clientOrderId(), k -> new HashSet<>()).add(t.exchangeOrderId()));
        return orders.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> "client id " + e.getKey() + " named the venue orders " + e.getValue()).sorted().toList();
    }

    /**
     * Each exit's realized PnL, booked live or recovered, is what its level's entries make of it: a long level's
     * entries buy and its exit sells, a short level's the other way round; a level holding nothing a fill
     * explains was adopted at its line. A line takes a new entry order only once it holds nothing, so the first
     * fill of another entry order starts the line afresh: what it held before was closed without a trade of
     * its own (a neutral grid's legs netted in one-way mode). Trades the ledger lacks are left to
     * {@link #ledgerAgainstVenue}.
     */
    public static List<String> realizedPnl(List<TradeRecord> trades, List<Fill> fills, GridLadder lines) {
        Map<String, Fill> byTrade = new HashMap<>();
        fills.forEach(f -> byTrade.put(f.tradeId(), f));
        List<String> differences = new ArrayList<>();
        Map<Integer, BigDecimal[]> open = new HashMap<>(); // line -> {qty, notional}
        Map<Integer, String> entryOrder = new HashMap<>(); // line -> the entry order its holding came from
        Map<Integer, List<String>> history = new HashMap<>(); // line -> its fills so far, for the message
        for (TradeRecord t : trades) {
            Fill f = byTrade.get(t.tradeId());
            if (f == null) {
                continue;
            }
            history.computeIfAbsent(f.line(), k -> new ArrayList<>()).add(f.kind() + " " + f.side() + " "
                    + f.qty().toPlainString() + " @ " + f.price().toPlainString() + " (" + f.clientOrderId() + ")");
            if (f.kind() == ClientOrderId.Kind.ENTRY && !f.clientOrderId().equals(entryOrder.put(f.line(), f.clientOrderId()))) {
                open.remove(f.line());
            }
            BigDecimal[] leg = open.computeIfAbsent(f.line(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            if (f.kind() == ClientOrderId.Kind.ENTRY) {
                leg[0] = leg[0].add(f.qty());
                leg[1] = leg[1].add(f.price().multiply(f.qty()));
            } else if (f.kind() == ClientOrderId.Kind.EXIT) {
                BigDecimal avg = leg[0].signum() > 0 ? leg[1].divide(leg[0], MathContext.DECIMAL64) : lines.price(f.line());
                BigDecimal expected = (f.side() == Side.SELL ? f.price().subtract(avg) : avg.subtract(f.price()))
                        .multiply(f.qty());
                if (f.realizedPnl() == null || f.realizedPnl().signum() == 0
                        || f.realizedPnl().compareTo(expected) != 0) {
                    differences.add("exit " + f.clientOrderId() + " trade " + f.tradeId() + " booked realized PnL "
                            + (f.realizedPnl() == null ? "none" : f.realizedPnl().toPlainString()) + ", recomputed "
                            + expected.stripTrailingZeros().toPlainString() + "; the line's last fills: "
                            + String.join(", ", last(history.get(f.line()), 8)));
                }
                BigDecimal left = leg[0].subtract(f.qty()).max(BigDecimal.ZERO);
                leg[1] = avg.multiply(left);
                leg[0] = left;
            }
        }
        return differences;
    }

    private static List<String> last(List<String> all, int n) {
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    /** The signed position the fills add up to. */
    public static BigDecimal position(List<Fill> fills) {
        return fills.stream().map(f -> f.side() == Side.BUY ? f.qty() : f.qty().negate())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
