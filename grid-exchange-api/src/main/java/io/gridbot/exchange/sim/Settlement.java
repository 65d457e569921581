package io.gridbot.exchange.sim;

import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.exchange.TradeRecord;
import io.gridbot.exchange.stream.AccountEvent;
import io.gridbot.exchange.stream.OrderEvent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Where the books' fills land: each fill is booked into the account, recorded in the history, and published
 * as its order event followed by the account event it caused, stamped with the time it happened. Counts the
 * changes it publishes, so the venue's state is saved only when something changed.
 */
final class Settlement implements BookListener {

    private final SimAccount account;
    private final OrderHistory history;
    private final SimStreams streams;
    private final Map<String, OrderBook> books;
    private final String quoteAsset;
    private long changes;

    Settlement(SimAccount account, OrderHistory history, SimStreams streams, Map<String, OrderBook> books,
            String quoteAsset) {
        this.account = account;
        this.history = history;
        this.streams = streams;
        this.books = books;
        this.quoteAsset = quoteAsset;
    }

    /** How many order and account events have been published: the venue's state version. */
    long changes() {
        return changes;
    }

    @Override
    public BigDecimal reducible(OrderRequest order) {
        return account.position(order.symbol(), order.positionSide()).reducible(order.side());
    }

    @Override
    public void filled(SimOrder order, BigDecimal qty, BigDecimal price, Liquidity liquidity, boolean complete, long nowMs) {
        String symbol = order.request.symbol();
        BigDecimal fee = account.fill(symbol, order.request.side(), order.request.positionSide(), qty, price,
                liquidity);
        publish(order, complete ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED, qty, price, fee, nowMs);
        if (complete) {
            history.remember(order, OrderStatus.FILLED);
        }
        publishAccount(symbol, "ORDER", nowMs);
    }

    @Override
    public void ended(SimOrder order, OrderStatus status, long nowMs) {
        publish(order, status, BigDecimal.ZERO, null, BigDecimal.ZERO, nowMs);
        history.remember(order, status);
    }

    /**
     * The venue's liquidation order filled {@code qty} at {@code price}: booked with the liquidation fee,
     * recorded in the history and published as a filled market order, then the account update; returns the fee.
     */
    BigDecimal liquidated(SimOrder order, BigDecimal qty, BigDecimal price, long nowMs) {
        String symbol = order.request.symbol();
        BigDecimal fee = account.liquidate(symbol, order.request.side(), order.request.positionSide(), qty, price);
        publish(order, OrderStatus.FILLED, qty, price, fee, nowMs);
        history.remember(order, OrderStatus.FILLED);
        publishAccount(symbol, "ORDER", nowMs);
        return fee;
    }

    /** The account's position mode changed: no event (Binance sends none), but the state must be saved. */
    void modeChanged() {
        changes++;
    }

    /** A new order or stop is on the book. */
    void accepted(SimOrder order, long nowMs) {
        publish(order, OrderStatus.NEW, BigDecimal.ZERO, null, BigDecimal.ZERO, nowMs);
    }

    /**
     * The account changed for this reason (a fill, a funding payment): its balance and the symbol's position, in
     * hedge mode both legs (the changed one and the other), so a listener always sees the whole symbol.
     */
    void publishAccount(String symbol, String reason, long nowMs) {
        changes++;
        AccountEvent event = new AccountEvent(reason, List.of(account.balance()),
                account.snapshots(symbol, books.get(symbol).last, nowMs), nowMs);
        streams.account(event);
    }

    private void publish(SimOrder o, OrderStatus status, BigDecimal lastQty, BigDecimal lastPrice, BigDecimal fee,
            long nowMs) {
        changes++; // every change of an order comes through here
        OrderRequest q = o.request;
        boolean traded = lastQty.signum() > 0;
        String tradeId = traded ? history.nextTradeId() : null;
        OrderEvent event = new OrderEvent(q.symbol(), q.clientOrderId(), o.exchangeId, q.side(), q.type(), status,
                q.price(), q.quantity(), o.filled, lastQty, lastPrice, fee, traded ? quoteAsset : null, tradeId,
                q.reduceOnly(), nowMs, q.positionSide());
        if (traded) {
            history.record(q.symbol(), new TradeRecord(q.clientOrderId(), o.exchangeId, tradeId, q.side(), lastPrice,
                    lastQty, fee, quoteAsset, nowMs));
        }
        streams.order(event);
    }
}
