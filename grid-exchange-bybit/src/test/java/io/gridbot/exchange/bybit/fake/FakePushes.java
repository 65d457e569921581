package io.gridbot.exchange.bybit.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.OrderType;
import io.gridbot.exchange.account.PositionSnapshot;
import io.gridbot.exchange.stream.AccountEvent;
import io.gridbot.exchange.stream.OrderEvent;
import io.gridbot.exchange.stream.TickerEvent;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's events as Bybit pushes them: each fill on {@code execution} (its {@code execId}, price, quantity,
 * fee, and what of the order is left) and then the order's new state on {@code order} ({@code New},
 * {@code Untriggered} for a waiting stop, {@code PartiallyFilled}, {@code Filled}, {@code Cancelled},
 * {@code Deactivated} for a cancelled stop); positions and the unified wallet on {@code position} and
 * {@code wallet}; the market on {@code tickers} (a snapshot on subscribe, deltas after), {@code publicTrade} and
 * {@code orderbook.1} (one level a side, one tick around the last price).
 */
final class FakePushes {

    private final FakeBybit fake;
    private final FakeSockets sockets;
    private final AtomicLong sequence = new AtomicLong(1);

    FakePushes(FakeBybit fake, FakeSockets sockets) {
        this.fake = fake;
        this.sockets = sockets;
    }

    void order(OrderEvent e) {
        FakeInstrument inst = fake.listed.get(e.symbol());
        if (inst == null) {
            return;
        }
        boolean stop = e.type() == OrderType.STOP_MARKET;
        BigDecimal ordered = e.origQty() == null ? e.cumFilledQty() : e.origQty();
        if (e.lastFillQty().signum() > 0) {
            BigDecimal leaves = e.status().isOpen() ? ordered.subtract(e.cumFilledQty()) : BigDecimal.ZERO;
            ObjectNode exec = fake.wire.object().put("category", "linear").put("symbol", e.symbol())
                    .put("orderId", e.exchangeOrderId()).put("orderLinkId", e.clientOrderId())
                    .put("side", FakeWire.side(e.side())).put("orderPrice", FakeWire.plain(e.price() == null
                            ? e.lastFillPrice() : e.price())).put("orderQty", FakeWire.plain(ordered))
                    .put("leavesQty", FakeWire.plain(leaves)).put("orderType", e.type() == OrderType.LIMIT ? "Limit" : "Market")
                    .put("stopOrderType", stop ? "Stop" : "UNKNOWN").put("execId", e.tradeId())
                    .put("execPrice", FakeWire.plain(e.lastFillPrice())).put("execQty", FakeWire.plain(e.lastFillQty()))
                    .put("execFee", FakeWire.plain(e.fee())).put("feeCurrency", "").put("execType", "Trade")
                    .put("execTime", Long.toString(e.atMs())).put("isMaker", e.type() == OrderType.LIMIT);
            sockets.push("execution", privateFrame("execution", exec, e.atMs()));
        }
        String status = FakeWire.status(e.status(), stop && e.status() != OrderStatus.FILLED
                && e.status() != OrderStatus.PARTIALLY_FILLED);
        ObjectNode order = fake.wire.object().put("category", "linear").put("symbol", e.symbol())
                .put("orderId", e.exchangeOrderId()).put("orderLinkId", e.clientOrderId()).put("side", FakeWire.side(e.side()))
                .put("orderType", e.type() == OrderType.LIMIT ? "Limit" : "Market")
                .put("price", e.price() == null ? "0" : FakeWire.plain(e.price()))
                .put("qty", e.origQty() == null ? "0" : FakeWire.plain(e.origQty())).put("orderStatus", status)
                .put("positionIdx", FakeWire.idx(e.positionSide())).put("reduceOnly", e.reduceOnly() || stop)
                .put("closeOnTrigger", stop).put("cumExecQty", FakeWire.plain(e.cumFilledQty()))
                .put("avgPrice", e.lastFillPrice() == null ? "" : FakeWire.plain(e.lastFillPrice()))
                .put("stopOrderType", stop ? "Stop" : "")
                .put("rejectReason", e.status() == OrderStatus.EXPIRED ? "EC_PostOnlyWillTakeLiquidity" : "EC_NoError")
                .put("createdTime", Long.toString(e.atMs())).put("updatedTime", Long.toString(e.atMs()));
        sockets.push("order", privateFrame("order", order, e.atMs()));
    }

