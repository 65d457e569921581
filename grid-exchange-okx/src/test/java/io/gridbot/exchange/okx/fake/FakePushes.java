package io.gridbot.exchange.okx.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.OrderType;
import io.gridbot.exchange.account.PositionSnapshot;
import io.gridbot.exchange.stream.AccountEvent;
import io.gridbot.exchange.stream.OrderEvent;
import io.gridbot.exchange.stream.TickerEvent;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The simulator's events as OKX pushes them, in contracts: an order's change on {@code orders} (with the
 * execution's {@code fillSz}, {@code fillPx}, {@code tradeId}, {@code fillFee} signed negative when charged); the
 * protective stop on {@code orders-algo} ({@code live}, {@code effective}, {@code canceled}, {@code order_failed})
 * and, once triggered, its market order on {@code orders} with no {@code clOrdId} of its own but the stop's
 * {@code algoId} and {@code algoClOrdId}; positions and balances on {@code positions} and {@code account}; the
 * market on {@code tickers} and {@code books5} (one level a side, one tick around the last price).
 */
final class FakePushes {

    private final FakeOkx fake;
    private final FakeSockets sockets;

    FakePushes(FakeOkx fake, FakeSockets sockets) {
        this.fake = fake;
        this.sockets = sockets;
    }

    void order(OrderEvent e) {
        FakeInstrument inst = fake.listed.get(e.symbol());
        if (inst == null) {
            return;
        }
        if (e.type() == OrderType.STOP_MARKET) {
            stop(inst, e);
            return;
        }
        sockets.push("private", "orders", e.symbol(), order(inst, e, e.clientOrderId(), e.exchangeOrderId()));
    }

    private void stop(FakeInstrument inst, OrderEvent e) {
        boolean traded = e.lastFillQty().signum() > 0;
        if (traded) {
            ObjectNode order = order(inst, e, "", "7" + e.exchangeOrderId());
            order.put("ordType", "market").put("px", "").put("sz", FakeWire.plain(inst.contracts(e.cumFilledQty())))
                    .put("algoId", e.exchangeOrderId()).put("algoClOrdId", e.clientOrderId());
            sockets.push("private", "orders", e.symbol(), order);
        }
        String state = switch (e.status()) {
            case NEW -> "live";
            case PARTIALLY_FILLED, FILLED -> "effective";
            case CANCELED -> "canceled";
            case EXPIRED, REJECTED -> "order_failed";
        };
        if (e.status() == OrderStatus.PARTIALLY_FILLED && e.cumFilledQty().compareTo(e.lastFillQty()) != 0) {
            return; // OKX reports the stop effective once, when it triggers
        }
        ObjectNode algo = fake.wire.object().put("instType", "SWAP").put("instId", e.symbol())
                .put("algoId", e.exchangeOrderId()).put("algoClOrdId", e.clientOrderId()).put("clOrdId", "")
                .put("ordId", traded ? "7" + e.exchangeOrderId() : "").put("ordType", "conditional")
                .put("side", side(e)).put("posSide", FakeWire.posSide(e.positionSide())).put("tdMode", "cross")
                .put("state", state).put("sz", e.origQty() == null ? "" : FakeWire.plain(inst.contracts(e.origQty())))
                .put("closeFraction", e.origQty() == null ? "1" : "").put("reduceOnly", Boolean.toString(e.reduceOnly()))
                .put("slTriggerPx", "").put("slOrdPx", "-1").put("actualSz", traded ? FakeWire.plain(inst.contracts(e.cumFilledQty())) : "")
                .put("cTime", Long.toString(e.atMs())).put("uTime", Long.toString(e.atMs()));
        sockets.push("business", "orders-algo", e.symbol(), algo);
    }

    private ObjectNode order(FakeInstrument inst, OrderEvent e, String clOrdId, String ordId) {
        boolean traded = e.lastFillQty().signum() > 0;
        boolean limit = e.type() == OrderType.LIMIT;
        return fake.wire.object().put("instType", "SWAP").put("instId", e.symbol()).put("ordId", ordId)
                .put("clOrdId", clOrdId).put("tag", "").put("px", limit ? FakeWire.plain(e.price()) : "")
                .put("sz", e.origQty() == null ? "0" : FakeWire.plain(inst.contracts(e.origQty())))
                .put("ordType", limit ? "limit" : "market").put("side", side(e))
                .put("posSide", FakeWire.posSide(e.positionSide())).put("tdMode", "cross")
                .put("accFillSz", FakeWire.plain(inst.contracts(e.cumFilledQty())))
                .put("fillSz", traded ? FakeWire.plain(inst.contracts(e.lastFillQty())) : "0")
                .put("fillPx", traded ? FakeWire.plain(e.lastFillPrice()) : "")
                .put("tradeId", traded ? e.tradeId() : "")
                .put("fillFee", traded ? FakeWire.plain(e.fee().negate()) : "0")
                .put("fillFeeCcy", traded && e.feeAsset() != null ? e.feeAsset() : "")
                .put("fillTime", traded ? Long.toString(e.atMs()) : "").put("avgPx", traded ? FakeWire.plain(e.lastFillPrice()) : "")
                .put("state", FakeWire.state(e.status())).put("reduceOnly", Boolean.toString(e.reduceOnly()))
                .put("cancelSource", "").put("category", "normal").put("fee", "0").put("feeCcy", "USDT")
                .put("cTime", Long.toString(e.atMs())).put("uTime", Long.toString(e.atMs()));
    }

    private static String side(OrderEvent e) {
        return e.side().name().toLowerCase(Locale.ROOT);
    }

    void account(AccountEvent e) {
        for (PositionSnapshot p : e.positions()) {
            FakeInstrument inst = fake.listed.get(p.symbol());
            if (inst != null) {
                sockets.push("private", "positions", p.symbol(), fake.wire.position(inst, p, fake.lastPrice.get(p.symbol())));
            }
        }
        if (!e.balances().isEmpty()) {
            sockets.push("private", "account", "", fake.wire.balance(e.balances(), e.atMs()));
        }
    }

    void ticker(TickerEvent t) {
        FakeInstrument inst = fake.listed.get(t.symbol());
        if (inst == null || t.last() == null) {
            return;
        }
        BigDecimal bid = t.last().subtract(inst.tickSz());
        BigDecimal ask = t.last().add(inst.tickSz());
        BigDecimal qty = t.lastQty() == null ? inst.ctVal() : t.lastQty();
        String ts = Long.toString(t.atMs());
        sockets.push("public", "tickers", t.symbol(), fake.wire.object().put("instType", "SWAP").put("instId", t.symbol())
                .put("last", FakeWire.plain(t.last())).put("lastSz", FakeWire.plain(inst.contracts(qty)))
                .put("bidPx", FakeWire.plain(bid)).put("bidSz", "1").put("askPx", FakeWire.plain(ask)).put("askSz", "1")
                .put("ts", ts));
        ObjectNode book = fake.wire.object().put("instId", t.symbol()).put("ts", ts).put("seqId", t.atMs());
        book.set("bids", level(bid));
        book.set("asks", level(ask));
        sockets.push("public", "books5", t.symbol(), book);
    }

    /** One level: price, contracts, the deprecated liquidated-orders field, the number of orders. */
    private ArrayNode level(BigDecimal price) {
        return fake.wire.array().add(fake.wire.array().add(FakeWire.plain(price)).add("1").add("0").add("1"));
    }
}
