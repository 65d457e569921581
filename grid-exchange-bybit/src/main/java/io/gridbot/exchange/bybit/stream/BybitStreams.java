package io.gridbot.exchange.bybit.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.gridbot.core.event.GridEvent.StreamState;
import io.gridbot.exchange.Subscription;
import io.gridbot.exchange.wire.ServerClock;
import io.gridbot.exchange.bybit.sign.BybitCredentials;
import io.gridbot.exchange.bybit.sign.BybitSigner;
import io.gridbot.exchange.bybit.wire.BybitJson;
import io.gridbot.exchange.stream.AccountEvent;
import io.gridbot.exchange.stream.DepthEvent;
import io.gridbot.exchange.stream.OrderEvent;
import io.gridbot.exchange.stream.StreamHealthEvent;
import io.gridbot.exchange.stream.TickerEvent;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter's Bybit streams: {@code tickers}, {@code publicTrade} and {@code orderbook.1} on the public linear
 * socket, {@code order}, {@code execution}, {@code position} and {@code wallet} on the private one (authenticated),
 * each socket opened when first asked for. When a socket is lost (failed, closed, silent past the keep-alive limit,
 * or refused) it reports {@code DISCONNECTED}, closes both and retries on the settings' schedule, reporting
 * {@code RECONNECTING} with the attempt number; an attempt reopens every socket with all its topics and runs the
 * resync, and only then reports {@code CONNECTED}. After the last failed attempt it reports {@code GAVE_UP} and tries
 * no more. Every state change and attempt runs on one thread, so health subscribers see one event at a time.
 */
