package io.gridbot.exchange.sim;

import io.gridbot.core.event.GridEvent.StreamState;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.Balance;
import io.gridbot.exchange.Capabilities;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.OrderAck;
import io.gridbot.exchange.OrderState;
import io.gridbot.exchange.PositionSnapshot;
import io.gridbot.exchange.Subscription;
import io.gridbot.exchange.TradeRecord;
import io.gridbot.exchange.stream.AccountEvent;
import io.gridbot.exchange.stream.DepthEvent;
import io.gridbot.exchange.stream.OrderEvent;
import io.gridbot.exchange.stream.StreamHealthEvent;
import io.gridbot.exchange.stream.TickerEvent;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The simulator as it was before issue 12 split it, kept in test scope for the differential test; delete with it.
 * A simulated USDT-margined perpetual venue in one-way position mode. Limit orders (GTC, and GTX which is
 * refused if it would take), market orders, reduce-only exactly as a real venue (refused if it would open or
 * flip, and a resting one ends when nothing is left to reduce), client-id uniqueness among open orders, the
 * open-order cap, tick / step / minimum checks (minimum notional waived for reduce-only orders, as Binance
 * does), maker and taker fees, cross margin with leverage and an insufficient-balance refusal, funding
 * payments, and venue-side close-position stops.
 *
 * <p>Prices come from {@link #trade}: a resting limit order fills when the market trades at or through its
 * price (a trade at the price fills it too: the simulator has no queue), up to the trade's volume, so a
 * large order fills in parts. Each fill produces its order event, then the account event it caused, stamped
 * with the virtual time.
 *
 * <p><b>Delivery.</b> Events are delivered on the thread that caused them (a {@link #trade} call or a
 * request), after the state change, in order. A listener may call back into the exchange; the events that
 * call causes are queued behind the ones being delivered, never delivered inside them. With no threads of
 * its own the simulator is deterministic: the same calls give the same events.
 */
final class LegacySimulatedExchange implements ExchangeAdapter {

    private static final System.Logger LOG = System.getLogger(SimulatedExchange.class.getName());
    private static final MathContext MATH = MathContext.DECIMAL128;
    private static final int CLOSED_KEPT = 10_000;

    private final Object lock = new Object();
    private final SimClock clock;
    private final SimSettings settings;
    private final SimFaults faults = new SimFaults();
    private final Map<String, SymbolRules> rules = new HashMap<>();
    final Map<String, Market> markets = new HashMap<>();
    final LinkedHashMap<String, OrderState> closed = new LinkedHashMap<>();
    BigDecimal wallet;
    long nextOrderId = 1;
    long nextTradeId = 1;
    long nextSeq = 1;

    private final List<Listener<TickerEvent>> tickerListeners = new CopyOnWriteArrayList<>();
    private final List<Listener<OrderEvent>> orderListeners = new CopyOnWriteArrayList<>();
    private final List<Listener<AccountEvent>> accountListeners = new CopyOnWriteArrayList<>();
    private final List<Listener<StreamHealthEvent>> healthListeners = new CopyOnWriteArrayList<>();
    private final List<Listener<DepthEvent>> depthListeners = new CopyOnWriteArrayList<>();
    private final ArrayDeque<Runnable> outbox = new ArrayDeque<>();
    private final ArrayDeque<Runnable> held = new ArrayDeque<>();
    private Thread drainer;
    private boolean streamsDown;
    private long version;
    private long savedVersion = -1;
    private java.nio.file.Path stateFile;
    private int reconnectAttempt;
    private long nextReconnectAtMs = Long.MAX_VALUE;

    LegacySimulatedExchange(SimClock clock, SimSettings settings) {
        this.clock = clock;
        this.settings = settings;
        this.wallet = settings.initialBalance();
    }

    /** Lists a symbol with its rules and an opening price. */
    public LegacySimulatedExchange list(SymbolRules symbolRules, BigDecimal openingPrice) {
        synchronized (lock) {
            rules.put(symbolRules.symbol(), symbolRules);
            markets.put(symbolRules.symbol(), new Market(symbolRules.symbol(), openingPrice));
        }
        return this;
    }

    /** The fault switches. */
    public SimFaults faults() {
        return faults;
    }

    public SimClock clock() {
        return clock;
    }

    // ------------------------------------------------------------------ market data in

    /**
     * The market trades {@code qty} at {@code price} at virtual time {@code atMs}: the clock moves, resting
     * orders and stops the trade reaches fill, and the ticker is published.
     *
     * @param qty the traded volume; {@code null} for unlimited liquidity at that price
     */
    public void trade(String symbol, BigDecimal price, BigDecimal qty, long atMs) {
        synchronized (lock) {
            clock.advanceTo(atMs);
            Market market = market(symbol);
            market.last = price;
            publishTicker(market, qty);
            matchResting(market, price, qty);
            triggerStops(market, price);
            progressReconnect();
        }
        drain();
    }

    /** Moves the virtual clock without a trade: reconnect schedules and stalls progress. */
    public void advanceTo(long atMs) {
        synchronized (lock) {
            clock.advanceTo(atMs);
            progressReconnect();
        }
        drain();
    }

    /**
     * A funding settlement: the position pays or receives {@code position × mark × rate} (a positive rate
     * makes longs pay shorts), booked to the wallet with an account event.
     */
    public void settleFunding(String symbol, BigDecimal rate, long atMs) {
        synchronized (lock) {
            clock.advanceTo(atMs);
            Market market = market(symbol);
            if (market.qty.signum() == 0) {
                return;
            }
            BigDecimal payment = market.qty.multiply(market.last).multiply(rate).negate();
            wallet = wallet.add(payment);
            publishAccount(market, "FUNDING_FEE");
        }
        drain();
    }

    /** Drops every stream now; reconnects follow on the virtual clock's schedule (see {@link SimSettings}). */
    public void dropStreams() {
        synchronized (lock) {
            if (streamsDown) {
                return;
            }
            streamsDown = true;
            reconnectAttempt = 0;
            publishHealth(StreamState.DISCONNECTED, 0, "stream dropped");
            scheduleReconnect();
        }
        drain();
    }

    // ------------------------------------------------------------------ requests

    @Override
    public String venue() {
        return "simulated";
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(true, false, 5);
    }

    @Override
    public SymbolRules symbolRules(String symbol) throws ExchangeException {
        synchronized (lock) {
            SymbolRules r = rules.get(symbol);
            if (r == null) {
                throw new ExchangeException(ExchangeErrorKind.OTHER, "-1121", "Invalid symbol.");
            }
            return r;
        }
    }

    @Override
    public OrderAck createOrder(OrderRequest request) throws ExchangeException {
        if (request.type() == OrderType.STOP_MARKET) {
            return placeProtectiveStop(request);
        }
        OrderAck ack;
        try {
            synchronized (lock) {
                ack = create(request);
            }
        } finally {
            drain();
        }
        return ack;
    }

    /** Charges a request against the weight window, refusing it when the window is spent. */
    private void weigh(int weight) throws ExchangeException {
        long retryAfter = faults.overWeight(clock.nowMs(), weight);
        if (retryAfter >= 0) {
            throw new ExchangeException(ExchangeErrorKind.RATE_LIMITED, "-1003",
                    "Too many requests; current limit of IP is exceeded.", retryAfter);
        }
    }

    private OrderAck create(OrderRequest q) throws ExchangeException {
        weigh(1);
        Market market = marketOrThrow(q.symbol());
        ExchangeErrorKind injected = faults.nextRejection();
        if (injected != null) {
            throw new ExchangeException(injected, "SIM", "injected " + injected);
        }
        long retryAfter = faults.rateLimited(clock.nowMs());
        if (retryAfter >= 0) {
            throw new ExchangeException(ExchangeErrorKind.RATE_LIMITED, "-1015", "Too many new orders.", retryAfter);
        }
        Boolean timeout = faults.nextTimeout();
        if (timeout != null && !timeout) {
            throw new ExchangeException(ExchangeErrorKind.TIMEOUT_UNKNOWN, "SIM", "timed out (the order was not placed)");
        }
        validate(market, q);
        SimOrder order = new SimOrder(q, Long.toString(nextOrderId++), nextSeq++, clock.nowMs());
        BigDecimal last = market.last;
        boolean crosses = q.type() == OrderType.MARKET || last != null
                && (q.side() == Side.BUY ? q.price().compareTo(last) >= 0 : q.price().compareTo(last) <= 0);
        if (q.type() == OrderType.LIMIT && crosses && q.timeInForce() == TimeInForce.GTX) {
            throw new ExchangeException(ExchangeErrorKind.POST_ONLY_WOULD_TAKE, "-5022",
                    "Due to the order could not be executed as maker, the Post Only order will be rejected.");
        }
        if (!q.reduceOnly()) {
            BigDecimal price = q.type() == OrderType.MARKET ? last : q.price();
            BigDecimal required = price.multiply(q.quantity()).divide(settings.leverage(), MATH);
            if (required.compareTo(available()) > 0) {
                throw new ExchangeException(ExchangeErrorKind.INSUFFICIENT_BALANCE, "-2019", "Margin is insufficient.");
            }
        }
        market.open.put(q.clientOrderId(), order);
        publishOrder(market, order, OrderStatus.NEW, BigDecimal.ZERO, null, BigDecimal.ZERO);
        if (crosses) {
            // A taker fills at the market, which is at least as good as its limit.
            fill(market, order, order.remaining(), last, settings.takerFeeRate());
        }
        OrderStatus status = market.open.containsKey(q.clientOrderId()) ? statusOf(order) : closedStatus(q.clientOrderId());
        if (timeout != null) {
            throw new ExchangeException(ExchangeErrorKind.TIMEOUT_UNKNOWN, "SIM", "timed out (the order was placed)");
        }
        return new OrderAck(q.clientOrderId(), order.exchangeId, status, order.filled);
    }

    private void validate(Market market, OrderRequest q) throws ExchangeException {
        SymbolRules r = rules.get(q.symbol());
        if (market.open.containsKey(q.clientOrderId()) || market.stops.containsKey(q.clientOrderId())) {
            throw new ExchangeException(ExchangeErrorKind.DUPLICATE_CLIENT_ID, "-4116", "ClientOrderId is duplicated.");
        }
        if (market.open.size() + market.stops.size() >= r.maxOpenOrders()) {
            throw new ExchangeException(ExchangeErrorKind.MAX_OPEN_ORDERS, "-2025", "Reach max open order limit.");
        }
        if (q.type() == OrderType.MARKET && market.last == null) {
            throw new ExchangeException(ExchangeErrorKind.EXCHANGE_UNAVAILABLE, "-1", "no market price yet");
        }
        if (q.quantity() == null || q.quantity().signum() <= 0 || !r.onStep(q.quantity())) {
            throw new ExchangeException(ExchangeErrorKind.PRECISION, "-1111", "Precision is over the maximum defined for this asset.");
        }
        if (q.type() == OrderType.LIMIT && (q.price().signum() <= 0 || !r.onTick(q.price()))) {
            throw new ExchangeException(ExchangeErrorKind.PRECISION, "-4014", "Price not increased by tick size.");
        }
        if (q.quantity().compareTo(r.minQty()) < 0) {
            throw new ExchangeException(ExchangeErrorKind.PRECISION, "-4003", "Quantity less than minimum quantity.");
        }
        BigDecimal price = q.type() == OrderType.MARKET ? market.last : q.price();
        if (!q.reduceOnly() && price.multiply(q.quantity()).compareTo(r.minNotional()) < 0) {
            throw new ExchangeException(ExchangeErrorKind.MIN_NOTIONAL, "-4164",
                    "Order's notional must be no smaller than " + r.minNotional().toPlainString());
        }
        if (q.reduceOnly() && reducible(market, q.side()).signum() == 0) {
            throw new ExchangeException(ExchangeErrorKind.REDUCE_ONLY_REJECTED, "-2022", "ReduceOnly Order is rejected.");
        }
    }

    @Override
    public void cancelOrder(String symbol, String clientOrderId) throws ExchangeException {
        try {
            synchronized (lock) {
                weigh(1);
                Market market = marketOrThrow(symbol);
                SimOrder order = market.open.remove(clientOrderId);
                if (order == null) {
                    throw new ExchangeException(ExchangeErrorKind.UNKNOWN_ORDER, "-2011", "Unknown order sent.");
                }
                end(market, order, OrderStatus.CANCELED);
            }
        } finally {
            drain();
        }
    }

    @Override
    public void cancelAllOrders(String symbol) throws ExchangeException {
        try {
            synchronized (lock) {
                Market market = marketOrThrow(symbol);
                for (SimOrder order : new ArrayList<>(market.open.values())) {
                    market.open.remove(order.request.clientOrderId());
                    end(market, order, OrderStatus.CANCELED);
                }
            }
        } finally {
            drain();
        }
    }

    @Override
    public List<OpenOrder> openOrders(String symbol) throws ExchangeException {
        synchronized (lock) {
            weigh(1);
            Market market = marketOrThrow(symbol);
            List<OpenOrder> out = new ArrayList<>();
            for (SimOrder o : market.open.values()) {
                OrderRequest q = o.request;
                out.add(new OpenOrder(q.clientOrderId(), o.exchangeId, q.side(), q.type(), q.price(), q.quantity(), o.filled,
                        q.reduceOnly(), null));
            }
            for (SimOrder o : market.stops.values()) {
                OrderRequest q = o.request;
                out.add(new OpenOrder(q.clientOrderId(), o.exchangeId, q.side(), q.type(), null, null, BigDecimal.ZERO,
                        q.reduceOnly(), q.stopPrice()));
            }
            return out;
        }
    }

    @Override
    public OrderState queryOrder(String symbol, String clientOrderId) throws ExchangeException {
        synchronized (lock) {
            Market market = marketOrThrow(symbol);
            SimOrder o = market.open.get(clientOrderId);
            if (o == null) {
                o = market.stops.get(clientOrderId);
            }
            if (o != null) {
                return stateOf(o, statusOf(o));
            }
            OrderState state = closed.get(clientOrderId);
            if (state == null) {
                throw new ExchangeException(ExchangeErrorKind.UNKNOWN_ORDER, "-2013", "Order does not exist.");
            }
            return state;
        }
    }

    @Override
    public PositionSnapshot position(String symbol) throws ExchangeException {
        synchronized (lock) {
            weigh(5);
            return positionOf(marketOrThrow(symbol));
        }
    }

    @Override
    public List<TradeRecord> trades(String symbol, long fromMs) throws ExchangeException {
        synchronized (lock) {
            weigh(5);
            return marketOrThrow(symbol).executions.stream().filter(t -> t.atMs() >= fromMs).toList();
        }
    }

    @Override
    public List<Balance> balances() {
        synchronized (lock) {
            return List.of(new Balance(settings.quoteAsset(), wallet, available()));
        }
    }

    @Override
    public OrderAck placeProtectiveStop(OrderRequest stop) throws ExchangeException {
        try {
            synchronized (lock) {
                Market market = marketOrThrow(stop.symbol());
                if (stop.type() != OrderType.STOP_MARKET || !stop.closePosition()) {
                    throw new ExchangeException(ExchangeErrorKind.OTHER, "-4120", "only close-position stops are supported");
                }
                if (market.open.containsKey(stop.clientOrderId()) || market.stops.containsKey(stop.clientOrderId())) {
                    throw new ExchangeException(ExchangeErrorKind.DUPLICATE_CLIENT_ID, "-4116", "ClientOrderId is duplicated.");
                }
                if (!rules.get(stop.symbol()).onTick(stop.stopPrice())) {
                    throw new ExchangeException(ExchangeErrorKind.PRECISION, "-4014", "Price not increased by tick size.");
                }
                SimOrder order = new SimOrder(stop, Long.toString(nextOrderId++), nextSeq++, clock.nowMs());
                market.stops.put(stop.clientOrderId(), order);
                publishOrder(market, order, OrderStatus.NEW, BigDecimal.ZERO, null, BigDecimal.ZERO);
                return new OrderAck(stop.clientOrderId(), order.exchangeId, OrderStatus.NEW, BigDecimal.ZERO);
            }
        } finally {
            drain();
        }
    }

    @Override
    public void cancelProtectiveStop(String symbol, String clientOrderId) throws ExchangeException {
        try {
            synchronized (lock) {
                Market market = marketOrThrow(symbol);
                SimOrder order = market.stops.remove(clientOrderId);
                if (order == null) {
                    throw new ExchangeException(ExchangeErrorKind.UNKNOWN_ORDER, "-2011", "Unknown order sent.");
                }
                end(market, order, OrderStatus.CANCELED);
            }
        } finally {
            drain();
        }
    }

    // ------------------------------------------------------------------ streams

    @Override
    public Subscription watchTicker(String symbol, Consumer<TickerEvent> listener) {
        return subscribe(tickerListeners, new Listener<>(symbol, listener));
    }

    @Override
    public Subscription watchDepth(String symbol, Consumer<DepthEvent> listener) {
        return subscribe(depthListeners, new Listener<>(symbol, listener));
    }

    @Override
    public Subscription watchOrders(Consumer<OrderEvent> listener) {
        return subscribe(orderListeners, new Listener<>(null, listener));
    }

    @Override
    public Subscription watchAccount(Consumer<AccountEvent> listener) {
        return subscribe(accountListeners, new Listener<>(null, listener));
    }

    @Override
    public Subscription watchHealth(Consumer<StreamHealthEvent> listener) {
        return subscribe(healthListeners, new Listener<>(null, listener));
    }

    @Override
    public void close() {
        tickerListeners.clear();
        depthListeners.clear();
        orderListeners.clear();
        accountListeners.clear();
        healthListeners.clear();
    }

    private static <T> Subscription subscribe(List<Listener<T>> list, Listener<T> listener) {
        list.add(listener);
        return () -> list.remove(listener);
    }

    // ------------------------------------------------------------------ matching

    private void matchResting(Market market, BigDecimal price, BigDecimal volume) {
        List<SimOrder> reached = new ArrayList<>();
        for (SimOrder o : market.open.values()) {
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
            if (!market.open.containsKey(o.request.clientOrderId())) {
                continue;
            }
            BigDecimal qty = left == null ? o.remaining() : o.remaining().min(left);
            qty = rules.get(market.symbol).floorQty(qty);
            if (qty.signum() == 0) {
                continue;
            }
            BigDecimal done = fill(market, o, qty, o.request.price(), settings.makerFeeRate());
            if (left != null) {
                left = left.subtract(done);
            }
        }
    }

    private void triggerStops(Market market, BigDecimal price) {
        for (SimOrder stop : new ArrayList<>(market.stops.values())) {
            BigDecimal trigger = stop.request.stopPrice();
            boolean hit = stop.request.side() == Side.BUY ? price.compareTo(trigger) >= 0 : price.compareTo(trigger) <= 0;
            if (!hit) {
                continue;
            }
            market.stops.remove(stop.request.clientOrderId());
            BigDecimal qty = reducible(market, stop.request.side());
            if (qty.signum() == 0) {
                end(market, stop, OrderStatus.EXPIRED);
                continue;
            }
            market.open.put(stop.request.clientOrderId(), stop);
            stop.closeQty = qty;
            fill(market, stop, qty, price, settings.takerFeeRate());
        }
    }

    /** Fills up to {@code qty}; returns how much filled (reduce-only orders stop at the position). */
    private BigDecimal fill(Market market, SimOrder order, BigDecimal qty, BigDecimal price, BigDecimal feeRate) {
        OrderRequest q = order.request;
        if (q.reduceOnly() || q.closePosition()) {
            qty = qty.min(reducible(market, q.side()));
            if (qty.signum() == 0) {
                market.open.remove(q.clientOrderId());
                end(market, order, OrderStatus.EXPIRED);
                return BigDecimal.ZERO;
            }
        }
        BigDecimal fee = price.multiply(qty).multiply(feeRate).setScale(8, java.math.RoundingMode.HALF_UP);
        BigDecimal realized = book(market, q.side(), qty, price);
        wallet = wallet.add(realized).subtract(fee);
        order.filled = order.filled.add(qty);
        order.notional = order.notional.add(price.multiply(qty));
        order.updatedMs = clock.nowMs();
        BigDecimal target = q.closePosition() ? order.closeQty : q.quantity();
        boolean complete = order.filled.compareTo(target) >= 0;
        if (complete) {
            market.open.remove(q.clientOrderId());
        }
        publishOrder(market, order, complete ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED, qty, price, fee);
        if (complete) {
            remember(order, OrderStatus.FILLED);
        }
        publishAccount(market, "ORDER");
        if (!complete && q.reduceOnly() && reducible(market, q.side()).signum() == 0) {
            market.open.remove(q.clientOrderId());
            end(market, order, OrderStatus.EXPIRED); // nothing left to reduce: the venue ends it
        }
        return qty;
    }

    /** Books a trade into the one-way position; returns the PnL it realized. */
    private BigDecimal book(Market market, Side side, BigDecimal qty, BigDecimal price) {
        BigDecimal signed = side == Side.BUY ? qty : qty.negate();
        BigDecimal held = market.qty;
        if (held.signum() == 0 || held.signum() == signed.signum()) {
            BigDecimal size = held.abs();
            market.entry = market.entry.multiply(size).add(price.multiply(qty)).divide(size.add(qty), MATH);
            market.qty = held.add(signed);
            return BigDecimal.ZERO;
        }
        BigDecimal closing = qty.min(held.abs());
        BigDecimal realized = price.subtract(market.entry).multiply(closing);
        if (held.signum() < 0) {
            realized = realized.negate();
        }
        market.qty = held.add(signed);
        if (market.qty.signum() == 0) {
            market.entry = BigDecimal.ZERO;
        } else if (market.qty.signum() == signed.signum()) {
            market.entry = price;
        }
        return realized;
    }

    private BigDecimal reducible(Market market, Side side) {
        return side == Side.BUY ? market.qty.negate().max(BigDecimal.ZERO) : market.qty.max(BigDecimal.ZERO);
    }

    private BigDecimal available() {
        BigDecimal unrealized = BigDecimal.ZERO;
        BigDecimal margin = BigDecimal.ZERO;
        for (Market m : markets.values()) {
            if (m.last == null) {
                continue;
            }
            unrealized = unrealized.add(m.last.subtract(m.entry).multiply(m.qty));
            margin = margin.add(m.qty.abs().multiply(m.last)).add(m.orderMargin());
        }
        return wallet.add(unrealized).subtract(margin.divide(settings.leverage(), MATH));
    }

    private void end(Market market, SimOrder order, OrderStatus status) {
        order.updatedMs = clock.nowMs();
        publishOrder(market, order, status, BigDecimal.ZERO, null, BigDecimal.ZERO);
        remember(order, status);
    }

    private void remember(SimOrder order, OrderStatus status) {
        closed.put(order.request.clientOrderId(), stateOf(order, status));
        if (closed.size() > CLOSED_KEPT) {
            var it = closed.entrySet().iterator();
            it.next();
            it.remove();
        }
    }

    private OrderStatus closedStatus(String clientOrderId) {
        OrderState state = closed.get(clientOrderId);
        return state == null ? OrderStatus.NEW : state.status();
    }

    private static OrderStatus statusOf(SimOrder o) {
        return o.filled.signum() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW;
    }

    private OrderState stateOf(SimOrder o, OrderStatus status) {
        OrderRequest q = o.request;
        BigDecimal avg = o.filled.signum() == 0 ? null : o.notional.divide(o.filled, MATH);
        return new OrderState(q.clientOrderId(), o.exchangeId, q.side(), status, q.price(), q.quantity(), o.filled, avg,
                o.updatedMs);
    }

    private PositionSnapshot positionOf(Market m) {
        BigDecimal unrealized = m.last == null ? BigDecimal.ZERO : m.last.subtract(m.entry).multiply(m.qty);
        return new PositionSnapshot(m.symbol, m.qty, m.entry, unrealized, clock.nowMs());
    }

    private Market market(String symbol) {
        Market m = markets.get(symbol);
        if (m == null) {
            throw new IllegalArgumentException("symbol not listed on the simulator: " + symbol);
        }
        return m;
    }

    private Market marketOrThrow(String symbol) throws ExchangeException {
        Market m = markets.get(symbol);
        if (m == null) {
            throw new ExchangeException(ExchangeErrorKind.OTHER, "-1121", "Invalid symbol.");
        }
        return m;
    }

    // ------------------------------------------------------------------ publishing

    private void publishTicker(Market market, BigDecimal qty) {
        TickerEvent event = new TickerEvent(market.symbol, market.last, market.last, market.last, qty, clock.nowMs());
        enqueue(tickerListeners, market.symbol, event, false);
    }

    private void publishOrder(Market market, SimOrder o, OrderStatus status, BigDecimal lastQty, BigDecimal lastPrice,
            BigDecimal fee) {
        version++; // every change of an order comes through here
        market.orderChanges++;
        OrderRequest q = o.request;
        String tradeId = lastQty.signum() > 0 ? Long.toString(nextTradeId++) : null;
        OrderEvent event = new OrderEvent(market.symbol, q.clientOrderId(), o.exchangeId, q.side(), q.type(), status,
                q.price(), q.quantity(), o.filled, lastQty, lastPrice, fee, lastQty.signum() > 0 ? settings.quoteAsset() : null,
                tradeId, q.reduceOnly(), clock.nowMs());
        if (tradeId != null) {
            market.executions.add(new TradeRecord(q.clientOrderId(), o.exchangeId, tradeId, q.side(), lastPrice, lastQty, fee,
                    settings.quoteAsset(), clock.nowMs()));
            if (market.executions.size() > CLOSED_KEPT) {
                market.executions.removeFirst();
            }
        }
        enqueue(orderListeners, null, event, true);
    }

    private void publishAccount(Market market, String reason) {
        version++;
        AccountEvent event = new AccountEvent(reason, List.of(new Balance(settings.quoteAsset(), wallet, available())),
                List.of(positionOf(market)), clock.nowMs());
        enqueue(accountListeners, null, event, true);
    }

    private void publishHealth(StreamState state, int attempt, String reason) {
        StreamHealthEvent event = new StreamHealthEvent(state, attempt, reason, clock.nowMs());
        for (Listener<StreamHealthEvent> l : healthListeners) {
            outbox.add(() -> l.deliver(event));
        }
    }

    private <T> void enqueue(List<Listener<T>> listeners, String symbol, T event, boolean perturbable) {
        if (streamsDown) {
            return; // a dropped stream loses what happens meanwhile; the resync after reconnect recovers it
        }
        ArrayDeque<Runnable> target = faults.stalled(clock.nowMs()) ? held : outbox;
        if (target == outbox && !held.isEmpty()) {
            outbox.addAll(held);
            held.clear();
        }
        for (Listener<T> l : listeners) {
            if (l.symbol != null && symbol != null && !l.symbol.equals(symbol)) {
                continue;
            }
            Runnable delivery = () -> l.deliver(event);
            if (perturbable && faults.reorder() && !target.isEmpty()) {
                Runnable previous = target.pollLast();
                target.add(delivery);
                target.add(previous);
            } else {
                target.add(delivery);
            }
            if (perturbable && faults.duplicate()) {
                target.add(delivery);
            }
        }
    }

    private void scheduleReconnect() {
        List<Long> delays = settings.reconnectDelaysMs();
        if (reconnectAttempt >= delays.size()) {
            nextReconnectAtMs = Long.MAX_VALUE;
            publishHealth(StreamState.GAVE_UP, reconnectAttempt, "reconnect attempts exhausted");
            return;
        }
        nextReconnectAtMs = clock.nowMs() + delays.get(reconnectAttempt);
    }

    private void progressReconnect() {
        while (streamsDown && clock.nowMs() >= nextReconnectAtMs) {
            reconnectAttempt++;
            publishHealth(StreamState.RECONNECTING, reconnectAttempt, "reconnect attempt " + reconnectAttempt);
            if (faults.reconnectFails()) {
                scheduleReconnect();
            } else {
                streamsDown = false;
                nextReconnectAtMs = Long.MAX_VALUE;
                publishHealth(StreamState.CONNECTED, reconnectAttempt, "reconnected");
            }
        }
        if (!faults.stalled(clock.nowMs()) && !held.isEmpty()) {
            outbox.addAll(held);
            held.clear();
        }
    }

    private void saveIfChanged() {
    }

    /** Delivers queued events on this thread unless another delivery is already running. */
    private void drain() {
        saveIfChanged();
        synchronized (lock) {
            if (drainer != null) {
                return;
            }
            drainer = Thread.currentThread();
        }
        try {
            while (true) {
                Runnable next;
                synchronized (lock) {
                    next = outbox.poll();
                    if (next == null) {
                        drainer = null;
                        return;
                    }
                }
                next.run();
            }
        } catch (RuntimeException e) {
            synchronized (lock) {
                drainer = null;
            }
            throw e;
        }
    }

    /** A listener with an optional symbol filter; its failures are logged, never passed to the venue. */
    private record Listener<T>(String symbol, Consumer<T> consumer) {
        void deliver(T event) {
            try {
                consumer.accept(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "stream listener failed on " + event, e);
            }
        }
    }

    /** One symbol's market: last price, resting orders, stops and the position. */
    static final class Market {
        final String symbol;
        BigDecimal last;
        final LinkedHashMap<String, SimOrder> open = new LinkedHashMap<>();
        final LinkedHashMap<String, SimOrder> stops = new LinkedHashMap<>();
        final ArrayDeque<TradeRecord> executions = new ArrayDeque<>();
        BigDecimal qty = BigDecimal.ZERO;
        BigDecimal entry = BigDecimal.ZERO;
        /** Counts the changes of this market's orders; the margin cache is as of {@link #marginAt}. */
        long orderChanges;
        private long marginAt = -1;
        private BigDecimal margin = BigDecimal.ZERO;

        Market(String symbol, BigDecimal last) {
            this.symbol = symbol;
            this.last = last;
        }

        /** What the resting entries tie up (price times what is left), recomputed only after an order changed. */
        BigDecimal orderMargin() {
            if (marginAt != orderChanges) {
                BigDecimal sum = BigDecimal.ZERO;
                for (SimOrder o : open.values()) {
                    if (!o.request.reduceOnly() && o.request.price() != null) {
                        sum = sum.add(o.request.price().multiply(o.remaining()));
                    }
                }
                margin = sum;
                marginAt = orderChanges;
            }
            return margin;
        }
    }

    /** An order on the simulated book. */
    static final class SimOrder {
        final OrderRequest request;
        final String exchangeId;
        final long seq;
        BigDecimal filled = BigDecimal.ZERO;
        BigDecimal notional = BigDecimal.ZERO;
        BigDecimal closeQty;
        long updatedMs;

        SimOrder(OrderRequest request, String exchangeId, long seq, long atMs) {
            this.request = request;
            this.exchangeId = exchangeId;
            this.seq = seq;
            this.updatedMs = atMs;
        }

        BigDecimal remaining() {
            return request.quantity().subtract(filled);
        }
    }
}
