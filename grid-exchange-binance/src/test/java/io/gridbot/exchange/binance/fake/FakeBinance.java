package io.gridbot.exchange.binance.fake;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderType;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.fake.NoDelaySockets;
import io.gridbot.exchange.binance.BinanceSettings;
import io.gridbot.exchange.binance.sign.ApiCredentials;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.FillModel;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.exchange.stream.OrderEvent;
import io.gridbot.exchange.stream.TickerEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockWebServer;

/**
 * An in-process fake of Binance USDⓈ-M futures for tests: REST and WebSocket on loopback, speaking Binance's
 * wire format (paths, parameters, signatures, error codes, rate-limit headers, stream payloads), backed by the
 * {@link SimulatedExchange}'s matching so orders really rest and fill. Steer it with {@link #trade} and break
 * it with {@link #faults()}, {@link #dropStreams()} and {@link #expireListenKey()}.
 */
public final class FakeBinance implements AutoCloseable {

    /** The key and secret the fake accepts. */
    public static final ApiCredentials CREDENTIALS = new ApiCredentials("fakeKey7QmZ3vXp9LwA2sTn", "fakeSecret4RbY8cUe1HjK6dWo");

    /** BTCUSDT as listed on Binance (tick 0.10, step 0.001, notional 100). */
    public static final SymbolRules BTCUSDT = new SymbolRules("BTCUSDT", new BigDecimal("0.10"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("100"), 200);

    final SimulatedExchange sim;
    final FakeWire wire = new FakeWire();
    final FakeStreams streams = new FakeStreams();
    final FakeFaults faults = new FakeFaults();
    final Map<String, SymbolRules> listed = new ConcurrentHashMap<>();
    /** The terms of symbols listed as something the adapter does not trade; any other is a trading USDT perpetual. */
    final Map<String, FakeWire.Terms> terms = new ConcurrentHashMap<>();
    final Map<String, OrderRequest> requests = new ConcurrentHashMap<>();
    final List<OrderRequest> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
    final Map<String, BigDecimal> notional = new ConcurrentHashMap<>();
    final Map<String, Long> created = new ConcurrentHashMap<>();
    final Map<String, String> byOrderId = new ConcurrentHashMap<>();
    private final Map<String, BigDecimal> lastPrice = new ConcurrentHashMap<>();
    private final AtomicLong updateIds = new AtomicLong(1_000_000);
    private final java.util.concurrent.atomic.AtomicReference<String> heldUserEvent =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final MockWebServer server = new MockWebServer();
    private final FakeRest rest;
    volatile long clockOffsetMs;

    private FakeBinance(SimSettings settings) {
        this.sim = new SimulatedExchange(new SimClock(System.currentTimeMillis()), settings);
        this.rest = new FakeRest(this);
        sim.watchOrders(this::onOrder);
        sim.watchAccount(e -> publishUser(wire.text(wire.accountUpdate(e))));
    }

    /**
     * Starts a fake with one listed symbol at an opening price. A trade at a resting order's price fills it (the
     * {@code touch} fill model), as Binance fills the front of the queue: tests steer fills with such trades.
     */
    public static FakeBinance start(SymbolRules rules, BigDecimal openingPrice) {
        return start(SimSettings.defaults().withFillModel(FillModel.TOUCH), rules, openingPrice);
    }

    public static FakeBinance start(SimSettings settings, SymbolRules rules, BigDecimal openingPrice) {
        FakeBinance fake = new FakeBinance(settings);
        fake.list(rules, openingPrice);
        fake.server.setDispatcher(fake.rest);
        fake.server.setServerSocketFactory(new NoDelaySockets());
        try {
            fake.server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fake;
    }

    /** Lists another symbol. */
    public FakeBinance list(SymbolRules rules, BigDecimal openingPrice) {
        listed.put(rules.symbol(), rules);
        lastPrice.put(rules.symbol(), openingPrice);
        sim.list(rules, openingPrice);
        sim.watchTicker(rules.symbol(), this::onTicker);
        return this;
    }

    /**
     * Lists another symbol as Binance lists one the adapter does not trade: {@code status} other than TRADING
     * ({@code SETTLING}, {@code PENDING_TRADING}), {@code contractType} other than PERPETUAL ({@code CURRENT_QUARTER}),
     * or quoted in another asset ({@code USDC}).
     */
    public FakeBinance listAs(SymbolRules rules, BigDecimal openingPrice, String status, String contractType,
            String quoteAsset) {
        terms.put(rules.symbol(), new FakeWire.Terms(status, contractType, quoteAsset));
        return list(rules, openingPrice);
    }

    public String restUrl() {
        return "http://" + server.getHostName() + ":" + server.getPort();
    }

    public String streamUrl() {
        return "ws://" + server.getHostName() + ":" + server.getPort();
    }

    /** Adapter settings pointing here, with a reconnect schedule of 50 / 100 / 150 ms and short timeouts. */
    public BinanceSettings settings() {
        return BinanceSettings.defaults(restUrl(), streamUrl(), CREDENTIALS)
                .withReconnectDelays(List.of(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(150)))
                .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    /** The market trades {@code qty} at {@code price} ({@code null} qty: unlimited); resting orders it reaches fill. */
    public void trade(String symbol, BigDecimal price, BigDecimal qty) {
        lastPrice.put(symbol, price);
        sim.trade(symbol, price, qty, Math.max(now(), sim.clock().nowMs() + 1));
    }

    public BigDecimal lastPrice(String symbol) {
        return lastPrice.get(symbol);
    }

    /** The simulated venue behind the fake (its state is the truth the wire reports). */
    public SimulatedExchange venue() {
        return sim;
    }

    public FakeFaults faults() {
        return faults;
    }

    /** Cuts every WebSocket connection, as a network failure does (edge case 1). */
    public void dropStreams() {
        streams.sessions.dropAll();
    }

    /** Closes every WebSocket with a close frame, as Binance does after 24 hours. */
    public void closeStreams() {
        streams.sessions.closeAll(1001, "connection lifetime exceeded");
    }

    /** Lets the listen key expire: {@code listenKeyExpired} goes out and the key stops working. */
    public void expireListenKey() {
        String key = rest.listenKey;
        rest.listenKey = null;
        if (key != null) {
            streams.publishPrivate("{\"e\":\"listenKeyExpired\",\"E\":" + now() + ",\"listenKey\":\"" + key + "\"}");
        }
    }

    /** The listen key stops working without any event (the next keep-alive gets -1125). */
    public void forgetListenKey() {
        rest.listenKey = null;
    }

    /** Sends a raw frame on every connection of a route ({@code public}, {@code market}, {@code private}). */
    public void pushRaw(String route, String frame) {
        streams.sessions.raw(route, frame);
    }

    /** How many WebSocket connections of the route are open. */
    public int connections(String route) {
        return streams.sessions.count(route);
    }

    /** How many WebSocket connections were opened so far. */
    public int connectsSoFar() {
        return streams.sessions.opened();
    }

    /** How many signed requests the fake refused for their signature. */
    public int badSignatures() {
        return rest.badSignatures.get();
    }

    /** How many signed requests the fake verified and accepted. */
    public int goodSignatures() {
        return rest.goodSignatures.get();
    }

    /** Every request line received ({@code METHOD /path?query}), oldest first. */
    public List<String> requestsSeen() {
        return List.copyOf(rest.targets);
    }

    /** Every order the venue accepted (regular and conditional), oldest first, as its request had it. */
    public List<OrderRequest> ordersAccepted() {
        return List.copyOf(accepted);
    }

    /** Every signature received. */
    public List<String> signaturesSeen() {
        return List.copyOf(rest.signatures);
    }

    /**
     * Puts the account in hedge position mode ({@code true}) or one-way mode (the default), as
     * {@code GET /fapi/v1/positionSide/dual} then reports it.
     */
    public FakeBinance hedgeMode(boolean hedge) {
        try {
            sim.changePositionMode(hedge ? PositionMode.HEDGE : PositionMode.ONE_WAY);
        } catch (ExchangeException e) {
            throw new IllegalStateException("the fake's account cannot change its position mode now: " + e.venueMessage(), e);
        }
        return this;
    }

    /** Moves the fake's clock against the host's (the adapter must keep its offset in sync). */
    public void skewClock(long offsetMs) {
        this.clockOffsetMs = offsetMs;
    }

    /** The fake's time. */
    public long now() {
        return System.currentTimeMillis() + clockOffsetMs;
    }

    // ------------------------------------------------------------------ simulator events to the wire

    private void onOrder(OrderEvent e) {
        OrderRequest q = requests.get(e.clientOrderId());
        boolean traded = e.lastFillQty().signum() > 0;
        BigDecimal value = notional.getOrDefault(e.clientOrderId(), BigDecimal.ZERO);
        if (traded) {
            value = value.add(e.lastFillPrice().multiply(e.lastFillQty()));
            notional.put(e.clientOrderId(), value);
        }
        BigDecimal avg = e.cumFilledQty().signum() == 0 ? null : value.divide(e.cumFilledQty(), MathContext.DECIMAL64);
        if (inAlgoService(q)) {
            if (!traded) {
                publishUser(wire.text(wire.algoUpdate(q, e.exchangeOrderId(), e.status().name(), e.atMs())));
                return;
            }
            String algoId = e.exchangeOrderId();
            boolean ownIds = faults.triggeredStopsGetOwnIds();
            String orderId = ownIds ? triggeredOrderId(algoId) : algoId;
            String clientId = ownIds ? triggeredClientId(algoId) : e.clientOrderId();
            if (e.cumFilledQty().compareTo(e.lastFillQty()) == 0) {
                publishUser(wire.text(wire.algoUpdate(q, algoId, "TRIGGERED", orderId, e.atMs())));
            }
            publishUser(wire.text(wire.orderTradeUpdate(e, q, avg, clientId, orderId)));
            if (e.status().isFinal()) {
                publishUser(wire.text(wire.algoUpdate(q, algoId, "FINISHED", orderId, e.atMs())));
            }
            return;
        }
        publishUser(wire.text(wire.orderTradeUpdate(e, q, avg)));
    }

    /** Binance keeps conditional orders (the protective stop) in its Algo service, apart from the others. */
    static boolean inAlgoService(OrderType type) {
        return type == OrderType.STOP_MARKET;
    }

    /** Whether the request, if any, placed a conditional order. */
    static boolean inAlgoService(OrderRequest q) {
        return q != null && inAlgoService(q.type());
    }

    /** Whether the request, if any, placed a regular order ({@code /fapi/v1/order}). */
    static boolean inOrderService(OrderRequest q) {
        return q != null && !inAlgoService(q.type());
    }

    /** The order id a triggered stop's market order gets when it does not keep the algo id. */
    static String triggeredOrderId(String algoId) {
        return Long.toString(900_000_000L + Long.parseLong(algoId));
    }

    static String triggeredClientId(String algoId) {
        return "x-trig-" + algoId;
    }

    /** A user-data event to the private sessions, duplicated or held back when the faults say so. */
    private void publishUser(String frame) {
        boolean holdBack;
        synchronized (heldUserEvent) {
            String held = heldUserEvent.get();
            holdBack = held == null && faults.takeReorderedUserEvent();
            if (holdBack) {
                heldUserEvent.set(frame);
            } else {
                streams.publishPrivate(frame);
                if (faults.takeDuplicatedUserEvent()) {
                    streams.publishPrivate(frame);
                }
                if (held != null) { // the held event goes out after the one that followed it
                    heldUserEvent.set(null);
                    streams.publishPrivate(held);
                }
            }
        }
        if (holdBack) {
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(250); // a lone held event goes out late rather than never
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                synchronized (heldUserEvent) {
                    if (heldUserEvent.compareAndSet(frame, null)) {
                        streams.publishPrivate(frame);
                    }
                }
            });
        }
    }

    private void onTicker(TickerEvent t) {
        String s = t.symbol().toLowerCase(Locale.ROOT);
        long id = updateIds.incrementAndGet();
        SymbolRules r = listed.get(t.symbol());
        BigDecimal bid = t.last().subtract(r.tickSize());
        BigDecimal ask = t.last().add(r.tickSize());
        streams.publish("public", s + "@bookTicker", wire.text(wire.bookTicker(t.symbol(), id, bid, ask, t.atMs())));
        String depth = wire.text(wire.depth(t.symbol(), id, bid, ask, t.atMs()));
        for (String name : List.of("@depth", "@depth@100ms", "@depth5", "@depth5@100ms", "@depth10@100ms", "@depth20@100ms")) {
            streams.publish("public", s + name, depth);
        }
        BigDecimal qty = t.lastQty() == null ? BigDecimal.ONE : t.lastQty();
        streams.publish("market", s + "@aggTrade", wire.text(wire.aggTrade(t.symbol(), id, t.last(), qty, t.atMs())));
        String mark = wire.text(wire.markPrice(t.symbol(), t.last(), t.atMs()));
        streams.publish("market", s + "@markPrice", mark);
        streams.publish("market", s + "@markPrice@1s", mark);
    }

    @Override
    public void close() {
        streams.sessions.dropAll();
        sim.close();
        server.close();
    }
}
