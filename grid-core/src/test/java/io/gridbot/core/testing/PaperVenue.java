package io.gridbot.core.testing;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.event.GridEvent;
import io.gridbot.core.event.GridEvent.OrderUpdate;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.core.risk.PositionLegs;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A small deterministic venue for the core's tests: executes the machine's order commands with real
 * venue rules (reduce-only, post-only, client-id uniqueness, tick and step) and produces the events a venue
 * would send back. Prices fill resting orders when the market trades through them.
 */
public final class PaperVenue {

    /** An order resting on the paper book. */
    public static final class Resting {
        public final OrderRequest request;
        public final String exchangeId;
        public BigDecimal filled = BigDecimal.ZERO;

        Resting(OrderRequest request, String exchangeId) {
            this.request = request;
            this.exchangeId = exchangeId;
        }

        public BigDecimal remaining() {
            return request.quantity().subtract(filled);
        }
    }

    private final SymbolRules rules;
    private final Map<String, Resting> open = new LinkedHashMap<>();
    private final Map<String, OrderUpdate> finished = new HashMap<>();
    private final Deque<ExchangeErrorKind> rejectNextCreates = new ArrayDeque<>();
    private final Deque<ExchangeErrorKind> rejectNextCancels = new ArrayDeque<>();
    private final List<GridEvent.Execution> history = new ArrayList<>();
    private int timeOutButPlace;
    private int refuseStopCancels;
    private final List<OrderRequest> placed = new ArrayList<>();
    /** Per leg: the net alone for one-way orders ({@code BOTH}), a long and a short leg for hedge-mode orders. */
    private PositionLegs position = PositionLegs.FLAT;
    /**
     * Closes the venue refused or ended for lack of position on their leg, by client id, until a close-position
     * stop fired: from then on the stop, not a netting, took what the leg's exits were to close.
     */
    private final List<String> refusedForLackOfPosition = new ArrayList<>();
    private boolean stopFired;
    private BigDecimal last;
    private long ids;
    private long trades;

    public PaperVenue(SymbolRules rules, BigDecimal initialPrice) {
        this.rules = rules;
        this.last = initialPrice;
    }

    /** The next creates are rejected with these kinds, in order. */
    public void rejectNextCreates(ExchangeErrorKind... kinds) {
        rejectNextCreates.addAll(List.of(kinds));
    }

    /** The next cancels fail with these kinds, in order, and leave their orders resting. */
    public void rejectNextCancels(ExchangeErrorKind... kinds) {
        rejectNextCancels.addAll(List.of(kinds));
    }

    /** The next cancels of stop orders fail (the venue busy) and leave the stops resting; other cancels pass. */
    public void refuseNextStopCancels(int count) {
        refuseStopCancels += count;
    }

    /** The next creates take effect but their answer times out, as a venue under load does. */
    public void timeOutNextCreatesButPlaceThem(int count) {
        timeOutButPlace += count;
    }

    /** Forgets every injected rejection and timeout not yet used: the venue behaves from now on. */
    public void behave() {
        rejectNextCreates.clear();
        rejectNextCancels.clear();
        refuseStopCancels = 0;
        timeOutButPlace = 0;
    }

    /** Someone places an order by hand on the grid's account: the venue takes it as it takes the grid's. */
    public List<GridEvent> placeByHand(OrderRequest request, long atMs) {
        List<GridEvent> events = new ArrayList<>();
        place(request, atMs, events);
        return events;
    }

