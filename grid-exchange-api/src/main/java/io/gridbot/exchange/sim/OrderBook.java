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
 * matches them against the market's trades and tells its {@link BookListener} about every fill and every order
 * it ends. Which trade reaches a resting order is the {@link FillModel}'s call (a trade through the price
 * always does; one exactly at it depends on the model and on the trade's aggressor); a trade of known volume
 * fills at most that volume across the orders it reaches, in price then time priority. Market orders and
 * triggered stops fill where {@link Slippage} says, against the order, from the quote when one is known and
 * from the trailing minute's range ({@link TradeWindow}) otherwise. It knows nothing of fees, wallets or error
 * codes; it only says what its resting entries tie up.
 */
final class OrderBook {

    /** Price priority (the best price first: the highest buy, the lowest sell), then time priority. */
    private static final Comparator<SimOrder> PRIORITY = Comparator
            .comparing((SimOrder o) -> o.request.side() == Side.BUY ? o.request.price().negate() : o.request.price())
            .thenComparingLong(o -> o.seq);

    final String symbol;
    private final SymbolRules rules;
    private final BookListener listener;
    private final FillModel model;
    private final TradeWindow window;
    private final Slippage slippage;
    BigDecimal last;
    final LinkedHashMap<String, SimOrder> open = new LinkedHashMap<>();
    final LinkedHashMap<String, SimOrder> stops = new LinkedHashMap<>();
    /** Counts the changes of the resting orders. */
    private long changes;
    /** What the resting entries tie up, kept as they rest, fill and leave: every new order asks. */
    private BigDecimal margin = BigDecimal.ZERO;
    private final BookEdges edges = new BookEdges();
    /**
     * Whether a trade first asks the {@link BookEdges} if it may reach anything; off only in the property that
     * checks the edges against the full matching, which never skips a trade.
     */
    boolean screened = true;

