package io.gridbot.exchange.sim;

import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.Side;
import io.gridbot.exchange.sim.BookListener.Liquidity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * One symbol's book: the last price, the resting limit orders and the waiting close-position stops. It
 * matches them against the market's trades (price priority, then time; a trade at an order's price fills it,
 * as the simulator has no queue) and tells its {@link BookListener} about every fill and every order it ends.
 * It knows nothing of fees, wallets or error codes; it only says what its resting entries tie up.
 */
final class OrderBook {

    final String symbol;
    private final SymbolRules rules;
    private final BookListener listener;
    BigDecimal last;
    final LinkedHashMap<String, SimOrder> open = new LinkedHashMap<>();
    final LinkedHashMap<String, SimOrder> stops = new LinkedHashMap<>();
    /** Counts the changes of the resting orders; the margin cache is as of {@link #marginAt}. */
    private long changes;
    private long marginAt = -1;
    private BigDecimal margin = BigDecimal.ZERO;

    OrderBook(SymbolRules rules, BigDecimal last, BookListener listener) {
        this.symbol = rules.symbol();
        this.rules = rules;
        this.last = last;
        this.listener = listener;
    }

    /** Whether an open order or a stop has this client id. */
    boolean holds(String clientOrderId) {
        return open.containsKey(clientOrderId) || stops.containsKey(clientOrderId);
    }

    int size() {
        return open.size() + stops.size();
    }

    /** Whether a new order would take at once: a market order, or a limit at or through the last price. */
    boolean crosses(OrderRequest q) {
        return q.type() == OrderType.MARKET || last != null
                && (q.side() == Side.BUY ? q.price().compareTo(last) >= 0 : q.price().compareTo(last) <= 0);
    }

    void rest(SimOrder order) {
        open.put(order.clientOrderId(), order);
        changes++;
    }

    void restStop(SimOrder stop) {
        stops.put(stop.clientOrderId(), stop);
        changes++;
    }

    /** Ends an open order (or a stop, with {@code stop}) with this status; false if there is none. */
    boolean end(String clientOrderId, boolean stop, OrderStatus status, long nowMs) {
        SimOrder order = (stop ? stops : open).remove(clientOrderId);
        if (order == null) {
            return false;
        }
        changes++;
        end(order, status, nowMs);
        return true;
    }

    /** Cancels every open order, oldest first. */
    void cancelAll(long nowMs) {
        for (SimOrder order : new ArrayList<>(open.values())) {
            leave(order, OrderStatus.CANCELED, nowMs);
        }
    }

    /** A new order that crosses takes at the last price, which is at least as good as its limit. */
    void take(SimOrder order, long nowMs) {
        fill(order, order.remaining(), last, Liquidity.TAKER, nowMs);
    }

    /** The market traded {@code volume} ({@code null}: unlimited) at {@code price}: resting orders and stops it reaches fill. */
    void trade(BigDecimal price, BigDecimal volume, long nowMs) {
        last = price;
        matchResting(price, volume, nowMs);
        triggerStops(price, nowMs);
    }

    private void matchResting(BigDecimal price, BigDecimal volume, long nowMs) {
        List<SimOrder> reached = new ArrayList<>();
        for (SimOrder o : open.values()) {
            BigDecimal limit = o.request.price();
            boolean hit = o.request.side() == Side.BUY ? price.compareTo(limit) <= 0 : price.compareTo(limit) >= 0;
            if (hit) {
                reached.add(o);
            }
        }
        // Price priority, then time priority, as a book would fill them.
        reached.sort(Comparator.comparing((SimOrder o) -> o.request.side() == Side.BUY ? o.request.price().negate()
                : o.request.price()).thenComparingLong(o -> o.seq));
        BigDecimal left = volume;
        for (SimOrder o : reached) {
            if (left != null && left.signum() <= 0) {
                break;
            }
            if (!open.containsKey(o.clientOrderId())) {
                continue;
            }
            BigDecimal qty = rules.floorQty(left == null ? o.remaining() : o.remaining().min(left));
            if (qty.signum() == 0) {
                continue;
            }
            BigDecimal done = fill(o, qty, o.request.price(), Liquidity.MAKER, nowMs);
            if (left != null) {
                left = left.subtract(done);
            }
        }
    }

    private void triggerStops(BigDecimal price, long nowMs) {
        for (SimOrder stop : new ArrayList<>(stops.values())) {
            BigDecimal trigger = stop.request.stopPrice();
            boolean hit = stop.request.side() == Side.BUY ? price.compareTo(trigger) >= 0 : price.compareTo(trigger) <= 0;
            if (!hit) {
                continue;
            }
            stops.remove(stop.clientOrderId());
            changes++;
            BigDecimal qty = listener.reducible(symbol, stop.request.side());
            if (qty.signum() == 0) {
                end(stop, OrderStatus.EXPIRED, nowMs);
                continue;
            }
            rest(stop);
            stop.closeQty = qty;
            fill(stop, qty, price, Liquidity.TAKER, nowMs);
        }
    }

    /** Fills up to {@code qty}; returns how much filled (reduce-only orders stop at the position). */
    private BigDecimal fill(SimOrder order, BigDecimal qty, BigDecimal price, Liquidity liquidity, long nowMs) {
        OrderRequest q = order.request;
        if (q.reduceOnly() || q.closePosition()) {
            qty = qty.min(listener.reducible(symbol, q.side()));
            if (qty.signum() == 0) {
                leave(order, OrderStatus.EXPIRED, nowMs);
                return BigDecimal.ZERO;
            }
        }
        order.filled = order.filled.add(qty);
        order.notional = order.notional.add(price.multiply(qty));
        order.updatedMs = nowMs;
        BigDecimal target = q.closePosition() ? order.closeQty : q.quantity();
        boolean complete = order.filled.compareTo(target) >= 0;
        if (complete) {
            open.remove(q.clientOrderId());
        }
        changes++;
        listener.filled(order, qty, price, liquidity, complete, nowMs);
        if (!complete && q.reduceOnly() && listener.reducible(symbol, q.side()).signum() == 0) {
            leave(order, OrderStatus.EXPIRED, nowMs); // nothing left to reduce: the venue ends it
        }
        return qty;
    }

    /** Takes an open order off the book and ends it. */
    private void leave(SimOrder order, OrderStatus status, long nowMs) {
        open.remove(order.clientOrderId());
        changes++;
        end(order, status, nowMs);
    }

    private void end(SimOrder order, OrderStatus status, long nowMs) {
        order.updatedMs = nowMs;
        listener.ended(order, status, nowMs);
    }

    /** What the resting entries tie up (price times what is left), recomputed only after an order changed. */
    BigDecimal orderMargin() {
        if (marginAt != changes) {
            BigDecimal sum = BigDecimal.ZERO;
            for (SimOrder o : open.values()) {
                if (!o.request.reduceOnly() && o.request.price() != null) {
                    sum = sum.add(o.request.price().multiply(o.remaining()));
                }
            }
            margin = sum;
            marginAt = changes;
        }
        return margin;
    }

    /** The open orders, then the stops, in arrival order. */
    Collection<SimOrder> openOrders() {
        List<SimOrder> all = new ArrayList<>(open.values());
        all.addAll(stops.values());
        return all;
    }

    SimOrder find(String clientOrderId) {
        SimOrder o = open.get(clientOrderId);
        return o != null ? o : stops.get(clientOrderId);
    }
}
