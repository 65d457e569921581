package io.gridbot.exchange.sim;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.OrderState;
import io.gridbot.exchange.TradeRecord;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated venue's state in a file, as text lines (one record a line, fields separated by {@code |},
 * {@code -} for none): wallet and counters, each market's price and position, resting orders and stops,
 * recent executions and closed orders. Enough for a restarted process to find the venue as it left it. The
 * file is rewritten atomically, and only when the venue's state version moved since the last save.
 *
 * <p>A hedge-mode account adds a {@code mode} line and a {@code leg} line per leg (symbol, LONG or SHORT,
 * quantity, entry); a one-way account writes neither, so its file reads as before, and a file without them (every
 * file written before hedge mode) loads in one-way mode.
 */
final class SimState {

    private static final System.Logger LOG = System.getLogger(SimulatedExchange.class.getName());

    private final Path file;
    private long savedVersion;

    /** Loads the file into the desk if it exists; the desk's symbols must be listed. */
    SimState(Path file, OrderDesk desk) throws IOException {
        this.file = file;
        load(file, desk);
        this.savedVersion = desk.settlement.changes();
    }

    /** Loads the file into the desk if it exists; the desk's symbols must be listed. */
    static void load(Path file, OrderDesk desk) throws IOException {
        if (Files.exists(file)) {
            read(desk, Files.readAllLines(file));
        }
    }

    /** Saves the desk if it changed since the last save; a failure is logged, and retried at the next change. */
    void saveIfChanged(OrderDesk desk) {
        long version = desk.settlement.changes();
        if (version == savedVersion) {
            return;
        }
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, write(desk));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            savedVersion = version;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot save the simulated venue's state to " + file, e);
        }
    }

    static List<String> write(OrderDesk x) {
        List<String> out = new ArrayList<>();
        out.add(join("account", x.account.wallet, x.nextOrderId, x.history.nextTradeId, x.nextSeq));
        if (x.account.hedged()) {
            out.add(join("mode", x.account.mode));
        }
        for (OrderBook m : x.books.values()) {
            SimPosition p = x.account.position(m.symbol);
            out.add(join("market", m.symbol, m.last, p.qty, p.entry));
            if (x.account.hedged()) {
                for (PositionSide side : List.of(PositionSide.LONG, PositionSide.SHORT)) {
                    SimPosition leg = x.account.position(m.symbol, side);
                    out.add(join("leg", m.symbol, side, leg.qty, leg.entry));
                }
            }
            m.open.values().forEach(o -> out.add(order("open", m.symbol, o)));
            m.stops.values().forEach(o -> out.add(order("stop", m.symbol, o)));
            x.history.executionsOf(m.symbol).forEach(t -> out.add(join("trade", m.symbol, t.clientOrderId(),
                    t.exchangeOrderId(), t.tradeId(), t.side(), t.price(), t.qty(), t.fee(), t.feeAsset(), t.atMs())));
        }
        x.history.closed.values().forEach(c -> out.add(join("closed", c.clientOrderId(), c.exchangeOrderId(), c.side(),
                c.status(), c.price(), c.origQty(), c.cumFilledQty(), c.avgPrice(), c.updateTimeMs())));
        return out;
    }

    static void read(OrderDesk x, List<String> lines) {
        for (String line : lines) {
            String[] f = line.split("\\|", -1);
            switch (f[0]) {
                case "account" -> {
                    x.account.wallet = dec(f[1]);
                    x.nextOrderId = Long.parseLong(f[2]);
                    x.history.nextTradeId = Long.parseLong(f[3]);
                    x.nextSeq = Long.parseLong(f[4]);
                }
                case "mode" -> x.account.mode = PositionMode.valueOf(f[1]);
                case "leg" -> {
                    if (x.books.containsKey(f[1])) {
                        SimPosition leg = x.account.position(f[1], PositionSide.valueOf(f[2]));
                        leg.qty = dec(f[3]);
                        leg.entry = dec(f[4]);
                    }
                }
                case "market" -> {
                    OrderBook m = x.books.get(f[1]);
                    if (m != null) {
                        m.last = dec(f[2]);
                        SimPosition p = x.account.position(f[1]);
                        p.qty = dec(f[3]);
                        p.entry = dec(f[4]);
                    }
                }
                case "open", "stop" -> {
                    OrderBook m = x.books.get(f[1]);
                    if (m != null) {
                        OrderRequest q = new OrderRequest(f[2], f[1], Side.valueOf(f[3]), OrderType.valueOf(f[4]),
                                f[5].equals("-") ? null : TimeInForce.valueOf(f[5]), dec(f[6]), dec(f[7]), dec(f[8]),
                                Boolean.parseBoolean(f[9]), Boolean.parseBoolean(f[10]), PositionSide.valueOf(f[11]),
                                trigger(f));
                        SimOrder o = new SimOrder(q, f[12], Long.parseLong(f[13]), Long.parseLong(f[16]));
                        o.filled = dec(f[14]);
                        o.notional = dec(f[15]);
                        if (f[0].equals("open")) {
                            m.rest(o, o.updatedMs);
                        } else {
                            m.restStop(o);
                        }
                    }
                }
                case "trade" -> {
                    if (x.books.containsKey(f[1])) {
                        x.history.executionsOf(f[1]).add(new TradeRecord(f[2], f[3], f[4], Side.valueOf(f[5]), dec(f[6]),
                                dec(f[7]), dec(f[8]), text(f[9]), Long.parseLong(f[10])));
                    }
                }
                case "closed" -> x.history.closed.put(f[1], new OrderState(f[1], f[2], Side.valueOf(f[3]),
                        OrderStatus.valueOf(f[4]), dec(f[5]), dec(f[6]), dec(f[7]), dec(f[8]), Long.parseLong(f[9])));
                default -> throw new IllegalArgumentException("unreadable simulator state line: " + line);
            }
        }
    }

    private static String order(String kind, String symbol, SimOrder o) {
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
