package io.gridbot.exchange.sim;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.OrderAck;
import io.gridbot.exchange.OrderState;
import io.gridbot.exchange.TradeRecord;
import io.gridbot.exchange.account.PositionSnapshot;
import io.gridbot.exchange.stream.TickerEvent;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated venue's state and the handling of each request and each market event, in the venue's order:
 * request weight, injected faults, the rules, then the book, the account and the events. Not thread-safe:
 * {@link SimulatedExchange} serialises the calls and delivers the events afterwards. Every method takes the
 * time it happens at.
 */
final class OrderDesk {

    private final SimSettings settings;
    private final SimFaults faults;
    private final SimStreams streams;
    final VenueRules rules;
    final Map<String, OrderBook> books = new HashMap<>();
    final OrderHistory history = new OrderHistory();
    final SimAccount account;
    final Settlement settlement;
    final Liquidator liquidator = new Liquidator(this);
    /** The listed books with their positions: what the liquidation check reads after every trade, without hashing. */
    Listed[] listed = {};
    long nextOrderId = 1;
    long nextSeq = 1;

    OrderDesk(SimSettings settings, SimFaults faults, SimStreams streams, VenueDialect dialect) {
        this.settings = settings;
        this.faults = faults;
        this.streams = streams;
        this.rules = new VenueRules(dialect);
        this.account = new SimAccount(settings, books);
        this.settlement = new Settlement(account, history, streams, books, settings.quoteAsset());
    }

    /** Lists a symbol afresh: its rules, an opening price, an empty book, no position, no executions. */
    void list(SymbolRules symbolRules, BigDecimal openingPrice) {
        String symbol = symbolRules.symbol();
        rules.list(symbolRules);
        books.put(symbol, new OrderBook(symbolRules, openingPrice, settlement, settings.fillModel()));
        account.positions.put(symbol, new SimPosition());
        account.longs.put(symbol, new SimPosition());
        account.shorts.put(symbol, new SimPosition());
        history.executions.put(symbol, new ArrayDeque<>());
        listed = books.values().stream().map(b -> new Listed(b, account.positions.get(b.symbol)))
                .toArray(Listed[]::new);
    }

    /** A listed symbol's book and its position (the one object the account keeps for it from the listing on). */
    record Listed(OrderBook book, SimPosition position) {
    }

    // ------------------------------------------------------------------ market events

    void trade(String symbol, BigDecimal price, BigDecimal qty, Side aggressor, long nowMs) {
        OrderBook book = listed(symbol);
        streams.ticker(new TickerEvent(symbol, price, price, price, qty, nowMs));
        book.trade(price, qty, aggressor, nowMs);
        liquidator.check(nowMs);
    }

    void quote(String symbol, BigDecimal bid, BigDecimal ask, long nowMs) {
        listed(symbol).quote(bid, ask, nowMs);
    }

    /**
     * Pays or charges funding on the symbol's position, at its last price: returns what the account received
     * (negative when it paid), or {@code null} when there is no position, so nothing happened.
     */
    BigDecimal settleFunding(String symbol, BigDecimal rate, long nowMs) {
        OrderBook book = listed(symbol);
        BigDecimal received = account.settleFunding(symbol, book.last, rate);
        if (received == null) {
            return null;
        }
        settlement.publishAccount(symbol, "FUNDING_FEE", nowMs);
        liquidator.check(nowMs);
        return received;
    }

    // ------------------------------------------------------------------ requests

    OrderAck create(OrderRequest q, long nowMs) throws ExchangeException {
        weigh(1, nowMs);
        OrderBook book = book(q.symbol());
        ExchangeErrorKind injected = faults.nextRejection();
        if (injected != null) {
            throw new ExchangeException(injected, "SIM", "injected " + injected);
        }
        long retryAfter = faults.rateLimited(nowMs);
        if (retryAfter >= 0) {
            throw rules.refuse(Refusal.ORDER_RATE_SPENT, retryAfter);
        }
        Boolean timeout = faults.nextTimeout();
        if (timeout != null && !timeout) {
            throw new ExchangeException(ExchangeErrorKind.TIMEOUT_UNKNOWN, "SIM", "timed out (the order was not placed)");
        }
        rules.validate(book, q, account.position(q.symbol(), q.positionSide()).reducible(q.side()), account.hedged());
        SimOrder order = new SimOrder(q, Long.toString(nextOrderId++), nextSeq++, nowMs);
        boolean crosses = book.crosses(q);
        if (q.type() == OrderType.LIMIT && crosses && q.timeInForce() == TimeInForce.GTX) {
            throw rules.refuse(Refusal.POST_ONLY_WOULD_TAKE, (SymbolRules) null);
        }
        if (!q.reduceOnly() && !SimPosition.closesLeg(q) && account.cannotAfford(q.symbol(),
                q.type() == OrderType.MARKET ? book.last : q.price(), q.quantity())) {
            throw rules.refuse(Refusal.MARGIN_INSUFFICIENT, (SymbolRules) null);
        }
        book.rest(order, nowMs);
        settlement.accepted(order, nowMs);
        if (crosses) {
            book.take(order, nowMs);
        }
        OrderStatus status = book.open.containsKey(q.clientOrderId()) ? order.restingStatus()
                : history.closedStatus(q.clientOrderId());
        if (timeout != null) {
            throw new ExchangeException(ExchangeErrorKind.TIMEOUT_UNKNOWN, "SIM", "timed out (the order was placed)");
        }
        return new OrderAck(q.clientOrderId(), order.exchangeId, status, order.filled);
    }

