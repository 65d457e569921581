package io.gridbot.exchange.sim;

import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.OrderState;
import io.gridbot.exchange.TradeRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulator state file format as it was before issue 12, kept for the differential test; delete with it.
 * The simulated venue's state as text lines (one record a line, fields separated by {@code |}, {@code -}
 * for none): wallet and counters, each market's price and position, resting orders and stops, recent
 * executions and closed orders. Enough for a restarted process to find the venue as it left it.
 */
final class LegacySimState {

    private LegacySimState() {
    }

    static List<String> write(LegacySimulatedExchange x) {
        List<String> out = new ArrayList<>();
        out.add(join("account", x.wallet, x.nextOrderId, x.nextTradeId, x.nextSeq));
        for (LegacySimulatedExchange.Market m : x.markets.values()) {
            out.add(join("market", m.symbol, m.last, m.qty, m.entry));
            m.open.values().forEach(o -> out.add(order("open", m.symbol, o)));
            m.stops.values().forEach(o -> out.add(order("stop", m.symbol, o)));
            m.executions.forEach(t -> out.add(join("trade", m.symbol, t.clientOrderId(), t.exchangeOrderId(), t.tradeId(),
                    t.side(), t.price(), t.qty(), t.fee(), t.feeAsset(), t.atMs())));
        }
        x.closed.values().forEach(c -> out.add(join("closed", c.clientOrderId(), c.exchangeOrderId(), c.side(), c.status(),
                c.price(), c.origQty(), c.cumFilledQty(), c.avgPrice(), c.updateTimeMs())));
        return out;
    }

    static void read(LegacySimulatedExchange x, List<String> lines) {
        for (String line : lines) {
            String[] f = line.split("\\|", -1);
            switch (f[0]) {
                case "account" -> {
                    x.wallet = dec(f[1]);
                    x.nextOrderId = Long.parseLong(f[2]);
                    x.nextTradeId = Long.parseLong(f[3]);
                    x.nextSeq = Long.parseLong(f[4]);
                }
                case "market" -> {
                    LegacySimulatedExchange.Market m = x.markets.get(f[1]);
                    if (m != null) {
                        m.last = dec(f[2]);
                        m.qty = dec(f[3]);
                        m.entry = dec(f[4]);
                    }
                }
                case "open", "stop" -> {
                    LegacySimulatedExchange.Market m = x.markets.get(f[1]);
                    if (m != null) {
                        OrderRequest q = new OrderRequest(f[2], f[1], Side.valueOf(f[3]), OrderType.valueOf(f[4]),
                                f[5].equals("-") ? null : TimeInForce.valueOf(f[5]), dec(f[6]), dec(f[7]), dec(f[8]),
                                Boolean.parseBoolean(f[9]), Boolean.parseBoolean(f[10]), PositionSide.valueOf(f[11]),
                                trigger(f));
                        LegacySimulatedExchange.SimOrder o = new LegacySimulatedExchange.SimOrder(q, f[12], Long.parseLong(f[13]),
                                Long.parseLong(f[16]));
                        o.filled = dec(f[14]);
                        o.notional = dec(f[15]);
                        (f[0].equals("open") ? m.open : m.stops).put(q.clientOrderId(), o);
                    }
                }
                case "trade" -> {
                    LegacySimulatedExchange.Market m = x.markets.get(f[1]);
                    if (m != null) {
                        m.executions.add(new TradeRecord(f[2], f[3], f[4], Side.valueOf(f[5]), dec(f[6]), dec(f[7]),
                                dec(f[8]), text(f[9]), Long.parseLong(f[10])));
                    }
                }
                case "closed" -> x.closed.put(f[1], new OrderState(f[1], f[2], Side.valueOf(f[3]), OrderStatus.valueOf(f[4]),
                        dec(f[5]), dec(f[6]), dec(f[7]), dec(f[8]), Long.parseLong(f[9])));
                default -> throw new IllegalArgumentException("unreadable simulator state line: " + line);
            }
        }
    }

    private static String order(String kind, String symbol, LegacySimulatedExchange.SimOrder o) {
        OrderRequest q = o.request;
        return join(kind, symbol, q.clientOrderId(), q.side(), q.type(), q.timeInForce(), q.price(), q.quantity(),
                q.stopPrice(), q.reduceOnly(), q.closePosition(), q.positionSide(), o.exchangeId, o.seq, o.filled,
                o.notional, o.updatedMs, q.trigger() == null ? "-" : q.trigger());
    }

    /** A stop's trigger; state written before triggers were kept has none, and its stops watched the last price. */
    private static StopTrigger trigger(String[] f) {
        if (f.length <= 17 || f[17].equals("-")) {
            return OrderType.valueOf(f[4]) == OrderType.STOP_MARKET ? StopTrigger.LAST : null;
        }
        return StopTrigger.valueOf(f[17]);
    }

    private static String join(Object... fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                b.append('|');
            }
            Object f = fields[i];
            b.append(f == null ? "-" : f instanceof BigDecimal d ? d.toPlainString() : f.toString());
        }
        return b.toString();
    }

    private static BigDecimal dec(String s) {
        return s.equals("-") ? null : new BigDecimal(s);
    }

    private static String text(String s) {
        return s.equals("-") ? null : s;
    }
}