    OrderBook(SymbolRules rules, BigDecimal last, BookListener listener, FillModel model) {
        this.symbol = rules.symbol();
        this.rules = rules;
        this.last = last;
        this.listener = listener;
        this.model = model;
        this.window = new TradeWindow(model == FillModel.QUEUE);
        this.slippage = new Slippage(rules);
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

    /** Puts an order on the book; under the queue model a limit order joins the back of the queue at its price. */
    void rest(SimOrder order, long nowMs) {
        if (model == FillModel.QUEUE && order.request.type() == OrderType.LIMIT) {
            BigDecimal ahead = window.volumePerPrice(nowMs);
            for (SimOrder o : open.values()) {
                if (o.queueAhead != null && o.request.side() == order.request.side()
                        && o.request.price().compareTo(order.request.price()) == 0) {
                    ahead = ahead.max(o.queueAhead.add(o.remaining())); // behind our own order at that price
                }
            }
            order.queueAhead = ahead;
        }
        open.put(order.clientOrderId(), order);
        changes++;
        if (ties(order)) {
            margin = margin.add(order.request.price().multiply(order.remaining()));
        }
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
        if (!stop) {
            untieRest(order);
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

    /**
     * A new order that crosses takes at once: a limit order at the last price, which is at least as good as its
     * limit; a market order where {@link Slippage} puts it, against it.
     */
    void take(SimOrder order, long nowMs) {
        BigDecimal price = order.request.type() == OrderType.MARKET
                ? slippage.price(order.request.side(), last, window.range(nowMs), nowMs) : last;
        fill(order, order.remaining(), price, Liquidity.TAKER, nowMs);
    }

    /** The best bid and ask now: market orders and triggered stops take them for the next minute. */
    void quote(BigDecimal bid, BigDecimal ask, long nowMs) {
        slippage.quote(bid, ask, nowMs);
    }

    /**
     * The market traded {@code volume} ({@code null}: unlimited) at {@code price}, taken by {@code aggressor}
     * ({@code null} when unknown): resting orders and stops it reaches fill.
     */
    void trade(BigDecimal price, BigDecimal volume, Side aggressor, long nowMs) {
        BigDecimal previous = last;
        last = price;
        window.add(nowMs, price, volume);
        matchResting(price, volume, aggressor, nowMs);
        triggerStops(previous, price, nowMs);
    }

    private void matchResting(BigDecimal price, BigDecimal volume, Side aggressor, long nowMs) {
        if (screened) {
            edges.refresh(changes, open.values(), stops.values());
            if (!edges.mayReachOrder(price, aggressor, model != FillModel.THROUGH)) {
                return; // most trades: nothing rests at or beyond their price
            }
        }
        List<SimOrder> reached = new ArrayList<>();
        for (SimOrder o : open.values()) {
            int vsLimit = price.compareTo(o.request.price());
            boolean buy = o.request.side() == Side.BUY;
            boolean through = buy ? vsLimit < 0 : vsLimit > 0;
            // At the price, only a taker from the other side trades against the resting orders there.
            boolean atPrice = vsLimit == 0 && model != FillModel.THROUGH && aggressor != o.request.side();
            if (through || atPrice) {
                reached.add(o);
            }
        }
        reached.sort(PRIORITY); // as a book would fill them
        BigDecimal left = volume;
        BigDecimal level = null; // the volume that reached the trade's own price, once an order there is met
        boolean levelMet = false;
        for (SimOrder o : reached) {
            if (left != null && left.signum() <= 0) {
                break;
            }
            if (!open.containsKey(o.clientOrderId())) {
                continue;
            }
            BigDecimal cap = left;
            if (o.queueAhead != null) {
                if (price.compareTo(o.request.price()) != 0) {
                    o.queueAhead = BigDecimal.ZERO; // traded through: the level is gone, and the queue with it
                } else {
                    if (!levelMet) {
                        levelMet = true;
                        level = left;
                    }
                    cap = pastQueue(o, level, left);
                    if (cap != null && cap.signum() <= 0) {
                        continue;
                    }
                }
            }
            BigDecimal qty = rules.floorQty(cap == null ? o.remaining() : o.remaining().min(cap));
            if (qty.signum() == 0) {
                continue;
            }
            BigDecimal done = fill(o, qty, o.request.price(), Liquidity.MAKER, nowMs);
            if (left != null) {
                left = left.subtract(done);
            }
        }
    }

    /**
     * The queue model at the trade's price: the volume that reached the level moves the order forward by as
     * much, and what passes the queue ahead of it, within what is left of the trade, may fill it ({@code null}:
     * unlimited). The volume is the level's, not what the orders before it left: the queue is one line, and
     * our earlier orders at the price stand in it ahead of this one.
     */
    private static BigDecimal pastQueue(SimOrder o, BigDecimal level, BigDecimal left) {
        BigDecimal ahead = o.queueAhead;
        if (level == null) {
            o.queueAhead = BigDecimal.ZERO;
            return null;
        }
        o.queueAhead = ahead.subtract(level).max(BigDecimal.ZERO);
        return level.subtract(ahead).min(left);
    }

    /** Triggers the stops the move from {@code previous} to {@code price} reaches; each closes at a slipped price. */
    private void triggerStops(BigDecimal previous, BigDecimal price, long nowMs) {
        if (stops.isEmpty()) {
            return;
        }
        if (screened) {
            edges.refresh(changes, open.values(), stops.values());
            if (!edges.mayTriggerStop(price)) {
                return;
            }
        }
        for (SimOrder stop : new ArrayList<>(stops.values())) {
            BigDecimal trigger = stop.request.stopPrice();
            boolean hit = stop.request.side() == Side.BUY ? price.compareTo(trigger) >= 0 : price.compareTo(trigger) <= 0;
            if (!hit) {
                continue;
            }
            stops.remove(stop.clientOrderId());
            changes++;
            BigDecimal qty = listener.reducible(stop.request);
            if (qty.signum() == 0) {
                end(stop, OrderStatus.EXPIRED, nowMs);
                continue;
            }
            rest(stop, nowMs);
            stop.closeQty = qty;
            fill(stop, qty, slippage.price(stop.request.side(), reference(stop, previous, price), window.range(nowMs), nowMs),
                    Liquidity.TAKER, nowMs);
        }
    }

    /**
     * Where a triggered stop's close starts from: its trigger when the market moved through it from the
     * previous trade (continuous in between), the trade's price when it gapped past the trigger.
     */
    private static BigDecimal reference(SimOrder stop, BigDecimal previous, BigDecimal price) {
        BigDecimal trigger = stop.request.stopPrice();
        boolean crossed = previous != null && (stop.request.side() == Side.BUY ? previous.compareTo(trigger) < 0
                : previous.compareTo(trigger) > 0);
        return crossed ? trigger : price;
    }

    /**
     * Fills up to {@code qty}; returns how much filled (reduce-only orders stop at the position, hedge-mode closes
     * at their leg).
     */
    private BigDecimal fill(SimOrder order, BigDecimal qty, BigDecimal price, Liquidity liquidity, long nowMs) {
        OrderRequest q = order.request;
        boolean reduces = q.reduceOnly() || SimPosition.closesLeg(q);
        if (reduces || q.closePosition()) {
            qty = qty.min(listener.reducible(q));
            if (qty.signum() == 0) {
                leave(order, OrderStatus.EXPIRED, nowMs);
                return BigDecimal.ZERO;
            }
        }
        if (open.get(q.clientOrderId()) == order) {
            untie(order, qty);
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
        if (!complete && reduces && listener.reducible(q).signum() == 0) {
            leave(order, OrderStatus.EXPIRED, nowMs); // nothing left to reduce: the venue ends it
        }
        return qty;
    }

    /** Takes an open order off the book and ends it. */
    private void leave(SimOrder order, OrderStatus status, long nowMs) {
        if (open.remove(order.clientOrderId()) == order) {
            untieRest(order);
        }
        changes++;
        end(order, status, nowMs);
    }

    private void end(SimOrder order, OrderStatus status, long nowMs) {
        order.updatedMs = nowMs;
        listener.ended(order, status, nowMs);
    }

    /** What the resting entries tie up: price times what is left, summed over the resting limit entries. */
    BigDecimal orderMargin() {
        return margin;
    }

    /** The same sum counted afresh from the resting orders: what {@link #orderMargin} must always equal. */
    BigDecimal recountedOrderMargin() {
        BigDecimal sum = BigDecimal.ZERO;
        for (SimOrder o : open.values()) {
            if (ties(o)) {
                sum = sum.add(o.request.price().multiply(o.remaining()));
            }
        }
        return sum;
    }

    /** A resting entry filled {@code qty}: it ties up that much less. */
    private void untie(SimOrder order, BigDecimal qty) {
        if (ties(order)) {
            margin = margin.subtract(order.request.price().multiply(qty));
        }
    }

    /** A resting entry left the book: what is left of it is free. */
    private void untieRest(SimOrder order) {
        if (ties(order)) {
            margin = margin.subtract(order.request.price().multiply(order.remaining()));
        }
    }

    private static boolean ties(SimOrder o) {
        return !o.request.reduceOnly() && !SimPosition.closesLeg(o.request) && o.request.price() != null;
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
