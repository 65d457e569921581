package io.gridbot.exchange.bybit.fake;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.fake.NoDelaySockets;
import io.gridbot.exchange.bybit.BybitRest;
import io.gridbot.exchange.bybit.BybitSettings;
import io.gridbot.exchange.bybit.limits.RequestPacing;
import io.gridbot.exchange.bybit.sign.BybitCredentials;
import io.gridbot.exchange.bybit.stream.BybitStreamSettings;
import io.gridbot.exchange.sim.FillModel;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import mockwebserver3.MockWebServer;

/**
 * An in-process fake of Bybit's API v5 for USDT perpetuals ({@code category} {@code linear}), on loopback, speaking
 * Bybit's wire format over REST and WebSocket (paths, JSON bodies, the {@code retCode} / {@code retMsg} /
 * {@code result} / {@code retExtInfo} envelope, Bybit's codes, the limit headers, the topics and their frames),
 * checking every private request's key, timestamp window and signature and every socket's {@code auth}, and counting
 * Bybit's documented per-second limits. Behind it the {@link SimulatedExchange} matches orders so they really rest
 * and fill: steer it with {@link #trade}, break it with {@link #faults()}.
 */
public final class FakeBybit implements AutoCloseable {

    /** The key and secret the fake accepts. */
    public static final BybitCredentials CREDENTIALS = new BybitCredentials("fakeKey4b1d8e2a9c",
            "FAKESECRET7e3a91c4d2b6f0a8e5c1d9b3f7a2");

    final SimulatedExchange sim;
    final FakeWire wire = new FakeWire();
    final FakeFaults faults = new FakeFaults();
    final FakeLimits limits = new FakeLimits(this::now);
    final Map<String, FakeInstrument> listed = new ConcurrentHashMap<>();
    /** The terms of contracts listed as something the adapter does not trade; any other is a trading USDT perpetual. */
    final Map<String, FakeWire.Terms> terms = new ConcurrentHashMap<>();
    final Map<String, BigDecimal> lastPrice = new ConcurrentHashMap<>();
    final Map<String, List<FakeRiskLimit>> riskLimits = new ConcurrentHashMap<>();
    final List<OrderRequest> accepted = new CopyOnWriteArrayList<>();
    final FakeSockets sockets;
    final FakePushes pushes;
    private final MockWebServer server = new MockWebServer();
    private final FakeRest rest;
    private volatile long clockOffsetMs;
    private final AtomicLong pacedMs = new AtomicLong();
    private volatile long frozenAtMs;

    private FakeBybit(SimSettings settings) {
        this.sim = new SimulatedExchange(new SimClock(System.currentTimeMillis()), settings, new BybitDialect());
        this.rest = new FakeRest(this, new FakeOrderBook(this));
        this.sockets = new FakeSockets(this);
        this.pushes = new FakePushes(this, sockets);
        sim.watchOrders(pushes::order);
        sim.watchAccount(pushes::account);
    }

    /**
     * A fake listing one contract at an opening price. A trade at a resting order's price fills it (the {@code touch}
     * fill model): tests steer fills with such trades.
     */
    public static FakeBybit start(FakeInstrument instrument, BigDecimal openingPrice) {
        return start(SimSettings.defaults().withFillModel(FillModel.TOUCH), instrument, openingPrice);
    }

