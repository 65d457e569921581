package io.gridbot.exchange.sim;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.Side;
import io.gridbot.exchange.Capabilities;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.OrderAck;
import io.gridbot.exchange.OrderState;
import io.gridbot.exchange.Subscription;
import io.gridbot.exchange.TradeRecord;
import io.gridbot.exchange.account.Balance;
import io.gridbot.exchange.account.PositionSnapshot;
import io.gridbot.exchange.stream.AccountEvent;
import io.gridbot.exchange.stream.DepthEvent;
import io.gridbot.exchange.stream.OrderEvent;
import io.gridbot.exchange.stream.StreamHealthEvent;
import io.gridbot.exchange.stream.TickerEvent;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * A simulated USDT-margined perpetual venue, in one-way position mode unless switched to hedge mode (account-wide,
 * as on Binance: a long and a short leg a symbol that never net; see {@link #changePositionMode}). Limit orders (GTC, and GTX which is
 * refused if it would take), market orders, reduce-only exactly as a real venue (refused if it would open or
 * flip, and a resting one ends when nothing is left to reduce), client-id uniqueness among open orders, the
 * open-order cap, tick / step / minimum checks (minimum notional waived for reduce-only orders, as Binance
 * does), maker and taker fees, cross margin with a leverage per symbol and an insufficient-balance refusal,
 * funding payments, forced liquidation below the maintenance margin ({@link MarginRules}, {@link Liquidation}),
 * and venue-side close-position stops. Refusals carry the codes and messages of a
 * {@link VenueDialect}: Binance's unless another is given.
 *
 * <p>Prices come from {@link #trade}: a resting limit order fills when the market trades through its price,
 * or at it as the {@link FillModel} of the {@link SimSettings} allows, up to the trade's volume, so a large
 * order fills in parts. Market orders and triggered stops fill against themselves, at the quote given by
 * {@link #quote} when there is a fresh one, else moved from the price by a share of the last minute's range
 * (see {@link Slippage}). Each fill produces its order event, then the account event it caused, stamped
 * with the virtual time.
 *
 * <p><b>Time.</b> The simulator has no threads and never reads the wall clock: time is what {@link #trade},
 * {@link #advanceTo} and {@link #settleFunding} say, kept on the {@link SimClock}; requests happen at the
 * clock's time. Reconnect schedules, stalls and rate windows run on that time, so a test moves through a
 * minute of reconnects with one call. A real-time venue (the offline demo and daemon) is this simulator fed
 * with trades stamped with the wall clock.
 *
 * <p><b>Delivery.</b> Events are delivered on the thread that caused them (a {@link #trade} call or a
 * request), after the state change, in order. A listener may call back into the exchange; the events that
 * call causes are queued behind the ones being delivered, never delivered inside them. With no threads of
 * its own the simulator is deterministic: the same calls give the same events.
 *
 * <p>This facade serialises the calls and delivers afterwards; the matching is in {@link OrderBook}, the
 * account in {@link SimAccount}, the request checks in {@link VenueRules}, the streams in {@link SimStreams}.
 * grid-core's tests keep their own small paper venue because grid-core cannot depend on this module (it
 * depends on grid-core); every other module's tests use this simulator.
 */
public final class SimulatedExchange implements ExchangeAdapter {

    private final Object lock = new Object();
    private final SimClock clock;
    private final SimFaults faults = new SimFaults();
    private final SimStreams streams;
    final OrderDesk desk;
    private final SimMargin margin;
    /** Set once, under the lock; volatile so that a call after a trade sees without the lock that none is kept. */
    private volatile SimState state;

    /** A venue that answers as Binance USD-M futures does. */
    public SimulatedExchange(SimClock clock, SimSettings settings) {
        this(clock, settings, new BinanceDialect());
    }

    /** A venue that answers refusals in the given venue's codes and messages. */
    public SimulatedExchange(SimClock clock, SimSettings settings, VenueDialect dialect) {
        this.clock = clock;
        this.streams = new SimStreams(faults, settings.reconnectDelaysMs());
        this.desk = new OrderDesk(settings, faults, streams, dialect);
        this.margin = new SimMargin(lock, desk.account);
    }

    /** Lists a symbol with its rules and an opening price. */
    public SimulatedExchange list(SymbolRules symbolRules, BigDecimal openingPrice) {
        synchronized (lock) {
            desk.list(symbolRules, openingPrice);
        }
        return this;
    }

    /** The fault switches. */
    public SimFaults faults() {
        return faults;
    }

    /** The account's margin: leverage per symbol, equity, maintenance margin, liquidations. */
    public SimMargin margin() {
        return margin;
    }

    /** The virtual clock the venue keeps its time on. */
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
        trade(symbol, price, qty, null, atMs);
    }

    /**
     * A trade whose taker is known: {@code aggressor} {@code BUY} when a buyer lifted the offers, {@code SELL}
     * when a seller hit the bids, {@code null} when unknown. A trade at a resting order's price fills it only
     * when its taker was on the other side.
     */
    public void trade(String symbol, BigDecimal price, BigDecimal qty, Side aggressor, long atMs) {
        List<Liquidation> liquidations;
        synchronized (lock) {
            long now = clock.moveTo(atMs);
            desk.trade(symbol, price, qty, aggressor, now);
            streams.advance(now);
            liquidations = desk.liquidator.take();
        }
        if (!liquidations.isEmpty()) {
            margin.announce(liquidations);
        }
        drain();
    }

    /**
     * The best bid and ask at {@code atMs}, for a replay that knows the book: for the next minute a market
     * order or a triggered stop takes them (a buy the ask, a sell the bid) instead of a slipped last price. It
     * moves the clock but fills nothing.
     *
     * @throws IllegalArgumentException if the bid is not positive or is above the ask
     */
    public void quote(String symbol, BigDecimal bid, BigDecimal ask, long atMs) {
        Slippage.check(bid, ask);
        synchronized (lock) {
            long now = clock.moveTo(atMs);
            desk.quote(symbol, bid, ask, now);
            streams.advance(now);
        }
        drain();
    }

    /** Moves the virtual clock without a trade: reconnect schedules and stalls progress. */
    public void advanceTo(long atMs) {
        synchronized (lock) {
            streams.advance(clock.moveTo(atMs));
        }
        drain();
    }

    /**
     * A funding settlement: the position pays or receives {@code position × mark × rate}, marked at the last
     * price (a positive rate makes longs pay shorts), booked to the wallet with an account event (reason
     * {@code FUNDING_FEE}). Returns what the account received, negative when it paid, or {@code null} when it
     * held no position on the symbol. A payment that takes the account below its maintenance margin
     * liquidates it, as a trade would.
     */
    public BigDecimal settleFunding(String symbol, BigDecimal rate, long atMs) {
        BigDecimal received;
        List<Liquidation> liquidations;
        synchronized (lock) {
            received = desk.settleFunding(symbol, rate, clock.moveTo(atMs));
            if (received == null) {
                return null;
            }
            liquidations = desk.liquidator.take();
        }
        margin.announce(liquidations);
        drain();
        return received;
    }

    /** Drops every stream now; reconnects follow on the virtual clock's schedule (see {@link SimSettings}). */
    public void dropStreams() {
        synchronized (lock) {
            if (!streams.drop(clock.nowMs())) {
                return;
            }
        }
        drain();
    }

    // ------------------------------------------------------------------ requests

    @Override
    public String venue() {
        return SimulatedVenueProvider.CODE;
    }

    @Override
    public Capabilities capabilities() {
        return SimulatedVenueProvider.CAPABILITIES;
    }

    @Override
    public SymbolRules symbolRules(String symbol) throws ExchangeException {
        synchronized (lock) {
            return desk.rules.of(symbol);
        }
    }

    @Override
    public OrderAck createOrder(OrderRequest request) throws ExchangeException {
        if (request.type() == OrderType.STOP_MARKET) {
            return placeProtectiveStop(request);
        }
        return change(now -> desk.create(request, now));
    }

    @Override
    public void cancelOrder(String symbol, String clientOrderId) throws ExchangeException {
        change(now -> {
            desk.cancel(symbol, clientOrderId, now);
            return null;
        });
    }

    @Override
    public void cancelAllOrders(String symbol) throws ExchangeException {
        change(now -> {
            desk.cancelAll(symbol, now);
            return null;
        });
    }

    @Override
    public List<OpenOrder> openOrders(String symbol) throws ExchangeException {
        synchronized (lock) {
            return desk.openOrders(symbol, clock.nowMs());
        }
    }

    /** The symbol's position and resting orders at one instant (both read under the venue's lock). */
    public Holdings holdings(String symbol) throws ExchangeException {
        synchronized (lock) {
            long now = clock.nowMs();
            return new Holdings(desk.position(symbol, now), desk.openOrders(symbol, now));
        }
    }

    @Override
    public OrderState queryOrder(String symbol, String clientOrderId) throws ExchangeException {
        synchronized (lock) {
            return desk.query(symbol, clientOrderId);
        }
    }

    @Override
    public PositionSnapshot position(String symbol) throws ExchangeException {
        synchronized (lock) {
            return desk.position(symbol, clock.nowMs());
        }
    }

    @Override
    public List<PositionSnapshot> positions(String symbol) throws ExchangeException {
        synchronized (lock) {
            return desk.positions(symbol, clock.nowMs());
        }
    }

    @Override
    public PositionMode positionMode() {
        synchronized (lock) {
            return desk.account.mode;
        }
    }

    @Override
    public void changePositionMode(PositionMode mode) throws ExchangeException {
        change(now -> {
            desk.changePositionMode(mode, now);
            return null;
        });
    }

    @Override
    public List<TradeRecord> trades(String symbol, long fromMs) throws ExchangeException {
        synchronized (lock) {
            return desk.trades(symbol, fromMs, clock.nowMs());
        }
    }

    @Override
    public List<Balance> balances() {
        synchronized (lock) {
            return List.of(desk.account.balance());
        }
    }

    @Override
    public OrderAck placeProtectiveStop(OrderRequest stop) throws ExchangeException {
        return change(now -> desk.placeStop(stop, now));
    }

    @Override
    public void cancelProtectiveStop(String symbol, String clientOrderId) throws ExchangeException {
        change(now -> {
            desk.cancelStop(symbol, clientOrderId, now);
            return null;
        });
    }

    /** A request that changes the venue, at the clock's time. */
    @FunctionalInterface
    private interface Change<T> {
        T apply(long nowMs) throws ExchangeException;
    }

    /** Runs a changing request under the lock, then saves and delivers what it caused, even when it was refused. */
    private <T> T change(Change<T> request) throws ExchangeException {
        try {
            synchronized (lock) {
                return request.apply(clock.nowMs());
            }
        } finally {
            drain();
        }
    }

    // ------------------------------------------------------------------ streams

    @Override
    public Subscription watchTicker(String symbol, Consumer<TickerEvent> listener) {
        return streams.watchTicker(symbol, listener);
    }

    @Override
    public Subscription watchDepth(String symbol, Consumer<DepthEvent> listener) {
        return streams.watchDepth(symbol, listener);
    }

    @Override
    public Subscription watchOrders(Consumer<OrderEvent> listener) {
        return streams.watchOrders(listener);
    }

    @Override
    public Subscription watchAccount(Consumer<AccountEvent> listener) {
        return streams.watchAccount(listener);
    }

    @Override
    public Subscription watchHealth(Consumer<StreamHealthEvent> listener) {
        return streams.watchHealth(listener);
    }

    @Override
    public void close() {
        streams.close();
    }

    // ------------------------------------------------------------------ persistence

    /**
     * Keeps the venue's state in a file, rewritten (atomically) after every change, so the simulated venue
     * outlives the process that hosts it, as a real one does; an existing file is loaded first. Symbols must
     * be listed before.
     */
    public SimulatedExchange persistTo(Path file) throws IOException {
        synchronized (lock) {
            state = new SimState(file, desk);
        }
        return this;
    }

    /** Loads a file {@link #persistTo} keeps, if it exists, and never writes it: a look at another process's venue. */
    public SimulatedExchange loadFrom(Path file) throws IOException {
        synchronized (lock) {
            SimState.load(file, desk);
        }
        return this;
    }

    /** Saves the state if it changed, then delivers what the call caused; after each request and trade. */
    private void drain() {
        if (state != null) {
            synchronized (lock) {
                state.saveIfChanged(desk);
            }
        }
        streams.deliver();
    }
}
