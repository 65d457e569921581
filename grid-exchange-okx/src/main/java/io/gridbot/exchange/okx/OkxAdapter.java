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
import io.gridbot.exchange.okx.wire.OkxSymbolRules;
import io.gridbot.exchange.stream.AccountEvent;
import io.gridbot.exchange.stream.DepthEvent;
import io.gridbot.exchange.stream.OrderEvent;
import io.gridbot.exchange.stream.StreamHealthEvent;
import io.gridbot.exchange.stream.TickerEvent;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OKX USDT-swap adapter: the SPI's requests over OKX's signed REST API v5, in the account's position mode
 * (net, or long/short where every order names its leg), with every quantity converted between the grid's base
 * asset and OKX's contracts. Open it with {@link #open(OkxSettings)}: it syncs the clock and reads the account's
 * configuration before returning. The streams are not built yet: every {@code watch…} call is refused, so this
 * adapter cannot run a grid; the REST requests are complete.
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
        OkxAdapter adapter = new OkxAdapter(OkxRest.open(settings, clock, pause,
                why -> LOG.warn("the venue's state is in doubt: {}", why)));
        try {
            adapter.start();
        } catch (ExchangeException | RuntimeException e) {
            adapter.close();
            throw e;
        }
        return adapter;
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

    @Override
    public Subscription watchTicker(String symbol, Consumer<TickerEvent> listener) {
        throw noStreams();
    }

    @Override
    public Subscription watchDepth(String symbol, Consumer<DepthEvent> listener) {
        throw noStreams();
    }

    @Override
    public Subscription watchOrders(Consumer<OrderEvent> listener) {
        throw noStreams();
    }

    @Override
    public Subscription watchAccount(Consumer<AccountEvent> listener) {
        throw noStreams();
    }

    @Override
    public Subscription watchHealth(Consumer<StreamHealthEvent> listener) {
        throw noStreams();
    }

    private static UnsupportedOperationException noStreams() {
        return new UnsupportedOperationException("the OKX adapter has no WebSocket streams yet; it cannot run a grid");
    }

    @Override
    public void close() {
        rest.client().close();
    }
}
