package io.gridbot.exchange.okx.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridbot.core.event.GridEvent.StreamState;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.Subscription;
import io.gridbot.exchange.wire.ServerClock;
import io.gridbot.exchange.okx.sign.OkxCredentials;
import io.gridbot.exchange.okx.sign.OkxSigner;
import io.gridbot.exchange.okx.wire.OkxJson;
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
 * The adapter's OKX streams: {@code tickers} and {@code books5} on the public socket, {@code orders},
 * {@code positions} and {@code account} on the private one and {@code orders-algo} on the business one (both
 * logged in), each opened when first asked for. When a socket is lost (failed, closed, silent past the keep-alive
 * limit, or refused) it reports {@code DISCONNECTED}, closes them all and retries on the settings' schedule,
 * reporting {@code RECONNECTING} with the attempt number; an attempt reopens every socket with all its channels and
 * runs the resync, and only then reports {@code CONNECTED}. After the last failed attempt it reports
 * {@code GAVE_UP} and tries no more. Every state change and attempt runs on one thread, so health subscribers see
 * one event at a time.
 */
public final class OkxStreams implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OkxStreams.class);
    private static final long TICK_MS = 50;

    /** Brings the adapter's view of orders and positions up to date after a reconnect. */
    @FunctionalInterface
    public interface Resync {
        void run() throws Exception;
    }

    private enum Phase { IDLE, CONNECTED, RECOVERING, GAVE_UP, CLOSED }

    private final OkxStreamSettings settings;
    private final ServerClock clock;
    private final ObjectMapper json = OkxJson.mapper();
    private final PushDecoder decoder;
    private final List<OkxSocket> sockets;
    private final OkxSocket publicSocket;
    private final OkxSocket privateSocket;
    private final OkxSocket businessSocket;
    private final Subscribers<TickerEvent> tickers = new Subscribers<>();
    private final Subscribers<DepthEvent> depths = new Subscribers<>();
    private final Subscribers<OrderEvent> orders = new Subscribers<>();
    private final Subscribers<AccountEvent> accounts = new Subscribers<>();
    private final Subscribers<StreamHealthEvent> health = new Subscribers<>();
    private final ScheduledExecutorService thread;
    private volatile Resync resync = () -> { };
    private volatile Phase phase = Phase.IDLE;

    /** @param sizes the contract size of each instrument, as the REST side knows it */
    public OkxStreams(OkxStreamSettings settings, OkHttpClient http, OkxCredentials credentials, ServerClock clock,
            ContractSizes sizes) {
        this.settings = settings;
        this.clock = clock;
        this.decoder = new PushDecoder(json, sizes);
        OkxSigner signer = new OkxSigner(credentials.secret());
        Supplier<ObjectNode> login = () -> {
            long seconds = clock.nowMs() / 1000; // OKX's login timestamp is in seconds
            return json.createObjectNode().put("apiKey", credentials.apiKey()).put("passphrase", credentials.passphrase())
                    .put("timestamp", Long.toString(seconds)).put("sign", signer.signLogin(seconds));
        };
        this.publicSocket = socket("public socket", settings.publicUrl(), http, null);
        this.privateSocket = socket("private socket", settings.privateUrl(), http, login);
        this.businessSocket = socket("business socket", settings.businessUrl(), http, login);
        this.sockets = List.of(publicSocket, privateSocket, businessSocket);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "okx-streams");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::keepAlive, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    private OkxSocket socket(String name, String url, OkHttpClient http, Supplier<ObjectNode> login) {
        return new OkxSocket(name, url, http, settings, json, OkxStreams::monotonicMs, login, this::onPush, this::lost,
                notice -> run(() -> onLost("OKX notice " + notice, true)));
    }

    public void resyncWith(Resync resync) {
        this.resync = resync;
    }

    public Subscription watchTicker(String instId, Consumer<TickerEvent> listener) {
        Subscription s = tickers.add(instId, listener);
        want(publicSocket, arg("tickers").put("instId", instId));
        return s;
    }

    public Subscription watchDepth(String instId, Consumer<DepthEvent> listener) {
        Subscription s = depths.add(instId, listener);
        want(publicSocket, arg("books5").put("instId", instId));
        return s;
    }

    /** Orders and the protective stop: {@code orders} on the private socket, {@code orders-algo} on the business one. */
    public Subscription watchOrders(Consumer<OrderEvent> listener) {
        Subscription s = orders.add(null, listener);
        want(privateSocket, arg("orders").put("instType", "SWAP"));
        want(businessSocket, arg("orders-algo").put("instType", "SWAP"));
        return s;
    }

    public Subscription watchAccount(Consumer<AccountEvent> listener) {
        Subscription s = accounts.add(null, listener);
        want(privateSocket, arg("positions").put("instType", "SWAP"));
        want(privateSocket, arg("account"));
        return s;
    }

    /** Hands an account event of the adapter's own (a resync's positions) to the account subscribers. */
    public void deliver(AccountEvent event) {
        accounts.deliver(null, event);
    }

    public Subscription watchHealth(Consumer<StreamHealthEvent> listener) {
        return health.add(null, listener);
    }

    private ObjectNode arg(String channel) {
        return json.createObjectNode().put("channel", channel);
    }

    /**
     * Adds a channel. With the streams up, the socket subscribes now (opening first if it had nothing to carry);
     * while they recover, the next attempt opens it with the rest.
     */
    private synchronized void want(OkxSocket socket, ObjectNode arg) {
        boolean opening = !socket.wanted();
        try {
            socket.subscribe(arg);
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
     * The venue's state is in doubt (a push or an answer named a value the adapter does not know): the streams
     * reconnect at once, without the first delay, and the resync reads the venue's state again.
     */
    public void doubt(String why) {
        run(() -> onLost(why, true));
    }

    private synchronized void onLost(String reason, boolean immediate) {
        if (phase != Phase.CONNECTED) {
            return;
        }
        phase = Phase.RECOVERING;
        LOG.warn("OKX stream lost: {}; reconnecting", reason);
        report(StreamState.DISCONNECTED, 0, reason);
        disconnectAll();
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
            for (OkxSocket s : sockets) {
                if (s.wanted()) {
                    s.connect();
                }
            }
            resync.run();
            phase = Phase.CONNECTED;
            LOG.info("OKX streams reconnected on attempt {}", n);
            report(StreamState.CONNECTED, n, "reconnected and resynchronised");
        } catch (Exception e) {
            LOG.warn("OKX reconnect attempt {} failed: {}", n, e.getMessage());
            disconnectAll();
            if (phase == Phase.CLOSED) {
                return;
            }
            if (n < settings.reconnectDelays().size()) {
                schedule(n + 1, settings.reconnectDelays().get(n).toMillis());
            } else {
                phase = Phase.GAVE_UP;
                LOG.error("OKX streams gave up after {} reconnect attempts", n);
                report(StreamState.GAVE_UP, n, "reconnect attempts exhausted");
            }
        }
    }

    private void keepAlive() {
        if (phase != Phase.CONNECTED) {
            return;
        }
        long now = monotonicMs();
        for (OkxSocket s : sockets) {
            s.keepAlive(now);
        }
    }

    /** A socket's silence is measured on the machine's monotonic clock: the venue's time may be a test's, or jump. */
    private static long monotonicMs() {
        return System.nanoTime() / 1_000_000;
    }

    private void onPush(JsonNode frame) {
        JsonNode arg = frame.path("arg");
        JsonNode data = frame.path("data");
        String channel = arg.path("channel").asText();
        try {
            switch (channel) {
                case "tickers" -> {
                    for (JsonNode d : data) {
                        TickerEvent t = decoder.ticker(d);
                        tickers.deliver(t.symbol(), t);
                    }
                }
                case "books5" -> {
                    String instId = arg.path("instId").asText();
                    for (JsonNode d : data) {
                        depths.deliver(instId, decoder.depth(instId, d));
                    }
                }
                case "orders" -> {
                    for (JsonNode d : data) {
                        orders.deliver(null, decoder.order(d));
                    }
                }
                case "orders-algo" -> {
                    for (JsonNode d : data) {
                        orders.deliver(null, decoder.algoOrder(d));
                    }
                }
                case "positions" -> accounts.deliver(null, decoder.positions(data, clock.nowMs()));
                case "account" -> accounts.deliver(null, decoder.account(data, clock.nowMs()));
                default -> { } // a channel not asked for
            }
        } catch (IOException | ExchangeException | RuntimeException e) {
            // a push the adapter cannot read may hide a fill: reconnecting at once resynchronises the grid
            doubt("a " + channel + " push could not be read (" + e.getMessage() + ")");
        }
    }

    private void disconnectAll() {
        sockets.forEach(OkxSocket::disconnect);
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
        disconnectAll();
    }
}
