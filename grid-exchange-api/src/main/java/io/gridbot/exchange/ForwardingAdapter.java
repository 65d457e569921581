package io.gridbot.exchange;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.exchange.account.Balance;
import io.gridbot.exchange.account.PositionSnapshot;
import io.gridbot.exchange.stream.AccountEvent;
import io.gridbot.exchange.stream.DepthEvent;
import io.gridbot.exchange.stream.OrderEvent;
import io.gridbot.exchange.stream.StreamHealthEvent;
import io.gridbot.exchange.stream.TickerEvent;
import java.util.List;
import java.util.function.Consumer;

/**
 * An adapter that hands every call to another one: extend it and override what you want to watch, check or
 * change (invariant checks in tests, latency probes in benchmarks, metrics) without rewriting the rest.
 * {@link #createOrders} is deliberately not forwarded: the interface's default sends each order through
 * {@link #createOrder}, so an override of that sees every order; override both to keep a venue's batches.
 */
public abstract class ForwardingAdapter implements ExchangeAdapter {

    /** The adapter every call goes to. */
    protected final ExchangeAdapter venue;

    protected ForwardingAdapter(ExchangeAdapter venue) {
        this.venue = venue;
    }

    @Override
    public String venue() {
        return venue.venue();
    }

    @Override
    public Capabilities capabilities() {
        return venue.capabilities();
    }

    @Override
    public SymbolRules symbolRules(String symbol) throws ExchangeException {
        return venue.symbolRules(symbol);
    }

    @Override
    public OrderAck createOrder(OrderRequest request) throws ExchangeException {
        return venue.createOrder(request);
    }

    @Override
    public void cancelOrder(String symbol, String clientOrderId) throws ExchangeException {
        venue.cancelOrder(symbol, clientOrderId);
    }

    @Override
    public void cancelAllOrders(String symbol) throws ExchangeException {
        venue.cancelAllOrders(symbol);
    }

    @Override
    public List<OpenOrder> openOrders(String symbol) throws ExchangeException {
        return venue.openOrders(symbol);
    }

    @Override
    public OrderState queryOrder(String symbol, String clientOrderId) throws ExchangeException {
        return venue.queryOrder(symbol, clientOrderId);
    }

    @Override
    public PositionSnapshot position(String symbol) throws ExchangeException {
        return venue.position(symbol);
    }

    @Override
    public List<PositionSnapshot> positions(String symbol) throws ExchangeException {
        return venue.positions(symbol);
    }

    @Override
    public PositionMode positionMode() throws ExchangeException {
        return venue.positionMode();
    }

    @Override
    public void changePositionMode(PositionMode mode) throws ExchangeException {
        venue.changePositionMode(mode);
    }

    @Override
    public List<TradeRecord> trades(String symbol, long fromMs) throws ExchangeException {
        return venue.trades(symbol, fromMs);
    }

    @Override
    public List<Balance> balances() throws ExchangeException {
        return venue.balances();
    }

    @Override
    public OrderAck placeProtectiveStop(OrderRequest stop) throws ExchangeException {
        return venue.placeProtectiveStop(stop);
    }

    @Override
    public void cancelProtectiveStop(String symbol, String clientOrderId) throws ExchangeException {
        venue.cancelProtectiveStop(symbol, clientOrderId);
    }

    @Override
    public Subscription watchTicker(String symbol, Consumer<TickerEvent> listener) {
        return venue.watchTicker(symbol, listener);
    }

    @Override
    public Subscription watchDepth(String symbol, Consumer<DepthEvent> listener) {
        return venue.watchDepth(symbol, listener);
    }

    @Override
    public Subscription watchOrders(Consumer<OrderEvent> listener) {
        return venue.watchOrders(listener);
    }

    @Override
    public Subscription watchAccount(Consumer<AccountEvent> listener) {
        return venue.watchAccount(listener);
    }

    @Override
    public Subscription watchHealth(Consumer<StreamHealthEvent> listener) {
        return venue.watchHealth(listener);
    }

    @Override
    public void close() {
        venue.close();
    }
}