    /** Executes the order commands among these; returns the venue's answers as events. */
    public List<GridEvent> execute(List<GridCommand> commands, long atMs) {
        List<GridEvent> events = new ArrayList<>();
        for (GridCommand command : commands) {
            switch (command) {
                case GridCommand.PlaceOrder p -> place(p.request(), atMs, events);
                case GridCommand.CancelOrder c -> cancel(c.clientOrderId(), atMs, events);
                case GridCommand.CancelProtectiveStop c -> cancel(c.clientOrderId(), atMs, events);
                case GridCommand.CancelAll c -> {
                    for (String id : c.clientOrderIds()) {
                        cancel(id, atMs, events);
                    }
                }
                case GridCommand.QueryOrder q -> {
                    Resting r = open.get(q.clientOrderId());
                    if (r != null) {
                        events.add(update(r, r.filled.signum() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW,
                                BigDecimal.ZERO, null, atMs));
                    } else if (finished.containsKey(q.clientOrderId())) {
                        events.add(finished.get(q.clientOrderId()));
                    } else {
                        events.add(new GridEvent.OrderRejected(atMs, q.clientOrderId(), ExchangeErrorKind.UNKNOWN_ORDER,
                                0, "-2013", "Order does not exist."));
                    }
                }
                case GridCommand.RequestSnapshot s -> events.add(snapshot(atMs));
                default -> {
                }
            }
        }
        return events;
    }

    /** The open orders and position as a snapshot event. */
    public GridEvent.ExchangeSnapshot snapshot(long atMs) {
        List<OpenOrder> orders = new ArrayList<>();
        for (Resting r : open.values()) {
            OrderRequest q = r.request;
            orders.add(new OpenOrder(q.clientOrderId(), r.exchangeId, q.side(), q.type(), q.price(), q.quantity(),
                    r.filled, q.reduceOnly(), q.stopPrice(), q.positionSide()));
        }
        return new GridEvent.ExchangeSnapshot(atMs, orders, position, PositionLegs.FLAT);
    }

    private void place(OrderRequest q, long atMs, List<GridEvent> events) {
        placed.add(q);
        if (!rejectNextCreates.isEmpty()) {
            events.add(new GridEvent.OrderRejected(atMs, q.clientOrderId(), rejectNextCreates.poll(), 30_000, "-1",
                    "injected"));
            return;
        }
        if (open.containsKey(q.clientOrderId())) {
            events.add(reject(q, ExchangeErrorKind.DUPLICATE_CLIENT_ID, atMs));
            return;
        }
        if ((q.price() != null && !rules.onTick(q.price())) || (q.quantity() != null && !rules.onStep(q.quantity()))) {
            events.add(reject(q, ExchangeErrorKind.PRECISION, atMs));
            return;
        }
        if (closes(q) && !q.closePosition() && reducible(q).signum() == 0) {
            refusedForLack(q);
            events.add(reject(q, ExchangeErrorKind.REDUCE_ONLY_REJECTED, atMs));
            return;
        }
        Resting r = new Resting(q, "X" + (++ids));
        if (timeOutButPlace > 0) {
            timeOutButPlace--;
            List<GridEvent> swallowed = new ArrayList<>();
            events.add(new GridEvent.OrderRejected(atMs, q.clientOrderId(), ExchangeErrorKind.TIMEOUT_UNKNOWN, 0, null,
                    "timeout"));
            placeAccepted(q, r, atMs, swallowed);
            // the acknowledgement is lost; fills that follow at once still reach the stream
            swallowed.stream().filter(e -> !(e instanceof OrderUpdate u && u.status() == OrderStatus.NEW))
                    .forEach(events::add);
            return;
        }
        placeAccepted(q, r, atMs, events);
    }