    public static FakeBybit start(SimSettings settings, FakeInstrument instrument, BigDecimal openingPrice) {
        FakeBybit fake = new FakeBybit(settings);
        fake.list(instrument, openingPrice);
        fake.server.setDispatcher(fake.rest);
        fake.server.setServerSocketFactory(new NoDelaySockets());
        try {
            fake.server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fake;
    }

    /** Lists another contract. */
    public FakeBybit list(FakeInstrument instrument, BigDecimal openingPrice) {
        listed.put(instrument.symbol(), instrument);
        lastPrice.put(instrument.symbol(), openingPrice);
        sim.list(instrument.simRules(), openingPrice);
        sim.watchTicker(instrument.symbol(), pushes::ticker);
        return this;
    }

    /**
     * Lists another contract as Bybit lists one the adapter does not trade: a {@code status} other than Trading
     * ({@code PreLaunch}, {@code Settling}), a dated future ({@code LinearFutures}), or settled in {@code USDC}.
     */
    public FakeBybit listAs(FakeInstrument instrument, BigDecimal openingPrice, String contractType, String status,
            String settleCoin) {
        terms.put(instrument.symbol(), new FakeWire.Terms(contractType, status, settleCoin));
        return list(instrument, openingPrice);
    }

    /** Publishes a listed contract's risk limit tiers, in the order Bybit is to send them. */
    public FakeBybit riskLimits(String symbol, List<FakeRiskLimit> tiers) {
        riskLimits.put(symbol, List.copyOf(tiers));
        return this;
    }

    public String restUrl() {
        return "http://" + server.getHostName() + ":" + server.getPort();
    }

    /** Settings pointing here: the fake's credentials, 500 ms to connect, 2 s a request. */
    public BybitSettings settings() {
        return BybitSettings.of(restUrl(), CREDENTIALS).withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2));
    }

    /**
     * REST calls to this fake whose pacing never sleeps: a wait moves the client's clock and the fake's together, so
     * a test runs through rate-limit windows at once and the fake still sees the requests spread out in time.
     */
    public BybitRest connect(BybitSettings settings, Consumer<String> doubt) {
        return BybitRest.open(settings, clientClock(), clientPause(), doubt);
    }

    /** The clock a client of this fake reads: the host's (or the frozen one), moved on by its pacing waits. */
    public LongSupplier clientClock() {
        return () -> wallMs() + pacedMs.get();
    }

    /** How a client of this fake waits when it paces itself: it moves both clocks, it never sleeps. */
    public RequestPacing.Pause clientPause() {
        return pacedMs::addAndGet;
    }

    public long pacedMs() {
        return pacedMs.get();
    }

    /** The fake's WebSocket host, without a route, as {@code GRIDBOT_BYBIT_STREAM_URL} takes it. */
    public String streamHost() {
        return "ws://" + server.getHostName() + ":" + server.getPort();
    }

    /**
     * Stream settings pointing here ({@code ws://…/v5/public/linear} and {@code /v5/private}): reconnect after 50 /
     * 100 / 150 ms, a ping at least every second and after 150 ms of silence, dead after 400 ms, 500 ms to connect.
     */
    public BybitStreamSettings streamSettings() {
        return new BybitStreamSettings(streamHost() + "/v5/public/linear", streamHost() + "/v5/private",
                Duration.ofMillis(500), List.of(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(150)),
                Duration.ofSeconds(1), Duration.ofMillis(150), Duration.ofMillis(400));
    }

    /** Cuts every WebSocket connection, as a network failure does. */
    public void dropStreams() {
        sockets.sessions.dropAll();
    }

    /** Stops answering and pushing on every WebSocket ({@code true}) without closing one; {@code false} serves again. */
    public void muteStreams(boolean mute) {
        sockets.sessions.mute(mute);
    }

    /** How many WebSocket connections of the route ({@code public}, {@code private}) are open. */
    public int connections(String route) {
        return sockets.sessions.open(route);
    }

    public int streamsOpened() {
        return sockets.sessions.opened();
    }

    public int failedAuths() {
        return sockets.failedAuths.get();
    }

    /** Every WebSocket {@code auth} signature received, oldest first. */
    public List<String> authSignaturesSeen() {
        return List.copyOf(sockets.authSignatures);
    }

    public int pingsAnswered() {
        return sockets.pings.get();
    }

    /**
     * Whether a connection of the route ({@code public}, {@code private}) has subscribed to the topic: a frame sent
     * before it may reach a client that is not listening for it yet.
     */
    public boolean subscribed(String route, String topic) {
        return sockets.subscribed(route, topic);
    }

    /** Sends a frame of one's own to every connection of the route (malformed or unknown pushes). */
    public void rawFrame(String route, String frame) {
        sockets.sessions.raw(route, frame);
    }

    /** The market trades {@code qty} ({@code null}: unlimited) at {@code price}; resting orders it reaches fill. */
    public void trade(String symbol, BigDecimal price, BigDecimal qty) {
        lastPrice.put(symbol, price);
        sim.trade(symbol, price, qty, Math.max(now(), sim.clock().nowMs() + 1));
    }

    /** The simulated venue behind the fake (its state is the truth the wire reports). */
    public SimulatedExchange venue() {
        return sim;
    }

    public FakeFaults faults() {
        return faults;
    }

    /** Puts the account's USDT contracts in hedge mode ({@code true}) or one-way mode (the default). */
    public FakeBybit hedgeMode(boolean hedge) {
        try {
            sim.changePositionMode(hedge ? PositionMode.HEDGE : PositionMode.ONE_WAY);
        } catch (ExchangeException e) {
            throw new IllegalStateException("the fake's account cannot change its position mode now: " + e.venueMessage(), e);
        }
        return this;
    }

    /** Whether the fake counts Bybit's rate limits (on by default). */
    public FakeBybit enforceRateLimits(boolean on) {
        limits.enforce(on);
        return this;
    }

    /** Moves the fake's clock against the host's (the client must keep its offset in sync). */
    public void skewClock(long offsetMs) {
        this.clockOffsetMs = offsetMs;
    }

    /** Stops the wall clock under the fake and its clients: only pacing waits and {@link #skewClock} move time. */
    public FakeBybit freezeClock() {
        frozenAtMs = System.currentTimeMillis();
        return this;
    }

    /** The fake's time. */
    public long now() {
        return wallMs() + clockOffsetMs + pacedMs.get();
    }

    private long wallMs() {
        long frozen = frozenAtMs;
        return frozen != 0 ? frozen : System.currentTimeMillis();
    }

    /** Every request line received ({@code METHOD /path?query}), oldest first. */
    public List<String> requestsSeen() {
        return List.copyOf(rest.targets);
    }

    /** Every request body received, oldest first. */
    public List<String> bodiesSeen() {
        return List.copyOf(rest.bodies);
    }

    /** Every order the venue accepted (regular and conditional), oldest first. */
    public List<OrderRequest> ordersAccepted() {
        return List.copyOf(accepted);
    }

    /** Every {@code X-BAPI-SIGN} received, oldest first. */
    public List<String> signaturesSeen() {
        return List.copyOf(rest.signatures);
    }

    public int badSignatures() {
        return rest.badSignatures.get();
    }

    public int goodSignatures() {
        return rest.goodSignatures.get();
    }

    /** How many requests the fake refused for Bybit's rate limits. */
    public int rateLimited() {
        return rest.rateLimited.get();
    }

    @Override
    public void close() {
        sockets.sessions.dropAll();
        sim.close();
        server.close();
    }
}
