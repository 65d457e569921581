package io.gridbot.exchange.binance;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.gridbot.exchange.binance.limits.RequestBudget;
import io.gridbot.exchange.binance.rest.AccountCalls;
import io.gridbot.exchange.binance.rest.BinanceRestClient;
import io.gridbot.exchange.binance.rest.ErrorClassifier;
import io.gridbot.exchange.binance.rest.ListenKeyCalls;
import io.gridbot.exchange.binance.rest.MarketDataCalls;
import io.gridbot.exchange.binance.rest.OrderCalls;
import io.gridbot.exchange.wire.ServerClock;
import io.gridbot.exchange.binance.rest.WireReader;
import io.gridbot.exchange.binance.stream.VenueStreams;
import io.gridbot.exchange.binance.wire.BinanceSymbolRules;
import io.gridbot.exchange.binance.wire.WireJson;
import io.gridbot.exchange.stream.AccountEvent;
import io.gridbot.exchange.stream.DepthEvent;
import io.gridbot.exchange.stream.OrderEvent;
import io.gridbot.exchange.stream.StreamHealthEvent;
import io.gridbot.exchange.stream.TickerEvent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Binance USDⓈ-M futures adapter: the SPI over signed REST calls and WebSocket streams, in the
 * account's position mode, one-way or hedge (orders then name their leg). Open it with
 * {@link #open(BinanceSettings)}: it syncs the clock, loads exchangeInfo, reads the account's position mode
 * and connects the user-data stream before returning; market streams
 * open with the first subscription. The REST calls live in {@code rest} (one type per concern, answering with
 * wire records), their mapping to neutral values in {@code wire.NeutralMapper}, their failures in
 * {@link ErrorClassifier}, the streams in {@link VenueStreams}; this type composes them.
 */
public final class BinanceAdapter implements ExchangeAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceAdapter.class);
    private static final int BATCH_MAX = 5;
    /** Protective stops on the algo endpoint, hedge mode, and batches of five. */
    static final Capabilities CAPABILITIES = new Capabilities(true, true, BATCH_MAX);

    private final OkHttpClient http;
    private final BinanceRestClient rest;
    private final ListedSymbols listed;
    private final VenueOrders orders;
    private final VenueAccount positions;
    private final VenueStreams streams;
    /** Every symbol in use: a reconnect resynchronises each. */
    private final Set<String> symbols = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private BinanceAdapter(BinanceSettings settings, OkHttpClient http, AdapterTime time) {
        this.http = http;
        ObjectMapper json = WireJson.mapper();
        this.rest = signedRest(settings, http, time, json);
        ServerClock clock = rest.clock();
        RequestBudget budget = rest.budget();
        WireReader wire = new WireReader(json, this::doubt);
        OrderCalls orderCalls = new OrderCalls(rest, wire, json);
        ClientIds clientIds = new ClientIds(orderCalls);
        this.listed = new ListedSymbols(new MarketDataCalls(rest, wire), budget);
        this.orders = new VenueOrders(orderCalls, wire, clientIds, symbols, BATCH_MAX);
        AccountCalls accountCalls = new AccountCalls(rest, wire);
        this.positions = new VenueAccount(accountCalls, new BinanceAccountMode(accountCalls), wire, clientIds, clock,
                symbols);
        this.streams = new VenueStreams(settings.streams(), http, new ListenKeyCalls(rest), clock,
                time.loop("binance-streams"), json, clientIds::remember);
        streams.resyncWith(this::resync);
    }

    /** The signed REST client of the settings' host and key, on its own clock and request budget. */
    static BinanceRestClient signedRest(BinanceSettings settings, OkHttpClient http, AdapterTime time, ObjectMapper json) {
        ServerClock clock = new ServerClock(time.clock());
        RequestBudget budget = new RequestBudget(clock::localMs, time.pause(), settings.weightHeadroom());
        return new BinanceRestClient(http, settings.restUrl(), settings.credentials(), settings.recvWindowMs(), clock,
                budget, json);
    }

    /** An answer named a value the adapter does not know: its picture of the orders may be wrong. */
    private void doubt(String why) {
        streams.doubt(why);
    }

    /** Connects to Binance as the settings say; throws if the venue cannot be reached or refuses the key. */
    public static BinanceAdapter open(BinanceSettings settings) throws ExchangeException {
        return open(settings, AdapterTime.system());
    }

    /** As {@link #open(BinanceSettings)}, with the way the adapter waits when it paces itself (tests record it). */
    static BinanceAdapter open(BinanceSettings settings, RequestBudget.Pause pause) throws ExchangeException {
        return open(settings, AdapterTime.system(pause));
    }

    /**
     * As {@link #open(BinanceSettings)}, on the given time: {@link AdapterTime#system()} is what the one-argument
     * form uses; {@link AdapterTime#manual} lets a test move the clock the schedule runs on.
     */
    public static BinanceAdapter open(BinanceSettings settings, AdapterTime time) throws ExchangeException {
        BinanceAdapter adapter = new BinanceAdapter(settings, settings.httpClient(), time);
        try {
            adapter.start();
        } catch (ExchangeException | RuntimeException e) {
            adapter.close();
            throw e;
        }
        return adapter;
    }

    private void start() throws ExchangeException {
        rest.syncTime();
        listed.load();
        // Read once at open so an account whose mode cannot be read is refused before anything is sent; grids
        // compare it with their own mode when they start. The adapter never switches it unasked.
        LOG.info("Binance account in {} position mode", positions.positionMode());
        streams.open();
    }

    @Override
    public String venue() {
        return "binance";
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public SymbolRules symbolRules(String symbol) throws ExchangeException {
        return binanceRules(symbol).core();
    }

    /** Every filter of the symbol, including those the core does not model. */
    public BinanceSymbolRules binanceRules(String symbol) throws ExchangeException {
        return listed.rules(symbol);
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
        return positions.position(symbol);
    }

    @Override
    public List<PositionSnapshot> positions(String symbol) throws ExchangeException {
        return positions.positions(symbol);
    }

    /** {@code GET /fapi/v1/positionSide/dual}. */
    @Override
    public PositionMode positionMode() throws ExchangeException {
        return positions.positionMode();
    }

    /**
     * {@code POST /fapi/v1/positionSide/dual}, only when asked: the adapter never switches the account itself.
     */
    @Override
    public void changePositionMode(PositionMode mode) throws ExchangeException {
        positions.changePositionMode(mode);
    }

    @Override
    public List<TradeRecord> trades(String symbol, long fromMs) throws ExchangeException {
        return positions.trades(symbol, fromMs);
    }

    @Override
    public List<Balance> balances() throws ExchangeException {
        return positions.balances();
    }

    @Override
    public OrderAck placeProtectiveStop(OrderRequest stop) throws ExchangeException {
        return orders.placeStop(stop);
    }

    @Override
    public void cancelProtectiveStop(String symbol, String clientOrderId) throws ExchangeException {
        orders.cancelStop(symbol, clientOrderId);
    }

    /** The adapter's view of the venue's rate limits (weight and order counts reported so far). */
    public RequestBudget budget() {
        return rest.budget();
    }

    /** The last mark price the market stream gave for a watched symbol, or {@code null}. */
    public BigDecimal markPrice(String symbol) {
        return streams.markPrice(symbol);
    }

    @Override
    public Subscription watchTicker(String symbol, Consumer<TickerEvent> listener) {
        Subscription s = streams.watchTicker(symbol, listener);
        symbols.add(symbol);
        return s;
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

    /** After a reconnect: positions and open orders of every symbol in use are read again before CONNECTED. */
    private void resync() throws ExchangeException {
        for (String symbol : symbols) {
            openOrders(symbol);
            PositionSnapshot p = position(symbol);
            streams.deliver(new AccountEvent("RESYNC", List.of(), List.of(p), p.atMs()));
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        streams.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        LOG.debug("binance adapter closed");
    }
}
