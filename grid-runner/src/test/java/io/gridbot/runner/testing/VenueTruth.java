package io.gridbot.runner.testing;

import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.Side;
import io.gridbot.core.risk.PositionLegs;
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
     * Each exit's realized PnL, booked live or recovered, is what its level's entries make of it at their average
     * cost: a long level's entries buy and its exit sells, a short level's the other way round; a level holding
     * nothing a fill explains was adopted at its line. A grid may also re-base a line without a trade of its
     * own: a neutral grid nets its long and short legs in one-way mode, and a reconciliation trims lines to what
     * the venue holds. So when a line's next entry order fills while the line still holds something, both are
     * followed: the line keeping what it held, and the line holding nothing before that entry. An exit's PnL
     * must equal what one of them gives, and the ones that do not are dropped. Trades the ledger lacks are left
     * to {@link #ledgerAgainstVenue}.
     */
    public static List<String> realizedPnl(List<TradeRecord> trades, List<Fill> fills, GridLadder lines) {
        Map<String, Fill> byTrade = new HashMap<>();
        fills.forEach(f -> byTrade.put(f.tradeId(), f));
        List<String> differences = new ArrayList<>();
        Map<Integer, List<BigDecimal[]>> holdings = new HashMap<>(); // line -> the holdings {qty, cost} it may have
        Map<Integer, String> entryOrder = new HashMap<>(); // line -> the entry order it filled last
        Map<Integer, List<String>> history = new HashMap<>(); // line -> its fills so far, for the message
        for (TradeRecord t : trades) {
            Fill f = byTrade.get(t.tradeId());
            if (f == null) {
                continue;
            }
            history.computeIfAbsent(f.line(), k -> new ArrayList<>()).add(f.kind() + " " + f.side() + " "
                    + f.qty().toPlainString() + " @ " + f.price().toPlainString() + " (" + f.clientOrderId() + ")");
            List<BigDecimal[]> may = holdings.computeIfAbsent(f.line(), k -> {
                List<BigDecimal[]> none = new ArrayList<>();
                none.add(empty());
                return none;
            });
            if (f.kind() == ClientOrderId.Kind.ENTRY) {
                if (!f.clientOrderId().equals(entryOrder.put(f.line(), f.clientOrderId()))
                        && may.stream().anyMatch(h -> h[0].signum() > 0) && may.stream().noneMatch(h -> h[0].signum() == 0)
                        && may.size() < 8) {
                    may.add(empty()); // what the line held may have been closed without a trade
                }
                may.forEach(h -> {
                    h[0] = h[0].add(f.qty());
                    h[1] = h[1].add(f.price().multiply(f.qty()));
                });
            } else if (f.kind() == ClientOrderId.Kind.EXIT) {
                List<BigDecimal[]> after = new ArrayList<>();
                List<BigDecimal[]> matching = new ArrayList<>();
                BigDecimal firstExpected = null;
                for (BigDecimal[] h : may) {
                    BigDecimal avg = h[0].signum() > 0 ? h[1].divide(h[0], MathContext.DECIMAL64) : lines.price(f.line());
                    BigDecimal expected = (f.side() == Side.SELL ? f.price().subtract(avg) : avg.subtract(f.price()))
                            .multiply(f.qty());
                    firstExpected = firstExpected == null ? expected : firstExpected;
                    BigDecimal left = h[0].subtract(f.qty()).max(BigDecimal.ZERO);
                    BigDecimal[] next = {left, avg.multiply(left)};
                    after.add(next);
                    if (f.realizedPnl() != null && f.realizedPnl().signum() != 0
                            && f.realizedPnl().compareTo(expected) == 0) {
                        matching.add(next);
                    }
                }
                if (matching.isEmpty()) {
                    differences.add("exit " + f.clientOrderId() + " trade " + f.tradeId() + " booked realized PnL "
                            + (f.realizedPnl() == null ? "none" : f.realizedPnl().toPlainString()) + ", recomputed "
                            + firstExpected.stripTrailingZeros().toPlainString() + "; the line's last fills: "
                            + String.join(", ", last(history.get(f.line()), 8)));
                }
                holdings.put(f.line(), matching.isEmpty() ? after : matching);
            }
        }
        return differences;
    }

    private static BigDecimal[] empty() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO};
    }

    private static List<String> last(List<String> all, int n) {
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    /** The signed position the fills add up to. */
    public static BigDecimal position(List<Fill> fills) {
        return fills.stream().map(f -> f.side() == Side.BUY ? f.qty() : f.qty().negate())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The legs a hedge-mode grid's fills add up to: each fill on the leg its kind and side open or close. */
    public static PositionLegs legs(List<Fill> fills) {
        PositionLegs legs = PositionLegs.FLAT;
        for (Fill f : fills) {
            legs = legs.plus(f.leg(), f.side() == Side.BUY ? f.qty() : f.qty().negate());
        }
        return legs;
    }
}