public final class BybitStreams implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BybitStreams.class);
    private static final long TICK_MS = 50;
    /** How far ahead an {@code auth} expires: Bybit wants an expiry after its own time. */
    private static final long AUTH_VALID_MS = 10_000;

    /** Brings the adapter's view of orders and positions up to date after a reconnect. */
    @FunctionalInterface
    public interface Resync {
        void run() throws Exception;
    }

    private enum Phase { IDLE, CONNECTED, RECOVERING, GAVE_UP, CLOSED }

    private final BybitStreamSettings settings;
    private final ServerClock clock;
    private final ObjectMapper json = BybitJson.mapper();
    private final PushDecoder decoder;
    private final BybitSocket publicSocket;
    private final BybitSocket privateSocket;
    private final List<BybitSocket> sockets;
    private final Subscribers<TickerEvent> tickers = new Subscribers<>();
    private final Subscribers<DepthEvent> depths = new Subscribers<>();
    private final Subscribers<OrderEvent> orders = new Subscribers<>();
    private final Subscribers<AccountEvent> accounts = new Subscribers<>();
    private final Subscribers<StreamHealthEvent> health = new Subscribers<>();
    private final ScheduledExecutorService thread;
    private volatile Resync resync = () -> { };
    private volatile Phase phase = Phase.IDLE;

    /** @param legs each order's position leg, as the REST side learns it */
    public BybitStreams(BybitStreamSettings settings, OkHttpClient http, BybitCredentials credentials, ServerClock clock,
            OrderLegs legs) {
        this.settings = settings;
        this.clock = clock;
        this.decoder = new PushDecoder(json, legs);
        BybitSigner signer = new BybitSigner(credentials.secret());
        Supplier<ArrayNode> auth = () -> {
            long expires = clock.nowMs() + AUTH_VALID_MS;
            return json.createArrayNode().add(credentials.apiKey()).add(expires).add(signer.signAuth(expires));
        };
        this.publicSocket = new BybitSocket("public socket", settings.publicUrl(), http, settings, json,
                BybitStreams::monotonicMs, null, this::onPush, this::lost);
        this.privateSocket = new BybitSocket("private socket", settings.privateUrl(), http, settings, json,
                BybitStreams::monotonicMs, auth, this::onPush, this::lost);
        this.sockets = List.of(publicSocket, privateSocket);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bybit-streams");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::keepAlive, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    public void resyncWith(Resync resync) {
        this.resync = resync;
    }

    /** {@code tickers} for the best prices and {@code publicTrade} for each trade's price and size. */
    public Subscription watchTicker(String symbol, Consumer<TickerEvent> listener) {
        Subscription s = tickers.add(symbol, listener);
        want(publicSocket, "tickers." + symbol);
        want(publicSocket, "publicTrade." + symbol);
        return s;
    }

    public Subscription watchDepth(String symbol, Consumer<DepthEvent> listener) {
        Subscription s = depths.add(symbol, listener);
        want(publicSocket, "orderbook.1." + symbol);
        return s;
    }

    /** Order changes from {@code order}, fills from {@code execution}. */
    public Subscription watchOrders(Consumer<OrderEvent> listener) {
        Subscription s = orders.add(null, listener);
        want(privateSocket, "order");
        want(privateSocket, "execution");
        return s;
    }

    public Subscription watchAccount(Consumer<AccountEvent> listener) {
        Subscription s = accounts.add(null, listener);
        want(privateSocket, "position");
        want(privateSocket, "wallet");
        return s;
    }

    /** Hands an account event of the adapter's own (a resync's positions) to the account subscribers. */
    public void deliver(AccountEvent event) {
        accounts.deliver(null, event);
    }

    public Subscription watchHealth(Consumer<StreamHealthEvent> listener) {
        return health.add(null, listener);
    }

    /**
     * Adds a topic. With the streams up, the socket subscribes now (opening first if it had nothing to carry); while
     * they recover, the next attempt opens it with the rest.
     */
    private synchronized void want(BybitSocket socket, String topic) {
        boolean opening = !socket.wanted();
        try {
            socket.subscribe(topic);
            if (opening && (phase == Phase.IDLE || phase == Phase.CONNECTED)) {
                socket.connect();
                if (phase == Phase.IDLE) {
                    phase = Phase.CONNECTED;
                }
            }
        } catch (IOException e) {
            if (phase == Phase.IDLE) {
                phase = Phase.CONNECTED; // so the loss starts the reconnect schedule
            }
            lost(e.getMessage());
        }
    }

    /** True while every socket in use is believed open. */
    public boolean connected() {
        return phase == Phase.CONNECTED;
    }

    private void lost(String reason) {
        run(() -> onLost(reason, false));
    }

    /**
     * The venue's state is in doubt (a push named a value the adapter does not know): the streams reconnect at once,
     * without the first delay, and the resync reads the venue's state again.
     */
    public void doubt(String why) {
        run(() -> onLost(why, true));
    }

    private synchronized void onLost(String reason, boolean immediate) {
        if (phase != Phase.CONNECTED) {
            return;
        }
        phase = Phase.RECOVERING;
        LOG.warn("Bybit stream lost: {}; reconnecting", reason);
        report(StreamState.DISCONNECTED, 0, reason);
        sockets.forEach(BybitSocket::disconnect);
        schedule(1, immediate ? 0 : settings.reconnectDelays().getFirst().toMillis());
    }

    private void schedule(int attempt, long delayMs) {
        try {
            thread.schedule(() -> attempt(attempt), delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private synchronized void attempt(int n) {
        if (phase != Phase.RECOVERING) {
            return;
        }
        report(StreamState.RECONNECTING, n, "reconnect attempt " + n);
        try {
            for (BybitSocket s : sockets) {
                if (s.wanted()) {
                    s.connect();
                }
            }
            resync.run();
            phase = Phase.CONNECTED;
            LOG.info("Bybit streams reconnected on attempt {}", n);
            report(StreamState.CONNECTED, n, "reconnected and resynchronised");
        } catch (Exception e) {
            LOG.warn("Bybit reconnect attempt {} failed: {}", n, e.getMessage());
            sockets.forEach(BybitSocket::disconnect);
            if (phase == Phase.CLOSED) {
                return;
            }
            if (n < settings.reconnectDelays().size()) {
                schedule(n + 1, settings.reconnectDelays().get(n).toMillis());
            } else {
                phase = Phase.GAVE_UP;
                LOG.error("Bybit streams gave up after {} reconnect attempts", n);
                report(StreamState.GAVE_UP, n, "reconnect attempts exhausted");
            }
        }
    }

    private void keepAlive() {
        if (phase != Phase.CONNECTED) {
            return;
        }
        long now = monotonicMs();
        for (BybitSocket s : sockets) {
            s.keepAlive(now);
        }
    }

    /** A socket's silence is measured on the machine's monotonic clock: the venue's time may be a test's, or jump. */
    private static long monotonicMs() {
        return System.nanoTime() / 1_000_000;
    }

    private void onPush(JsonNode frame) {
        String topic = frame.path("topic").asText();
        try {
            if (topic.startsWith("tickers.")) {
                TickerEvent t = decoder.ticker(frame);
                tickers.deliver(t.symbol(), t);
            } else if (topic.startsWith("publicTrade.")) {
                decoder.trades(frame).forEach(t -> tickers.deliver(t.symbol(), t));
            } else if (topic.startsWith("orderbook.1.")) {
                DepthEvent d = decoder.depth(frame);
                depths.deliver(d.symbol(), d);
            } else {
                switch (topic) {
                    case "order" -> {
                        for (JsonNode d : frame.path("data")) {
                            decoder.order(d).ifPresent(e -> orders.deliver(null, e));
                        }
                    }
                    case "execution" -> {
                        for (JsonNode d : frame.path("data")) {
                            decoder.execution(d).ifPresent(e -> orders.deliver(null, e));
                        }
                    }
                    case "position" -> accounts.deliver(null, decoder.positions(frame.path("data"), clock.nowMs()));
                    case "wallet" -> accounts.deliver(null, decoder.wallet(frame.path("data"),
                            frame.path("creationTime").asLong(clock.nowMs())));
                    default -> { } // a topic not asked for
                }
            }
        } catch (IOException | RuntimeException e) {
            // a push the adapter cannot read may hide a fill: reconnecting at once resynchronises the grid
            doubt("a " + topic + " push could not be read (" + e.getMessage() + ")");
        }
    }

    private void report(StreamState state, int attempt, String reason) {
        health.deliver(null, new StreamHealthEvent(state, attempt, reason, clock.nowMs()));
    }

    private void run(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    /** Closes every socket for good. */
    @Override
    public void close() {
        phase = Phase.CLOSED;
        thread.shutdownNow();
        sockets.forEach(BybitSocket::disconnect);
    }
}
