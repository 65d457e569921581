package io.gridbot.exchange.bybit;

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
import io.gridbot.exchange.bybit.limits.RequestPacing;
import io.gridbot.exchange.bybit.rest.OrderCalls;
import io.gridbot.exchange.bybit.stream.BybitStreamSettings;
import io.gridbot.exchange.bybit.stream.BybitStreams;
import io.gridbot.exchange.bybit.stream.OrderLegs;
import io.gridbot.exchange.bybit.wire.BybitSymbolRules;
import io.gridbot.exchange.stream.AccountEvent;
import io.gridbot.exchange.stream.DepthEvent;
import io.gridbot.exchange.stream.OrderEvent;
import io.gridbot.exchange.stream.StreamHealthEvent;
import io.gridbot.exchange.stream.TickerEvent;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bybit USDT-perpetual adapter: the SPI's requests over Bybit's signed REST API v5 ({@code category}
 * {@code linear}, quantities in the base coin), in the symbols' position mode (one-way, or hedge where every order
 * names its leg by {@code positionIdx}). Open it with {@link #open(BybitSettings)}: it syncs the clock and reads
 * the unified wallet (a signed call, so wrong credentials are refused at open) before returning. Opened with {@link BybitStreamSettings}, its {@code watch…} methods subscribe Bybit's WebSocket topics
 * ({@link BybitStreams}): after every reconnect the streams resynchronise through REST (the clock, each symbol's open
 * orders and positions) before reporting {@code CONNECTED}. Opened without, every {@code watch…} call is refused.
 */
public final class BybitAdapter implements ExchangeAdapter {

    /** What Bybit can do: protective stops (conditional orders), hedge mode, and batches of up to twenty orders. */
    public static final Capabilities CAPABILITIES = new Capabilities(true, true, OrderCalls.BATCH_MAX);

    private static final Logger LOG = LoggerFactory.getLogger(BybitAdapter.class);

    private final BybitRest rest;
    private final BybitListing listing;
    private final BybitOrders orders;
    private final BybitAccount account;
    private final OrderLegs legs = new OrderLegs();
    private final Set<String> symbols = ConcurrentHashMap.newKeySet();
    private volatile BybitStreams streams;
    private volatile OkHttpClient socketHttp;

    private BybitAdapter(BybitRest rest) {
        this.rest = rest;
        this.listing = new BybitListing(rest.instruments(), symbols);
        this.orders = new BybitOrders(rest.orders(), rest.wire(), listing, legs);
        this.account = new BybitAccount(rest.account(), rest.wire(), listing, rest.client().clock(), symbols);
    }

    /** Connects to Bybit as the settings say; throws if the venue cannot be reached or refuses the key. */
    public static BybitAdapter open(BybitSettings settings) throws ExchangeException {
        return open(settings, System::currentTimeMillis, Thread::sleep);
    }

    /** As {@link #open(BybitSettings)}, on a clock and a way to wait of one's own (a test's, which never sleeps). */
    public static BybitAdapter open(BybitSettings settings, LongSupplier clock, RequestPacing.Pause pause)
            throws ExchangeException {
        BybitAdapter adapter = new BybitAdapter(BybitRest.open(settings, clock, pause,
                why -> LOG.warn("the venue's state is in doubt: {}", why)));
        try {
            adapter.rest.client().syncTime();
            // A signed read at open, so a wrong key or secret is refused before a grid sends anything.
            LOG.info("Bybit {} account opened", adapter.rest.account().wallet().accountType());
        } catch (ExchangeException | RuntimeException e) {
            adapter.close();
            throw e;
        }
        return adapter;
    }

    /** As {@link #open(BybitSettings)}, with the WebSocket streams of {@code streams}. */
    public static BybitAdapter open(BybitSettings settings, BybitStreamSettings streams) throws ExchangeException {
        return open(settings, streams, System::currentTimeMillis, Thread::sleep);
    }

    /** As {@link #open(BybitSettings, BybitStreamSettings)}, on a clock and a way to wait of one's own. */
    public static BybitAdapter open(BybitSettings settings, BybitStreamSettings streams, LongSupplier clock,
            RequestPacing.Pause pause) throws ExchangeException {
        BybitAdapter adapter = open(settings, clock, pause);
        // No read timeout: a quiet socket is the keep-alive's to judge, with Bybit's ping.
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(streams.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(0, TimeUnit.MILLISECONDS).build();
        BybitStreams opened = new BybitStreams(streams, http, settings.credentials(), adapter.rest.client().clock(),
                adapter.legs);
        opened.resyncWith(adapter::resync);
        adapter.socketHttp = http;
        adapter.streams = opened;
        return adapter;
    }

    /** After a reconnect: the clock again, then each symbol's open orders and positions over REST. */
    private void resync() throws ExchangeException {
        rest.client().syncTime();
        for (String symbol : symbols) {
            openOrders(symbol);
            List<PositionSnapshot> positions = positions(symbol);
            long at = positions.isEmpty() ? rest.client().clock().nowMs() : positions.getFirst().atMs();
            streams.deliver(new AccountEvent("RESYNC", List.of(), positions, at));
        }
    }

    @Override
    public String venue() {
        return BybitVenueProvider.CODE;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public SymbolRules symbolRules(String symbol) throws ExchangeException {
        return bybitRules(symbol).core();
    }

    /** The contract's rules with the bounds the core does not model. */
    public BybitSymbolRules bybitRules(String symbol) throws ExchangeException {
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

    /** Cancels these orders of one symbol in batches of 20 ({@code /v5/order/cancel-batch}). */
    public void cancelOrders(String symbol, List<String> clientOrderIds) throws ExchangeException {
        orders.cancel(symbol, clientOrderIds);
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

    /** The mode of the symbols in use ({@code positionIdx} 0, or 1 and 2, on their position lists). */
    @Override
    public PositionMode positionMode() throws ExchangeException {
        return account.positionMode();
    }

    /** {@code POST /v5/position/switch-mode}, only when asked. */
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

    @Override
    public Subscription watchTicker(String symbol, Consumer<TickerEvent> listener) {
        symbols.add(symbol);
        return streams().watchTicker(symbol, listener);
    }

    @Override
    public Subscription watchDepth(String symbol, Consumer<DepthEvent> listener) {
        symbols.add(symbol);
        return streams().watchDepth(symbol, listener);
    }

    @Override
    public Subscription watchOrders(Consumer<OrderEvent> listener) {
        return streams().watchOrders(listener);
    }

    @Override
    public Subscription watchAccount(Consumer<AccountEvent> listener) {
        return streams().watchAccount(listener);
    }

    @Override
    public Subscription watchHealth(Consumer<StreamHealthEvent> listener) {
        return streams().watchHealth(listener);
    }

    private BybitStreams streams() {
        BybitStreams open = streams;
        if (open == null) {
            throw new UnsupportedOperationException("this Bybit adapter was opened without stream settings; "
                    + "open it with BybitStreamSettings to watch the market, orders or the account");
        }
        return open;
    }

    @Override
    public void close() {
        BybitStreams open = streams;
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
