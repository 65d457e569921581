package io.gridbot.exchange.venue;

import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.ForwardingAdapter;
import io.gridbot.exchange.OrderAck;
import io.gridbot.exchange.OrderState;
import io.gridbot.exchange.Subscription;
import io.gridbot.exchange.TradeRecord;
import io.gridbot.exchange.stream.OrderEvent;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A venue's adapter seen through its {@link ClientIdCodec}: every client order id the runner sends is encoded
 * before the adapter sees it, and every id the adapter answers with (acks, open orders, queried orders, order
 * events, trades) is decoded, so the runner and the core see only the ids the core made. Batches stay batches.
 */
public final class EncodedClientIds extends ForwardingAdapter {

    private final ClientIdCodec codec;

    /** The {@code venue} adapter, which speaks the venue's ids, spoken to in the core's. */
    public EncodedClientIds(ExchangeAdapter venue, ClientIdCodec codec) {
        super(venue);
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    @Override
    public OrderAck createOrder(OrderRequest request) throws ExchangeException {
        return decoded(venue.createOrder(encoded(request)));
    }

    @Override
    public List<Result<OrderAck>> createOrders(List<OrderRequest> requests) {
        return venue.createOrders(requests.stream().map(this::encoded).toList()).stream()
                .map(r -> r.ok() ? Result.ok(decoded(r.value())) : r).toList();
    }

    @Override
    public void cancelOrder(String symbol, String clientOrderId) throws ExchangeException {
        venue.cancelOrder(symbol, codec.encode(clientOrderId));
    }

    @Override
    public List<OpenOrder> openOrders(String symbol) throws ExchangeException {
        return venue.openOrders(symbol).stream().map(o -> new OpenOrder(codec.decode(o.clientOrderId()),
                o.exchangeOrderId(), o.side(), o.type(), o.price(), o.origQty(), o.filledQty(), o.reduceOnly(),
                o.stopPrice(), o.positionSide())).toList();
    }

    @Override
    public OrderState queryOrder(String symbol, String clientOrderId) throws ExchangeException {
        OrderState s = venue.queryOrder(symbol, codec.encode(clientOrderId));
        return new OrderState(codec.decode(s.clientOrderId()), s.exchangeOrderId(), s.side(), s.status(), s.price(),
                s.origQty(), s.cumFilledQty(), s.avgPrice(), s.updateTimeMs());
    }

    @Override
    public List<TradeRecord> trades(String symbol, long fromMs) throws ExchangeException {
        return venue.trades(symbol, fromMs).stream().map(t -> new TradeRecord(codec.decode(t.clientOrderId()),
                t.exchangeOrderId(), t.tradeId(), t.side(), t.price(), t.qty(), t.fee(), t.feeAsset(), t.atMs()))
                .toList();
    }

    @Override
    public OrderAck placeProtectiveStop(OrderRequest stop) throws ExchangeException {
        return decoded(venue.placeProtectiveStop(encoded(stop)));
    }

    @Override
    public void cancelProtectiveStop(String symbol, String clientOrderId) throws ExchangeException {
        venue.cancelProtectiveStop(symbol, codec.encode(clientOrderId));
    }

    @Override
    public Subscription watchOrders(Consumer<OrderEvent> listener) {
        return venue.watchOrders(e -> listener.accept(new OrderEvent(e.symbol(), codec.decode(e.clientOrderId()),
                e.exchangeOrderId(), e.side(), e.type(), e.status(), e.price(), e.origQty(), e.cumFilledQty(),
                e.lastFillQty(), e.lastFillPrice(), e.fee(), e.feeAsset(), e.tradeId(), e.reduceOnly(), e.atMs(),
                e.positionSide())));
    }

    private OrderRequest encoded(OrderRequest r) {
        return new OrderRequest(codec.encode(r.clientOrderId()), r.symbol(), r.side(), r.type(), r.timeInForce(),
                r.price(), r.quantity(), r.stopPrice(), r.reduceOnly(), r.closePosition(), r.positionSide(), r.trigger());
    }

    private OrderAck decoded(OrderAck ack) {
        return new OrderAck(codec.decode(ack.clientOrderId()), ack.exchangeOrderId(), ack.status(), ack.cumFilledQty());
    }
}
