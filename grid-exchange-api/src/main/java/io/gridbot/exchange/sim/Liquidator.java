package io.gridbot.exchange.sim;

import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The venue's liquidation engine, run after every market event: when the account's equity (wallet plus
 * unrealized PnL, cross margin) is below its maintenance margin, every position is liquidated at once: the
 * account's orders and stops on the symbol are cancelled, and the position is closed at the price of the
 * trade that breached (not at the liquidation price: with minute candles the market may jump past it, and no
 * venue fills better than its market), with the liquidation fee on the closed notional, taken from what
 * equity remains and never more (see {@link SimAccount#liquidate}). Unlike Binance it never closes part of a
 * position to step down a bracket, and there is no insurance fund: an account the market jumped past
 * bankruptcy keeps its negative wallet, so the loss shows.
 *
 * <p>Checking costs one comparison per trade while the account holds a single position: its liquidation
 * price is worked out again only when the wallet or the position changed.
 *
 * <p>In hedge mode it is kept simple: after every market event the account's equity is compared with the sum of
 * every leg's maintenance margin (each on its own notional, so a long and a short of one size do not cancel),
 * and a breach liquidates every open leg, the long before the short of each symbol, symbols in order. No
 * liquidation price is worked out for two legs ({@link Liquidation#liquidationPrice} is {@code null}).
 */
final class Liquidator {

    private final OrderDesk desk;
    private final List<Liquidation> happened = new ArrayList<>();
    /** The sole position the cached trigger was worked out for, by identity of its values. */
    private String cachedSymbol;
    private BigDecimal cachedWallet;
    private BigDecimal cachedQty;
    private BigDecimal cachedEntry;
    private BigDecimal trigger;

    Liquidator(OrderDesk desk) {
        this.desk = desk;
    }

    /** The liquidations since the last call, oldest first. */
    List<Liquidation> take() {
        if (happened.isEmpty()) {
            return List.of();
        }
        List<Liquidation> out = List.copyOf(happened);
        happened.clear();
        return out;
    }

    /** After a trade or a funding payment: liquidates the account if it is below its maintenance margin. */
    void check(long nowMs) {
        if (desk.account.hedged()) {
            checkLegs(nowMs);
            return;
        }
        OrderDesk.Listed sole = null;
        int open = 0;
        for (OrderDesk.Listed l : desk.listed) { // the positions that count are the marked ones of listed symbols
            if (l.position().qty.signum() != 0 && l.book().last != null) {
                open++;
                sole = l;
            }
        }
        if (open == 0 || open == 1 && !soleBreached(sole.book(), sole.position())) {
            return;
        }
        BigDecimal equity = desk.account.equity();
        BigDecimal maintenance = desk.account.maintenanceMargin();
        if (equity.compareTo(maintenance) >= 0) {
            return;
        }
        TreeMap<String, BigDecimal> prices = new TreeMap<>(); // in symbol order, so the venue stays deterministic
        desk.account.positions.forEach((symbol, p) -> {
            if (p.qty.signum() != 0 && marked(symbol)) {
                prices.put(symbol, desk.account.liquidationPrice(symbol));
            }
        });
        prices.forEach((symbol, price) -> happened.add(liquidate(symbol, PositionSide.BOTH, equity, maintenance, price,
                nowMs)));
    }

    /** The hedge-mode check: equity against the legs' summed maintenance margin; a breach closes every leg. */
    private void checkLegs(long nowMs) {
        TreeMap<String, List<PositionSide>> open = new TreeMap<>(); // in symbol order, so the venue stays deterministic
        for (OrderDesk.Listed l : desk.listed) {
            String symbol = l.book().symbol;
            if (l.book().last == null) {
                continue;
            }
            for (PositionSide side : List.of(PositionSide.LONG, PositionSide.SHORT)) {
                if (desk.account.position(symbol, side).qty.signum() != 0) {
                    open.computeIfAbsent(symbol, s -> new ArrayList<>()).add(side);
                }
            }
        }
        if (open.isEmpty()) {
            return;
        }
        BigDecimal equity = desk.account.equity();
        BigDecimal maintenance = desk.account.maintenanceMargin();
        if (equity.compareTo(maintenance) >= 0) {
            return;
        }
        open.forEach((symbol, sides) -> sides.forEach(side -> happened.add(liquidate(symbol, side, equity, maintenance,
                null, nowMs))));
    }

    private boolean marked(String symbol) {
        OrderBook book = desk.books.get(symbol);
        return book != null && book.last != null;
    }

    /** Whether the only position's price is past its liquidation price (strictly: at it, equity equals margin). */
    private boolean soleBreached(OrderBook book, SimPosition p) {
        String symbol = book.symbol;
        BigDecimal wallet = desk.account.wallet;
        if (!symbol.equals(cachedSymbol) || wallet != cachedWallet || p.qty != cachedQty || p.entry != cachedEntry) {
            cachedSymbol = symbol;
            cachedWallet = wallet;
            cachedQty = p.qty;
            cachedEntry = p.entry;
            trigger = desk.account.liquidationPrice(symbol);
        }
        if (trigger == null) {
            return false;
        }
        int side = book.last.compareTo(trigger);
        return p.qty.signum() > 0 ? side < 0 : side > 0;
    }

    private Liquidation liquidate(String symbol, PositionSide leg, BigDecimal equity, BigDecimal maintenance,
            BigDecimal atPrice, long nowMs) {
        OrderBook book = desk.books.get(symbol);
        book.cancelAll(nowMs);
        for (String stop : new ArrayList<>(book.stops.keySet())) {
            book.end(stop, true, OrderStatus.CANCELED, nowMs);
        }
        SimPosition p = desk.account.position(symbol, leg);
        Side side = p.qty.signum() > 0 ? Side.SELL : Side.BUY;
        BigDecimal qty = p.qty.abs();
        String exchangeId = Long.toString(desk.nextOrderId++);
        String clientId = Liquidation.CLIENT_ID_PREFIX + exchangeId;
        SimOrder order = new SimOrder(OrderRequest.marketClose(clientId, symbol, side, qty, leg),
                exchangeId, desk.nextSeq++, nowMs);
        BigDecimal price = book.last;
        order.filled = qty;
        order.notional = price.multiply(qty);
        BigDecimal fee = desk.settlement.liquidated(order, qty, price, nowMs);
        String tradeId = desk.history.executionsOf(symbol).peekLast().tradeId();
        return new Liquidation(symbol, nowMs, side, qty, price, fee, equity, maintenance, atPrice, clientId, exchangeId,
                tradeId);
    }
}
