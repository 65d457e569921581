package io.gridbot.exchange.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderType;
import io.gridbot.exchange.Balance;
import io.gridbot.exchange.Capabilities;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.OrderAck;
import io.gridbot.exchange.OrderState;
import io.gridbot.exchange.PositionSnapshot;
import io.gridbot.exchange.Subscription;
import io.gridbot.exchange.TradeRecord;
import io.gridbot.exchange.binance.limits.RequestBudget;
import io.gridbot.exchange.binance.rest.BinanceRestClient;
import io.gridbot.exchange.binance.rest.Endpoint;
import io.gridbot.exchange.binance.rest.ErrorClassifier;
import io.gridbot.exchange.binance.rest.OrderParams;
import io.gridbot.exchange.binance.rest.PositionModeCheck;
import io.gridbot.exchange.binance.rest.ServerClock;
import io.gridbot.exchange.binance.stream.Listeners;
import io.gridbot.exchange.binance.stream.MarketFeed;
import io.gridbot.exchange.binance.stream.MarketRoute;
import io.gridbot.exchange.binance.stream.StreamLink;
import io.gridbot.exchange.binance.stream.StreamSupervisor;
import io.gridbot.exchange.binance.stream.UserDataStream;
import io.gridbot.exchange.binance.wire.AlgoOrderWire;
import io.gridbot.exchange.binance.wire.BalanceWire;
import io.gridbot.exchange.binance.wire.BinanceSymbolRules;
import io.gridbot.exchange.binance.wire.ExchangeInfo;
import io.gridbot.exchange.binance.wire.NeutralMapper;
import io.gridbot.exchange.binance.wire.OrderWire;
import io.gridbot.exchange.binance.wire.PositionRiskWire;
import io.gridbot.exchange.binance.wire.StreamParser;
import io.gridbot.exchange.binance.wire.UserTradeWire;
import io.gridbot.exchange.binance.wire.WireJson;
import io.gridbot.exchange.binance.wire.WireReader;
import io.gridbot.exchange.stream.AccountEvent;
import io.gridbot.exchange.stream.DepthEvent;
import io.gridbot.exchange.stream.OrderEvent;
import io.gridbot.exchange.stream.StreamHealthEvent;
import io.gridbot.exchange.stream.TickerEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Binance USDⓈ-M futures adapter (FR-5, AC5.2): the SPI over signed REST calls and WebSocket streams, in
 * one-way position mode. Open it with {@link #open(BinanceSettings)}: it syncs the clock, loads exchangeInfo,
 * refuses an account in hedge position mode and connects the user-data stream before returning; market streams
 * open with the first subscription.
 */
public final class BinanceAdapter implements ExchangeAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceAdapter.class);
    private static final int BATCH_MAX = 5;
    private static final long TRADE_HISTORY_SPAN_MS = 7L * 24 * 3_600_000 - 60_000;

    private final BinanceSettings settings;
    private final OkHttpClient http;
    private final ObjectMapper json = WireJson.mapper();
    private final BinanceRestClient rest;
    private final WireReader wire;
    private final ScheduledExecutorService scheduler;
    private final Listeners<TickerEvent> tickers = new Listeners<>();
    private final Listeners<DepthEvent> depths = new Listeners<>();
    private final Listeners<OrderEvent> orders = new Listeners<>();
    private final Listeners<AccountEvent> accounts = new Listeners<>();
    private final Listeners<StreamHealthEvent> health = new Listeners<>();
    private final StreamSupervisor supervisor;
    private final MarketFeed feed;
    private final MarketRoute bookRoute;
    private final MarketRoute priceRoute;
    private final UserDataStream userData;
    private final Map<String, BinanceSymbolRules> rules = new ConcurrentHashMap<>();
    /** Binance's userTrades name the order id only; the client id comes from here. */
    private final Map<String, String> clientIds = new ConcurrentHashMap<>();
    private final Set<String> symbols = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private BinanceAdapter(BinanceSettings settings, OkHttpClient http, ScheduledExecutorService scheduler,
            RequestBudget.Pause pause) {
        this.settings = settings;
        this.http = http;
        this.scheduler = scheduler;
        ServerClock clock = new ServerClock(System::currentTimeMillis);
        RequestBudget budget = new RequestBudget(clock::localMs, pause, settings.weightHeadroom());
        this.rest = new BinanceRestClient(http, settings.restUrl(), settings.credentials(), settings.recvWindowMs(), clock,
                budget, json);
        this.supervisor = new StreamSupervisor(scheduler, settings.reconnectDelays(), settings.connectionMaxAge(),
                clock::nowMs, health);
        StreamParser parser = new StreamParser(json);
        this.feed = new MarketFeed(parser, tickers, depths);
        this.bookRoute = new MarketRoute(settings.streamUrl() + "/public", link("public stream", feed::onFrame));
        this.priceRoute = new MarketRoute(settings.streamUrl() + "/market", link("market stream", feed::onFrame));
        this.userData = new UserDataStream(settings.streamUrl() + "/private", rest, parser, orders, accounts,
                this::remember, scheduler, settings.listenKeyKeepAlive().toMillis());
        userData.bind(link("user-data stream", userData::onFrame), supervisor);
        supervisor.resyncWith(this::resync);
        this.wire = new WireReader(json, why -> supervisor.lost(why, true));
    }

    /** Connects to Binance as the settings say; throws if the venue cannot be reached or refuses the key. */
    public static BinanceAdapter open(BinanceSettings settings) throws ExchangeException {
        return open(settings, Thread::sleep);
    }

    /** As {@link #open(BinanceSettings)}, with the way the adapter waits when it paces itself (tests record it). */
    static BinanceAdapter open(BinanceSettings settings, RequestBudget.Pause pause) throws ExchangeException {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .pingInterval(settings.pingInterval().toMillis(), TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false) // a create must never be sent twice behind our back
                .build();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "binance-streams");
            t.setDaemon(true);
            return t;
        });
        BinanceAdapter adapter = new BinanceAdapter(settings, http, scheduler, pause);
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
        loadExchangeInfo();
        PositionModeCheck.requireOneWay(rest);
        try {
            supervisor.open(userData);
            supervisor.open(bookRoute);
            supervisor.open(priceRoute);
        } catch (ExchangeException e) {
            throw e;
        } catch (Exception e) {
            throw new ExchangeException(ExchangeErrorKind.NETWORK, null, "the user-data stream did not open: " + e.getMessage());
        }
    }

    private StreamLink link(String name, Consumer<String> onFrame) {
        return new StreamLink(name, http, settings.connectTimeout(), onFrame, why -> supervisor.lost(why, false));
    }

    private void loadExchangeInfo() throws ExchangeException {
        ExchangeInfo info = wire.read(rest.call(Endpoint.EXCHANGE_INFO, Map.of()), ExchangeInfo.class);
        rest.budget().useLimits(info.limits());
        for (ExchangeInfo.SymbolEntry s : info.symbols()) {
            info.rules(s.symbol()).ifPresent(r -> rules.put(s.symbol(), r));
        }
    }

    // ------------------------------------------------------------------ requests

    @Override
    public String venue() {
        return "binance";
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(true, false, BATCH_MAX);
    }

    @Override
    public SymbolRules symbolRules(String symbol) throws ExchangeException {
        return binanceRules(symbol).core();
    }

    /** Every filter of the symbol, including those the core does not model. */
    public BinanceSymbolRules binanceRules(String symbol) throws ExchangeException {
        BinanceSymbolRules r = rules.get(symbol);
        if (r == null) {
            loadExchangeInfo(); // listed since we started?
            r = rules.get(symbol);
        }
        if (r == null) {
            throw new ExchangeException(ExchangeErrorKind.OTHER, "-1121", "Invalid symbol.");
        }
        return r;
    }

    @Override
    public OrderAck createOrder(OrderRequest request) throws ExchangeException {
        if (request.type() == OrderType.STOP_MARKET) {
            return placeProtectiveStop(request);
        }
        symbols.add(request.symbol());
        return acknowledged(rest.call(Endpoint.NEW_ORDER, OrderParams.order(request)));
    }

    /** The ack in a create's answer; an answer that cannot be read leaves the outcome open (the order may exist). */
    private OrderAck acknowledged(JsonNode answer) throws ExchangeException {
        try {
            OrderWire order = wire.read(answer, OrderWire.class);
            OrderAck ack = wire.convert(order, NeutralMapper::ack);
            clientIds.put(Long.toString(order.orderId()), order.clientOrderId());
            return ack;
        } catch (ExchangeException e) {
            throw new ExchangeException(ExchangeErrorKind.TIMEOUT_UNKNOWN, null, e.venueMessage());
        }
    }

    @Override
    public List<Result<OrderAck>> createOrders(List<OrderRequest> requests) {
        List<Result<OrderAck>> results = new ArrayList<>(requests.size());
        List<OrderRequest> batch = new ArrayList<>();
        for (OrderRequest r : requests) {
            if (r.type() == OrderType.STOP_MARKET) {
                flush(batch, results);
                results.add(single(r));
                continue;
            }
            batch.add(r);
            if (batch.size() == BATCH_MAX) {
                flush(batch, results);
            }
        }
        flush(batch, results);
        return results;
    }

    private Result<OrderAck> single(OrderRequest r) {
        try {
            return Result.ok(createOrder(r));
        } catch (ExchangeException e) {
            return Result.failed(e);
        }
    }

    private void flush(List<OrderRequest> batch, List<Result<OrderAck>> results) {
        if (batch.isEmpty()) {
            return;
        }
        if (batch.size() == 1) {
            results.add(single(batch.getFirst()));
            batch.clear();
            return;
        }
        try {
            List<Map<String, String>> items = batch.stream().map(OrderParams::order).toList();
            batch.forEach(r -> symbols.add(r.symbol()));
            JsonNode answer = rest.call(Endpoint.BATCH_ORDERS, Map.of("batchOrders", json.writeValueAsString(items)));
            for (int i = 0; i < batch.size(); i++) {
                JsonNode item = answer.path(i);
                if (item.has("code") && item.path("code").asInt() < 0) {
                    int code = item.path("code").asInt();
                    results.add(Result.failed(new ExchangeException(
                            ErrorClassifier.kindOfBatchItem(code), Integer.toString(code),
                            item.path("msg").asText(null))));
                } else if (item.isObject()) {
                    results.add(ackOf(item));
                } else {
                    results.add(Result.failed(new ExchangeException(ExchangeErrorKind.TIMEOUT_UNKNOWN, null,
                            "the batch answer had no entry for this order")));
                }
            }
        } catch (ExchangeException e) {
            batch.forEach(r -> results.add(Result.failed(e)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a batch", e);
        }
        batch.clear();
    }

    private Result<OrderAck> ackOf(JsonNode item) {
        try {
            return Result.ok(acknowledged(item));
        } catch (ExchangeException e) {
            return Result.failed(e);
        }
    }

    @Override
    public void cancelOrder(String symbol, String clientOrderId) throws ExchangeException {
        rest.call(Endpoint.CANCEL_ORDER, Map.of("symbol", symbol, "origClientOrderId", clientOrderId));
    }

    @Override
    public void cancelAllOrders(String symbol) throws ExchangeException {
        rest.call(Endpoint.CANCEL_ALL, Map.of("symbol", symbol));
    }

    @Override
    public List<OpenOrder> openOrders(String symbol) throws ExchangeException {
        symbols.add(symbol);
        List<OpenOrder> out = new ArrayList<>();
        for (OrderWire o : wire.readList(rest.call(Endpoint.OPEN_ORDERS, Map.of("symbol", symbol)), OrderWire.class)) {
            clientIds.put(Long.toString(o.orderId()), o.clientOrderId());
            out.add(wire.convert(o, NeutralMapper::openOrder));
        }
        for (AlgoOrderWire a : wire.readList(rest.call(Endpoint.OPEN_ALGO_ORDERS, Map.of("symbol", symbol)),
                AlgoOrderWire.class)) {
            out.add(wire.convert(a, NeutralMapper::openOrder));
        }
        return out;
    }

    @Override
    public OrderState queryOrder(String symbol, String clientOrderId) throws ExchangeException {
        OrderWire o;
        try {
            o = wire.read(rest.call(Endpoint.QUERY_ORDER, Map.of("symbol", symbol, "origClientOrderId", clientOrderId)),
                    OrderWire.class);
        } catch (ExchangeException notAnOrder) {
            if (notAnOrder.kind() != ExchangeErrorKind.UNKNOWN_ORDER) {
                throw notAnOrder;
            }
            // protective stops live in the algo service, under their own ids
            try {
                return wire.read(rest.call(Endpoint.QUERY_ALGO_ORDER, Map.of("symbol", symbol, "clientAlgoId", clientOrderId)),
                        AlgoOrderWire.class, NeutralMapper::state);
            } catch (ExchangeException notAStop) {
                throw notAStop.kind() == ExchangeErrorKind.UNKNOWN_ORDER ? notAnOrder : notAStop;
            }
        }
        clientIds.put(Long.toString(o.orderId()), o.clientOrderId());
        return wire.convert(o, NeutralMapper::state);
    }

    @Override
    public PositionSnapshot position(String symbol) throws ExchangeException {
        symbols.add(symbol);
        List<PositionRiskWire> legs = wire.readList(rest.call(Endpoint.POSITION_RISK, Map.of("symbol", symbol)),
                PositionRiskWire.class);
        long now = rest.clock().nowMs();
        return legs.stream().filter(p -> symbol.equals(p.symbol()))
                .filter(p -> p.positionSide() == null || "BOTH".equals(p.positionSide())).findFirst()
                .map(p -> NeutralMapper.position(p, now))
                .orElse(new PositionSnapshot(symbol, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, now));
    }

    @Override
    public List<TradeRecord> trades(String symbol, long fromMs) throws ExchangeException {
        // Binance serves at most seven days from startTime, and pages by trade id.
        long start = Math.max(fromMs, rest.clock().nowMs() - TRADE_HISTORY_SPAN_MS);
        List<UserTradeWire> all = new ArrayList<>();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", symbol);
        params.put("startTime", Long.toString(start));
        params.put("limit", "1000");
        while (true) {
            List<UserTradeWire> page = wire.readList(rest.call(Endpoint.USER_TRADES, params), UserTradeWire.class);
            all.addAll(page);
            if (page.size() < 1000) {
                break;
            }
            params.remove("startTime");
            params.put("fromId", Long.toString(page.getLast().id() + 1));
        }
        all.sort(Comparator.comparingLong(UserTradeWire::time).thenComparingLong(UserTradeWire::id));
        List<TradeRecord> out = new ArrayList<>(all.size());
        for (UserTradeWire t : all) {
            String clientId = clientIdOf(symbol, t.orderId());
            out.add(wire.convert(t, w -> NeutralMapper.trade(w, clientId)));
        }
        return out;
    }

    private String clientIdOf(String symbol, long orderId) throws ExchangeException {
        String key = Long.toString(orderId);
        String known = clientIds.get(key);
        if (known != null) {
            return known;
        }
        OrderWire o = wire.read(rest.call(Endpoint.QUERY_ORDER, Map.of("symbol", symbol, "orderId", key)), OrderWire.class);
        clientIds.put(key, o.clientOrderId());
        return o.clientOrderId();
    }

    @Override
    public List<Balance> balances() throws ExchangeException {
        return wire.readList(rest.call(Endpoint.BALANCE, Map.of()), BalanceWire.class).stream().map(NeutralMapper::balance).toList();
    }

    @Override
    public OrderAck placeProtectiveStop(OrderRequest stop) throws ExchangeException {
        symbols.add(stop.symbol());
        return wire.read(rest.call(Endpoint.NEW_ALGO_ORDER, OrderParams.protectiveStop(stop)), AlgoOrderWire.class, NeutralMapper::ack);
    }

    @Override
    public void cancelProtectiveStop(String symbol, String clientOrderId) throws ExchangeException {
        rest.call(Endpoint.CANCEL_ALGO_ORDER, Map.of("symbol", symbol, "clientAlgoId", clientOrderId));
    }

    /** The adapter's view of the venue's rate limits (weight and order counts reported so far). */
    public RequestBudget budget() {
        return rest.budget();
    }

    /** The last mark price the market stream gave for a watched symbol, or {@code null}. */
    public BigDecimal markPrice(String symbol) {
        return feed.markPrice(symbol);
    }

    // ------------------------------------------------------------------ streams

    @Override
    public Subscription watchTicker(String symbol, Consumer<TickerEvent> listener) {
        Subscription s = tickers.add(symbol, listener);
        String name = symbol.toLowerCase(Locale.ROOT);
        subscribe(bookRoute, List.of(name + "@bookTicker"));
        subscribe(priceRoute, List.of(name + "@aggTrade", name + "@markPrice@1s"));
        symbols.add(symbol);
        return s;
    }

    @Override
    public Subscription watchDepth(String symbol, Consumer<DepthEvent> listener) {
        Subscription s = depths.add(symbol, listener);
        subscribe(bookRoute, List.of(symbol.toLowerCase(Locale.ROOT) + "@depth10@100ms"));
        return s;
    }

    private void subscribe(MarketRoute route, List<String> names) {
        if (route.add(names)) {
            supervisor.connectLate(route);
        }
    }

    @Override
    public Subscription watchOrders(Consumer<OrderEvent> listener) {
        return orders.add(null, listener);
    }

    @Override
    public Subscription watchAccount(Consumer<AccountEvent> listener) {
        return accounts.add(null, listener);
    }

    @Override
    public Subscription watchHealth(Consumer<StreamHealthEvent> listener) {
        return health.add(null, listener);
    }

    /** After a reconnect: positions and open orders of every symbol in use are read again before CONNECTED. */
    private void resync() throws ExchangeException {
        for (String symbol : symbols) {
            openOrders(symbol);
            PositionSnapshot p = position(symbol);
            accounts.deliver(null, new AccountEvent("RESYNC", List.of(), List.of(p), p.atMs()));
        }
    }

    private void remember(OrderEvent e) {
        if (e.exchangeOrderId() != null && e.clientOrderId() != null) {
            clientIds.put(e.exchangeOrderId(), e.clientOrderId());
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        supervisor.close();
        userData.release();
        tickers.clear();
        depths.clear();
        orders.clear();
        accounts.clear();
        health.clear();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        LOG.debug("binance adapter closed");
    }
}