    private void placeAccepted(OrderRequest q, Resting r, long atMs, List<GridEvent> events) {
        switch (q.type()) {
            case MARKET -> {
                open.put(q.clientOrderId(), r);
                events.add(update(r, OrderStatus.NEW, BigDecimal.ZERO, null, atMs));
                fill(r, r.remaining(), last, atMs, events);
            }
            case STOP_MARKET -> {
                open.put(q.clientOrderId(), r);
                events.add(new OrderUpdate(atMs, q.clientOrderId(), r.exchangeId, OrderStatus.NEW, BigDecimal.ZERO,
                        BigDecimal.ZERO, null, BigDecimal.ZERO, null, null));
            }
            case LIMIT -> {
                boolean crosses = q.side() == Side.BUY ? q.price().compareTo(last) >= 0 : q.price().compareTo(last) <= 0;
                if (crosses && q.timeInForce() == TimeInForce.GTX) {
                    events.add(reject(q, ExchangeErrorKind.POST_ONLY_WOULD_TAKE, atMs));
                    return;
                }
                open.put(q.clientOrderId(), r);
                events.add(update(r, OrderStatus.NEW, BigDecimal.ZERO, null, atMs));
                if (crosses) {
                    fill(r, r.remaining(), last, atMs, events);
                }
            }
        }
    }

    private GridEvent reject(OrderRequest q, ExchangeErrorKind kind, long atMs) {
        return new GridEvent.OrderRejected(atMs, q.clientOrderId(), kind, 0, "-1", kind.name());
    }

    private void cancel(String id, long atMs, List<GridEvent> events) {
        if (refuseStopCancels > 0 && open.containsKey(id) && open.get(id).request.type() == OrderType.STOP_MARKET) {
            refuseStopCancels--;
            events.add(new GridEvent.CancelRejected(atMs, id, ExchangeErrorKind.OTHER, "busy"));
            return;
        }
        if (!rejectNextCancels.isEmpty() && open.containsKey(id)) {
            ExchangeErrorKind kind = rejectNextCancels.poll();
            events.add(new GridEvent.CancelRejected(atMs, id, kind, kind.name()));
            return;
        }
        Resting r = open.remove(id);
        if (r == null) {
            events.add(new GridEvent.CancelRejected(atMs, id, ExchangeErrorKind.UNKNOWN_ORDER, "Unknown order sent."));
            return;
        }
        OrderUpdate u = update(r, OrderStatus.CANCELED, BigDecimal.ZERO, null, atMs);
        finished.put(id, u);
        events.add(u);
    }

    /**
     * The market trades at this price: resting orders it reaches fill, nearest to the old price first.
     *
     * @param partial chooses how much of an order's remaining quantity fills (return it whole for a full fill)
     */
    public List<GridEvent> trade(BigDecimal price, long atMs, BiFunction<Resting, BigDecimal, BigDecimal> partial) {
        List<GridEvent> events = new ArrayList<>();
        BigDecimal from = last;
        last = price;
        List<Resting> hit = new ArrayList<>();
        for (Resting r : open.values()) {
            OrderRequest q = r.request;
            if (q.type() == OrderType.LIMIT) {
                boolean reached = q.side() == Side.BUY ? price.compareTo(q.price()) <= 0 : price.compareTo(q.price()) >= 0;
                if (reached) {
                    hit.add(r);
                }
            } else if (q.type() == OrderType.STOP_MARKET) {
                boolean reached = q.side() == Side.BUY ? price.compareTo(q.stopPrice()) >= 0
                        : price.compareTo(q.stopPrice()) <= 0;
                if (reached) {
                    hit.add(r);
                }
            }
        }
        hit.sort(Comparator.comparing(r -> (r.request.price() != null ? r.request.price() : r.request.stopPrice())
                .subtract(from).abs()));
        for (Resting r : hit) {
            if (!open.containsKey(r.request.clientOrderId())) {
                continue;
            }
            if (r.request.type() == OrderType.STOP_MARKET) {
                BigDecimal qty = reducible(r.request);
                if (qty.signum() == 0) {
                    finishWith(r, OrderStatus.EXPIRED, atMs, events);
                } else {
                    fill(r, qty, price, atMs, events);
                }
                continue;
            }
            BigDecimal qty = rules.floorQty(partial.apply(r, r.remaining()).min(r.remaining()));
            if (qty.signum() > 0) {
                fill(r, qty, r.request.price(), atMs, events);
            }
        }
        return events;
    }