    void cancel(String symbol, String clientOrderId, long nowMs) throws ExchangeException {
        weigh(1, nowMs);
        if (!book(symbol).end(clientOrderId, false, OrderStatus.CANCELED, nowMs)) {
            throw rules.refuse(Refusal.CANCEL_UNKNOWN_ORDER, (SymbolRules) null);
        }
    }

    void cancelAll(String symbol, long nowMs) throws ExchangeException {
        book(symbol).cancelAll(nowMs);
    }

    List<OpenOrder> openOrders(String symbol, long nowMs) throws ExchangeException {
        weigh(1, nowMs);
        OrderBook book = book(symbol);
        List<OpenOrder> out = new ArrayList<>();
        for (SimOrder o : book.open.values()) {
            OrderRequest q = o.request;
            out.add(new OpenOrder(q.clientOrderId(), o.exchangeId, q.side(), q.type(), q.price(), q.quantity(), o.filled,
                    q.reduceOnly(), null, q.positionSide()));
        }
        for (SimOrder o : book.stops.values()) {
            OrderRequest q = o.request;
            out.add(new OpenOrder(q.clientOrderId(), o.exchangeId, q.side(), q.type(), null, null, BigDecimal.ZERO,
                    q.reduceOnly(), q.stopPrice(), q.positionSide()));
        }
        return out;
    }

    OrderState query(String symbol, String clientOrderId) throws ExchangeException {
        SimOrder o = book(symbol).find(clientOrderId);
        if (o != null) {
            return o.state(o.restingStatus());
        }
        OrderState state = history.closed(clientOrderId);
        if (state == null) {
            throw rules.refuse(Refusal.QUERY_UNKNOWN_ORDER, (SymbolRules) null);
        }
        return state;
    }

    PositionSnapshot position(String symbol, long nowMs) throws ExchangeException {
        weigh(5, nowMs);
        return account.snapshot(symbol, book(symbol).last, nowMs);
    }

    List<PositionSnapshot> positions(String symbol, long nowMs) throws ExchangeException {
        weigh(5, nowMs);
        return account.snapshots(symbol, book(symbol).last, nowMs);
    }

    /**
     * Switches the account's position mode, as Binance does: refused when nothing would change, while any leg holds
     * a position (-4068), or while any order or stop is open (-4067).
     */
    void changePositionMode(PositionMode mode, long nowMs) throws ExchangeException {
        weigh(1, nowMs);
        if (mode == account.mode) {
            throw rules.refuse(Refusal.POSITION_MODE_UNCHANGED, (SymbolRules) null);
        }
        if (account.holdsAnyPosition()) {
            throw rules.refuse(Refusal.POSITION_MODE_POSITION_OPEN, (SymbolRules) null);
        }
        for (OrderBook b : books.values()) {
            if (b.size() > 0) {
                throw rules.refuse(Refusal.POSITION_MODE_ORDERS_OPEN, (SymbolRules) null);
            }
        }
        account.mode = mode;
        settlement.modeChanged();
    }

    List<TradeRecord> trades(String symbol, long fromMs, long nowMs) throws ExchangeException {
        weigh(5, nowMs);
        book(symbol);
        return history.executionsSince(symbol, fromMs);
    }

    OrderAck placeStop(OrderRequest stop, long nowMs) throws ExchangeException {
        OrderBook book = book(stop.symbol());
        rules.validateStop(book, stop, account.hedged());
        SimOrder order = new SimOrder(stop, Long.toString(nextOrderId++), nextSeq++, nowMs);
        book.restStop(order);
        settlement.accepted(order, nowMs);
        return new OrderAck(stop.clientOrderId(), order.exchangeId, OrderStatus.NEW, BigDecimal.ZERO);
    }

    void cancelStop(String symbol, String clientOrderId, long nowMs) throws ExchangeException {
        if (!book(symbol).end(clientOrderId, true, OrderStatus.CANCELED, nowMs)) {
            throw rules.refuse(Refusal.CANCEL_UNKNOWN_ORDER, (SymbolRules) null);
        }
    }

    /** Charges a request against the weight window, refusing it when the window is spent. */
    private void weigh(int weight, long nowMs) throws ExchangeException {
        long retryAfter = faults.overWeight(nowMs, weight);
        if (retryAfter >= 0) {
            throw rules.refuse(Refusal.REQUEST_WEIGHT_SPENT, retryAfter);
        }
    }

    /** The book of a symbol a request names, or the venue's unknown-symbol refusal. */
    private OrderBook book(String symbol) throws ExchangeException {
        OrderBook b = books.get(symbol);
        if (b == null) {
            throw rules.refuse(Refusal.UNKNOWN_SYMBOL, (SymbolRules) null);
        }
        return b;
    }

    /** The book of a symbol the market data names: feeding an unlisted symbol is a mistake of the caller. */
    private OrderBook listed(String symbol) {
        OrderBook b = books.get(symbol);
        if (b == null) {
            throw new IllegalArgumentException("symbol not listed on the simulator: " + symbol);
        }
        return b;
    }
}