    /** A post-only order that would have taken: Bybit reports it cancelled with its reject reason. */
    void cancelledAtEntry(FakeOrderBook.Placed p) {
        ObjectNode order = fake.wire.order(p.request(), p.orderId(), "Cancelled", "EC_PostOnlyWillTakeLiquidity",
                BigDecimal.ZERO, null, p.createdMs(), p.createdMs());
        sockets.push("order", privateFrame("order", order, p.createdMs()));
    }

    void account(AccountEvent e) {
        for (PositionSnapshot p : e.positions()) {
            if (fake.listed.containsKey(p.symbol())) {
                sockets.push("position", privateFrame("position",
                        fake.wire.position(p, fake.lastPrice.get(p.symbol()), "entryPrice"), e.atMs()));
            }
        }
        if (!e.balances().isEmpty()) {
            sockets.push("wallet", privateFrame("wallet", fake.wire.wallet(e.balances()), e.atMs()));
        }
    }

    void ticker(TickerEvent t) {
        FakeInstrument inst = fake.listed.get(t.symbol());
        if (inst == null || t.last() == null) {
            return;
        }
        sockets.push("tickers." + t.symbol(), tickerFrame(inst, t.last(), "delta", t.atMs()));
        ObjectNode trade = fake.wire.object().put("T", t.atMs()).put("s", t.symbol()).put("S", "Buy")
                .put("v", FakeWire.plain(t.lastQty() == null ? inst.minOrderQty() : t.lastQty()))
                .put("p", FakeWire.plain(t.last())).put("i", UUID.randomUUID().toString()).put("BT", false);
        ObjectNode frame = fake.wire.object().put("topic", "publicTrade." + t.symbol()).put("type", "snapshot")
                .put("ts", t.atMs());
        frame.putArray("data").add(trade);
        sockets.push("publicTrade." + t.symbol(), frame);
        sockets.push("orderbook.1." + t.symbol(), bookFrame(inst, t.last(), t.atMs()));
    }

    /** What Bybit sends right after a subscription: the ticker's and the book's snapshot. */
    void snapshot(FakeSockets.Session session, String topic) {
        String symbol = topic.substring(topic.lastIndexOf('.') + 1);
        FakeInstrument inst = fake.listed.get(symbol);
        BigDecimal last = inst == null ? null : fake.lastPrice.get(symbol);
        if (last == null) {
            return;
        }
        if (topic.startsWith("tickers.")) {
            session.send(tickerFrame(inst, last, "snapshot", fake.now()).toString());
        } else if (topic.startsWith("orderbook.1.")) {
            session.send(bookFrame(inst, last, fake.now()).toString());
        }
    }

    private ObjectNode tickerFrame(FakeInstrument inst, BigDecimal last, String type, long ts) {
        ObjectNode data = fake.wire.object().put("symbol", inst.symbol()).put("lastPrice", FakeWire.plain(last))
                .put("bid1Price", FakeWire.plain(last.subtract(inst.tickSize()))).put("bid1Size", "1")
                .put("ask1Price", FakeWire.plain(last.add(inst.tickSize()))).put("ask1Size", "1")
                .put("markPrice", FakeWire.plain(last));
        if (type.equals("snapshot")) {
            data.put("tickDirection", "ZeroPlusTick").put("price24hPcnt", "0").put("fundingRate", "0.0001");
        }
        ObjectNode frame = fake.wire.object().put("topic", "tickers." + inst.symbol()).put("type", type);
        frame.set("data", data);
        return frame.put("cs", sequence.incrementAndGet()).put("ts", ts);
    }

    private ObjectNode bookFrame(FakeInstrument inst, BigDecimal last, long ts) {
        ObjectNode data = fake.wire.object().put("s", inst.symbol());
        data.set("b", level(last.subtract(inst.tickSize())));
        data.set("a", level(last.add(inst.tickSize())));
        data.put("u", sequence.incrementAndGet()).put("seq", sequence.get());
        ObjectNode frame = fake.wire.object().put("topic", "orderbook.1." + inst.symbol()).put("ts", ts)
                .put("type", "snapshot");
        frame.set("data", data);
        return frame.put("cts", ts);
    }

    private ArrayNode level(BigDecimal price) {
        return fake.wire.array().add(fake.wire.array().add(FakeWire.plain(price)).add("1"));
    }

    private ObjectNode privateFrame(String topic, ObjectNode item, long ts) {
        ObjectNode frame = fake.wire.object().put("id", UUID.randomUUID().toString()).put("topic", topic)
                .put("creationTime", ts);
        frame.putArray("data").add(item);
        return frame;
    }
}