    /**
     * Whether the order only closes: reduce-only or close-position in one-way mode; in hedge mode, as on the
     * real venues, a sell on the long leg or a buy on the short leg.
     */
    private static boolean closes(OrderRequest q) {
        return switch (q.positionSide()) {
            case BOTH -> q.reduceOnly() || q.closePosition();
            case LONG -> q.side() == Side.SELL;
            case SHORT -> q.side() == Side.BUY;
        };
    }

    private void refusedForLack(OrderRequest q) {
        if (!stopFired) {
            refusedForLackOfPosition.add(q.clientOrderId());
        }
    }

    /** How much the closing order could close on its leg. */
    private BigDecimal reducible(OrderRequest q) {
        BigDecimal leg = position.get(q.positionSide());
        return q.side() == Side.BUY ? leg.negate().max(BigDecimal.ZERO) : leg.max(BigDecimal.ZERO);
    }

    private void fill(Resting r, BigDecimal qty, BigDecimal price, long atMs, List<GridEvent> events) {
        OrderRequest q = r.request;
        boolean closeAll = q.closePosition();
        if (closes(q)) {
            qty = closeAll ? reducible(q) : qty.min(reducible(q));
            if (qty.signum() == 0) {
                if (!closeAll) {
                    refusedForLack(q);
                }
                finishWith(r, OrderStatus.EXPIRED, atMs, events);
                return;
            }
        }
        stopFired |= closeAll;
        r.filled = r.filled.add(qty);
        position = position.plus(q.positionSide(), q.side() == Side.BUY ? qty : qty.negate());
        boolean done = closeAll || r.filled.compareTo(q.quantity()) >= 0;
        OrderUpdate u = update(r, done ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED, qty, price, atMs);
        events.add(u);
        history.add(new GridEvent.Execution(q.clientOrderId(), r.exchangeId, u.tradeId(), q.side(), price, qty,
                BigDecimal.ZERO, "USDT", atMs));
        if (done) {
            open.remove(q.clientOrderId());
            finished.put(q.clientOrderId(), u);
        } else if (closes(q) && reducible(q).signum() == 0) {
            refusedForLack(q);
            finishWith(r, OrderStatus.EXPIRED, atMs, events); // nothing left to reduce: the venue ends it
        }
        events.add(new GridEvent.PositionUpdate(atMs, q.positionSide(), position.get(q.positionSide())));
    }

    private void finishWith(Resting r, OrderStatus status, long atMs, List<GridEvent> events) {
        open.remove(r.request.clientOrderId());
        OrderUpdate u = update(r, status, BigDecimal.ZERO, null, atMs);
        finished.put(r.request.clientOrderId(), u);
        events.add(u);
    }

    private OrderUpdate update(Resting r, OrderStatus status, BigDecimal lastQty, BigDecimal lastPrice, long atMs) {
        String tradeId = lastQty.signum() > 0 ? "T" + (++trades) : null;
        return new OrderUpdate(atMs, r.request.clientOrderId(), r.exchangeId, status, r.filled, lastQty, lastPrice,
                BigDecimal.ZERO, "USDT", tradeId);
    }

    /** The account's net position, every leg together. */
    public BigDecimal position() {
        return position.net();
    }

    /** The account's position per leg. */
    public PositionLegs legs() {
        return position;
    }

    /** The closes refused or ended for lack of position on their leg. */
    public List<String> refusedForLackOfPosition() {
        return List.copyOf(refusedForLackOfPosition);
    }

    public BigDecimal lastPrice() {
        return last;
    }

    /** The orders resting now. */
    public List<Resting> openOrders() {
        return List.copyOf(open.values());
    }

    /** Every execution, oldest first: the venue's trade history. */
    public List<GridEvent.Execution> history() {
        return history;
    }

    /** Every create the venue received, accepted or not. */
    public List<OrderRequest> placed() {
        return placed;
    }
}
