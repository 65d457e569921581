package io.gridbot.exchange.okx.fake;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.fake.NoDelaySockets;
import io.gridbot.exchange.okx.OkxRest;
import io.gridbot.exchange.okx.OkxSettings;
import io.gridbot.exchange.okx.limits.RequestPacing;
import io.gridbot.exchange.okx.sign.OkxCredentials;
import io.gridbot.exchange.okx.stream.OkxStreamSettings;
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
 * An in-process fake of OKX's REST API v5 for USDT swaps, on loopback, speaking OKX's wire format (paths, JSON
 * bodies, the {@code code} / {@code msg} / {@code data} envelope with {@code sCode} per item, sizes in contracts,
 * OKX's error codes and HTTP statuses), checking every private request's key, passphrase, timestamp window and
 * signature and the demo-trading header, and counting OKX's documented rate limits. Behind it the
 * {@link SimulatedExchange}, trading the base asset, matches orders so they really rest and fill: steer it with
 * {@link #trade}, break it with {@link #faults()}.
 */
public final class FakeOkx implements AutoCloseable {

    /** The key, secret and passphrase the fake accepts. */
    public static final OkxCredentials CREDENTIALS = new OkxCredentials("fakeKey-3d1c7a2e-9b0f-4e61-a5d8",
            "FAKESECRET5B7C2D9E1F3A6B8C0D2E4F", "fakePass#7");

    final SimulatedExchange sim;
    final FakeWire wire = new FakeWire();
    final FakeFaults faults = new FakeFaults();
    final FakeLimits limits = new FakeLimits(this::now);
    final Map<String, FakeInstrument> listed = new ConcurrentHashMap<>();
    /** The terms of swaps listed as something the adapter does not trade; any other is a live USDT linear swap. */
    final Map<String, FakeWire.Terms> terms = new ConcurrentHashMap<>();
    final Map<String, BigDecimal> lastPrice = new ConcurrentHashMap<>();
    final List<OrderRequest> accepted = new CopyOnWriteArrayList<>();
    final boolean simulated;
    private final MockWebServer server = new MockWebServer();
    final FakeSockets sockets;
    private final FakePushes pushes;
    private final FakeRest rest;
    private volatile long clockOffsetMs;
    private final AtomicLong pacedMs = new AtomicLong();
    private volatile long frozenAtMs;

    private FakeOkx(SimSettings settings, boolean simulated) {
        this.sim = new SimulatedExchange(new SimClock(System.currentTimeMillis()), settings, new OkxDialect());
        this.simulated = simulated;
        this.rest = new FakeRest(this);
        this.sockets = new FakeSockets(this);
        this.pushes = new FakePushes(this, sockets);
        sim.watchOrders(pushes::order);
        sim.watchAccount(pushes::account);
    }

    /**
     * A demo-trading fake (it requires {@code x-simulated-trading: 1}) listing one swap at an opening price. A trade
     * at a resting order's price fills it (the {@code touch} fill model): tests steer fills with such trades.
     */
    public static FakeOkx start(FakeInstrument instrument, BigDecimal openingPrice) {
        return start(SimSettings.defaults().withFillModel(FillModel.TOUCH), true, instrument, openingPrice);
    }

    /** A fake of the demo ({@code simulated}) or the production environment. */
    public static FakeOkx start(SimSettings settings, boolean simulated, FakeInstrument instrument, BigDecimal openingPrice) {
        FakeOkx fake = new FakeOkx(settings, simulated);
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

    /** Lists another swap. */
    public FakeOkx list(FakeInstrument instrument, BigDecimal openingPrice) {
        listed.put(instrument.instId(), instrument);
        lastPrice.put(instrument.instId(), openingPrice);
        sim.list(instrument.simRules(), openingPrice);
        sim.watchTicker(instrument.instId(), pushes::ticker);
        return this;
    }

    /**
     * Lists another swap as OKX lists one the adapter does not trade: a {@code state} other than live
     * ({@code suspend}, {@code preopen}), or settled in another currency ({@code USDC}, or the base coin of an
     * inverse swap, {@code ctType} {@code inverse}).
     */
    public FakeOkx listAs(FakeInstrument instrument, BigDecimal openingPrice, String state, String settleCcy,
            String ctType) {
        terms.put(instrument.instId(), new FakeWire.Terms(state, settleCcy, ctType));
        return list(instrument, openingPrice);
    }

    public String restUrl() {
        return "http://" + server.getHostName() + ":" + server.getPort();
    }

    /** Settings pointing here: the fake's credentials and environment, 500 ms to connect, 2 s a request. */
    public OkxSettings settings() {
        return OkxSettings.of(restUrl(), CREDENTIALS, simulated).withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2));
    }

    /**
     * REST calls to this fake whose pacing never sleeps: a wait moves the client's clock and the fake's together,
     * so a test runs through rate-limit windows at once and the fake still sees the requests spread out in time.
     */
    public OkxRest connect(OkxSettings settings, Consumer<String> doubt) {
        return OkxRest.open(settings, clientClock(), clientPause(), doubt);
    }

    /** The clock a client of this fake reads: the host's (or the frozen one), moved on by its pacing waits. */
    public LongSupplier clientClock() {
        return () -> wallMs() + pacedMs.get();
    }

    /** How a client of this fake waits when it paces itself: it moves both clocks, it never sleeps. */
    public RequestPacing.Pause clientPause() {
        return pacedMs::addAndGet;
    }

    /** How long the clients' pacing has waited so far, in the clocks' time. */
    public long pacedMs() {
        return pacedMs.get();
    }

    /** The fake's WebSocket host, without a route, as {@code GRIDBOT_OKX_STREAM_URL} takes it. */
    public String streamHost() {
        return "ws://" + server.getHostName() + ":" + server.getPort();
    }

    /**
     * Stream settings pointing here ({@code ws://…/ws/v5/public}, {@code private}, {@code business}): reconnect
     * after 50 / 100 / 150 ms, ping after 150 ms of silence, dead after 400 ms, 500 ms to connect.
     */
    public OkxStreamSettings streamSettings() {
        String base = "ws://" + server.getHostName() + ":" + server.getPort() + "/ws/v5/";
        return new OkxStreamSettings(base + "public", base + "private", base + "business", Duration.ofMillis(500),
                List.of(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(150)), Duration.ofMillis(150),
                Duration.ofMillis(400));
    }

    /** Cuts every WebSocket connection, as a network failure does. */
    public void dropStreams() {
        sockets.sessions.dropAll();
    }

    /**
     * Stops answering and pushing on every WebSocket ({@code true}) without closing one, as a connection that died
     * silently does; {@code false} serves them again.
     */
    public void muteStreams(boolean mute) {
        sockets.sessions.mute(mute);
    }

    /** How many WebSocket connections of the route ({@code public}, {@code private}, {@code business}) are open. */
    public int connections(String route) {
        return sockets.sessions.open(route);
    }

    /** How many WebSocket connections were opened so far. */
    public int streamsOpened() {
        return sockets.sessions.opened();
    }

    /** How many WebSocket logins the fake refused. */
    public int failedLogins() {
        return sockets.failedLogins.get();
    }

    /** Every WebSocket login's {@code sign} received, oldest first. */
    public List<String> loginSignaturesSeen() {
        return List.copyOf(sockets.loginSignatures);
    }

    /** How many {@code ping} frames the fake answered. */
    public int pingsAnswered() {
        return sockets.pings.get();
    }

    /**
     * Whether a connection of the route ({@code public}, {@code private}) has subscribed to the channel: a frame
     * sent before it would reach no one.
     */
    public boolean subscribed(String route, String channel) {
        return sockets.subscribed(route, channel);
    }

    /** Sends a frame of one's own to every connection of the route (malformed or unknown pushes). */
    public void rawFrame(String route, String frame) {
        sockets.sessions.raw(route, frame);
    }

    /** The market trades {@code baseQty} of the base asset ({@code null}: unlimited) at {@code price}; resting orders it reaches fill. */
    public void trade(String instId, BigDecimal price, BigDecimal baseQty) {
        lastPrice.put(instId, price);
        sim.trade(instId, price, baseQty, Math.max(now(), sim.clock().nowMs() + 1));
    }

    /** The simulated venue behind the fake (its state is the truth the wire reports), in base-asset quantities. */
    public SimulatedExchange venue() {
        return sim;
    }

    public FakeFaults faults() {
        return faults;
    }

    /** Puts the account in long/short position mode ({@code true}) or net mode (the default). */
    public FakeOkx longShortMode(boolean longShort) {
        try {
            sim.changePositionMode(longShort ? PositionMode.HEDGE : PositionMode.ONE_WAY);
        } catch (ExchangeException e) {
            throw new IllegalStateException("the fake's account cannot change its position mode now: " + e.venueMessage(), e);
        }
        return this;
    }

    /** Whether the fake counts OKX's rate limits (on by default). */
    public FakeOkx enforceRateLimits(boolean on) {
        limits.enforce(on);
        return this;
    }

    /** Moves the fake's clock against the host's (the client must keep its offset in sync). */
    public void skewClock(long offsetMs) {
        this.clockOffsetMs = offsetMs;
    }

    public long clockOffsetMs() {
        return clockOffsetMs;
    }

    /**
     * Stops the wall clock under the fake and its clients (see {@link #connect}): from now on only pacing waits and
     * {@link #skewClock} move time, so a test of the pacing does not depend on how fast the machine answers.
     */
    public FakeOkx freezeClock() {
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

    /** Every order the venue accepted (regular and conditional), oldest first, in base-asset terms. */
    public List<OrderRequest> ordersAccepted() {
        return List.copyOf(accepted);
    }

    /** Every {@code OK-ACCESS-SIGN} received, oldest first. */
    public List<String> signaturesSeen() {
        return List.copyOf(rest.signatures);
    }

    /** How many private requests the fake refused for their signature. */
    public int badSignatures() {
        return rest.badSignatures.get();
    }

    /** How many private requests the fake authenticated. */
    public int goodSignatures() {
        return rest.goodSignatures.get();
    }

    /** How many requests the fake refused for OKX's rate limits. */
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
