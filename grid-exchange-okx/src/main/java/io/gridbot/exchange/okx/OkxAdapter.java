package io.gridbot.exchange.okx;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.exchange.Capabilities;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.OrderAck;
import io.gridbot.exchange.OrderState;
import io.gridbot.exchange.Subscription;
import io.gridbot.exchange.TradeRecord;
import io.gridbot.exchange.account.Balance;
import io.gridbot.exchange.account.PositionSnapshot;
import io.gridbot.exchange.okx.limits.RequestPacing;
import io.gridbot.exchange.okx.rest.OrderCalls;
import io.gridbot.exchange.okx.stream.OkxStreamSettings;
import io.gridbot.exchange.okx.stream.OkxStreams;
import io.gridbot.exchange.okx.wire.OkxSymbolRules;
import io.gridbot.exchange.stream.AccountEvent;
import io.gridbot.exchange.stream.DepthEvent;
import io.gridbot.exchange.stream.OrderEvent;
import io.gridbot.exchange.stream.StreamHealthEvent;
import io.gridbot.exchange.stream.TickerEvent;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OKX USDT-swap adapter: the SPI's requests over OKX's signed REST API v5, in the account's position mode
 * (net, or long/short where every order names its leg), with every quantity converted between the grid's base
 * asset and OKX's contracts. Open it with {@link #open(OkxSettings)}: it syncs the clock and reads the account's
 * configuration before returning. Opened with {@link OkxStreamSettings}, its {@code watch…} methods subscribe OKX's
 * WebSocket channels ({@link OkxStreams}): after every reconnect the streams resynchronise through REST (the clock,
 * each instrument's open orders and positions) before reporting {@code CONNECTED}. Opened without, every
 * {@code watch…} call is refused.
 */
public final class OkxAdapter implements ExchangeAdapter {

    /** What OKX can do: protective stops, hedge mode, and batches of up to twenty orders. */
    public static final Capabilities CAPABILITIES = new Capabilities(true, true, OrderCalls.BATCH_MAX);

    private static final Logger LOG = LoggerFactory.getLogger(OkxAdapter.class);

    private final OkxRest rest;
    private final OkxListing listing;
    private final OkxOrders orders;
    private final OkxAccount account;
    private final Set<String> symbols = ConcurrentHashMap.newKeySet();
    private volatile OkxStreams streams;
    private volatile OkHttpClient socketHttp;

    private OkxAdapter(OkxRest rest) {
        this.rest = rest;
        this.listing = new OkxListing(rest.instruments());
        this.orders = new OkxOrders(rest.orders(), rest.wire(), listing, symbols);
        this.account = new OkxAccount(rest.account(), rest.wire(), listing, rest.client().clock(), symbols);
    }

    /** Connects to OKX as the settings say; throws if the venue cannot be reached or refuses the key. */
    public static OkxAdapter open(OkxSettings settings) throws ExchangeException {
        return open(settings, System::currentTimeMillis, Thread::sleep);
    }

    /** As {@link #open(OkxSettings)}, on a clock and a way to wait of one's own (a test's, which never sleeps). */
    public static OkxAdapter open(OkxSettings settings, LongSupplier clock, RequestPacing.Pause pause)
            throws ExchangeException {
        // The REST answers are read before the adapter exists: their doubts reach it once it does.
        AtomicReference<OkxAdapter> opened = new AtomicReference<>();
        OkxAdapter adapter = new OkxAdapter(OkxRest.open(settings, clock, pause, why -> {
            OkxAdapter self = opened.get();
            if (self != null) {
                self.doubt(why);
            }
        }));
        opened.set(adapter);
        try {
            adapter.start();
        } catch (ExchangeException | RuntimeException e) {
            adapter.close();
            throw e;
        }
        return adapter;
    }

    /** As {@link #open(OkxSettings)}, with the WebSocket streams of {@code streams}. */
    public static OkxAdapter open(OkxSettings settings, OkxStreamSettings streams) throws ExchangeException {
        return open(settings, streams, System::currentTimeMillis, Thread::sleep);
    }

    /** As {@link #open(OkxSettings, OkxStreamSettings)}, on a clock and a way to wait of one's own. */
    public static OkxAdapter open(OkxSettings settings, OkxStreamSettings streams, LongSupplier clock,
            RequestPacing.Pause pause) throws ExchangeException {
        OkxAdapter adapter = open(settings, clock, pause);
        adapter.startStreams(streams, settings);
        return adapter;
    }

    private void startStreams(OkxStreamSettings settings, OkxSettings rest) {
        // No read timeout: a quiet socket is the keep-alive's to judge, with OKX's ping.
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(0, TimeUnit.MILLISECONDS).build();
        OkxStreams opened = new OkxStreams(settings, http, rest.credentials(), this.rest.client().clock(), listing::size);
        opened.resyncWith(this::resync);
        this.socketHttp = http;
        this.streams = opened;
    }

    /**
     * A REST answer named a value the adapter does not know: the grid's picture may be wrong, so the streams
     * reconnect at once and resynchronise, as for a push it could not read.
     */
    private void doubt(String why) {
        OkxStreams current = streams;
        if (current != null) {
            current.doubt("an answer could not be read (" + why + ")");
        }
    }

    /** After a reconnect: the clock again, then each instrument's open orders and positions over REST. */
    private void resync() throws ExchangeException {
        rest.client().syncTime();
        for (String symbol : symbols) {
            openOrders(symbol);
            List<PositionSnapshot> legs = positions(symbol);
            long at = legs.isEmpty() ? rest.client().clock().nowMs() : legs.getFirst().atMs();
            streams.deliver(new AccountEvent("RESYNC", List.of(), legs, at));
        }
    }

    private void start() throws ExchangeException {
        rest.client().syncTime();
        // Read once at open so an account whose mode cannot be read is refused before anything is sent; grids
        // compare it with their own mode when they start. The adapter never switches it unasked.
        LOG.info("OKX account in {} position mode", account.positionMode());
    }

    @Override
    public String venue() {
        return "okx";
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public SymbolRules symbolRules(String symbol) throws ExchangeException {
        return okxRules(symbol).core();
    }

    /** The swap's rules with its contract size and the bounds the core does not model. */
    public OkxSymbolRules okxRules(String symbol) throws ExchangeException {
        return listing.rules(symbol);
    }

    @Override
    public OrderAck createOrder(OrderRequest request) throws ExchangeException {
        return orders.create(request);
    }

    @Override
    public List<Result<OrderAck>> createOrders(List<OrderRequest> requests) {
        return orders.create(requests);
    }

    @Override
    public void cancelOrder(String symbol, String clientOrderId) throws ExchangeException {
        orders.cancel(symbol, clientOrderId);
    }

    @Override
    public void cancelAllOrders(String symbol) throws ExchangeException {
        orders.cancelAll(symbol);
    }

    @Override
    public List<OpenOrder> openOrders(String symbol) throws ExchangeException {
        return orders.open(symbol);
    }

    @Override
    public OrderState queryOrder(String symbol, String clientOrderId) throws ExchangeException {
        return orders.query(symbol, clientOrderId);
    }

    @Override
    public PositionSnapshot position(String symbol) throws ExchangeException {
        return account.position(symbol);
    }

    @Override
    public List<PositionSnapshot> positions(String symbol) throws ExchangeException {
        return account.positions(symbol);
    }

    /** {@code GET /api/v5/account/config}: {@code net_mode} is one-way, {@code long_short_mode} hedge. */
    @Override
    public PositionMode positionMode() throws ExchangeException {
        return account.positionMode();
    }

    /** {@code POST /api/v5/account/set-position-mode}, only when asked. */
    @Override
    public void changePositionMode(PositionMode mode) throws ExchangeException {
        account.changePositionMode(mode);
    }

    @Override
    public List<TradeRecord> trades(String symbol, long fromMs) throws ExchangeException {
        return account.trades(symbol, fromMs);
    }

    @Override
    public List<Balance> balances() throws ExchangeException {
        return account.balances();
    }

    @Override
    public OrderAck placeProtectiveStop(OrderRequest stop) throws ExchangeException {
        return orders.placeStop(stop);
    }

    @Override
    public void cancelProtectiveStop(String symbol, String clientOrderId) throws ExchangeException {
        orders.cancelStop(symbol, clientOrderId);
    }

    /** {@code tickers}: the last trade and the best bid and ask. */
    @Override
    public Subscription watchTicker(String symbol, Consumer<TickerEvent> listener) {
        symbols.add(symbol);
        return streams().watchTicker(symbol, listener);
    }

    /** {@code books5}: five levels a side, sizes in the base asset. */
    @Override
    public Subscription watchDepth(String symbol, Consumer<DepthEvent> listener) {
        symbols.add(symbol);
        return streams().watchDepth(symbol, listener);
    }

    /** {@code orders} and {@code orders-algo} (the protective stop). */
    @Override
    public Subscription watchOrders(Consumer<OrderEvent> listener) {
        return streams().watchOrders(listener);
    }

    /** {@code positions} and {@code account}. */
    @Override
    public Subscription watchAccount(Consumer<AccountEvent> listener) {
        return streams().watchAccount(listener);
    }

    @Override
    public Subscription watchHealth(Consumer<StreamHealthEvent> listener) {
        return streams().watchHealth(listener);
    }

    private OkxStreams streams() {
        OkxStreams open = streams;
        if (open == null) {
            throw new UnsupportedOperationException("this OKX adapter was opened without stream settings; "
                    + "open it with OkxStreamSettings to watch the market, orders or the account");
        }
        return open;
    }

    @Override
    public void close() {
        OkxStreams open = streams;
        if (open != null) {
            open.close();
        }
        OkHttpClient http = socketHttp;
        if (http != null) {
            // the sockets' client threads would otherwise linger for a minute after the adapter is gone
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        rest.client().close();
    }
}
