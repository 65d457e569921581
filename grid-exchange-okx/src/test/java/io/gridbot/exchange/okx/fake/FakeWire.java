package io.gridbot.exchange.okx.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.OrderState;
import io.gridbot.exchange.TradeRecord;
import io.gridbot.exchange.account.Balance;
import io.gridbot.exchange.account.PositionSnapshot;
import java.math.BigDecimal;
import java.util.List;

/**
 * Builds the fake's answers in OKX's shapes (field names, every number a string, {@code ""} for an absent one),
 * as OKX's documentation shows them: the envelope, orders, fills, positions, the balance, instruments and
 * conditional orders. Sizes go out in contracts.
 */
final class FakeWire {

    private final ObjectMapper json = new ObjectMapper();

    ArrayNode array() {
        return json.createArrayNode();
    }

    ObjectNode object() {
        return json.createObjectNode();
    }

    String text(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** {@code {"code":"0","msg":"","data":[...]}}, or {@code code} 1 / 2 when items failed. */
    String envelope(String code, String msg, ArrayNode data) {
        ObjectNode e = object().put("code", code).put("msg", msg);
        e.set("data", data);
        return text(e);
    }

    String ok(ArrayNode data) {
        return envelope("0", "", data);
    }

    /** An item of a place or cancel answer. */
    ObjectNode result(String ordId, String clOrdId, long ts, String sCode, String sMsg) {
        return object().put("clOrdId", clOrdId == null ? "" : clOrdId).put("ordId", ordId == null ? "" : ordId)
                .put("tag", "").put("ts", Long.toString(ts)).put("sCode", sCode).put("sMsg", sMsg).put("subCode", "");
    }

    ObjectNode algoResult(String algoId, String algoClOrdId, String sCode, String sMsg) {
        return object().put("algoId", algoId == null ? "" : algoId).put("clOrdId", "")
                .put("algoClOrdId", algoClOrdId == null ? "" : algoClOrdId).put("sCode", sCode).put("sMsg", sMsg)
                .put("tag", "");
    }

    /** An order as {@code GET /api/v5/trade/order} shows it. */
    ObjectNode order(FakeInstrument inst, OrderRequest q, OrderState s, long createdMs, String cancelSource) {
        boolean limit = q.type() == OrderType.LIMIT;
        return object().put("instType", "SWAP").put("instId", q.symbol()).put("ordId", s.exchangeOrderId())
                .put("clOrdId", q.clientOrderId()).put("tag", "").put("px", limit ? plain(q.price()) : "")
                .put("sz", plain(inst.contracts(q.quantity())))
                .put("ordType", !limit ? "market" : q.timeInForce() == TimeInForce.GTX ? "post_only" : "limit")
                .put("side", q.side().name().toLowerCase(java.util.Locale.ROOT)).put("posSide", posSide(q.positionSide()))
                .put("tdMode", "cross").put("accFillSz", plain(inst.contracts(s.cumFilledQty()))).put("fillPx", "")
                .put("fillSz", "0").put("tradeId", "").put("avgPx", s.avgPrice() == null ? "" : plain(s.avgPrice()))
                .put("state", state(s.status())).put("reduceOnly", Boolean.toString(q.reduceOnly()))
                .put("cancelSource", cancelSource).put("cancelSourceReason", "").put("category", "normal")
                .put("fee", "0").put("feeCcy", "USDT").put("lever", "10").put("pnl", "0")
                .put("cTime", Long.toString(createdMs)).put("uTime", Long.toString(Math.max(createdMs, s.updateTimeMs())));
    }

    /** A post-only order that would have taken: accepted, then cancelled at once with cancel source 31. */
    ObjectNode cancelledAtEntry(FakeInstrument inst, OrderRequest q, String ordId, long atMs) {
        OrderState s = new OrderState(q.clientOrderId(), ordId, q.side(), OrderStatus.CANCELED, q.price(), q.quantity(),
                BigDecimal.ZERO, null, atMs);
        return order(inst, q, s, atMs, "31");
    }

    ObjectNode fill(FakeInstrument inst, TradeRecord t, PositionSide side, boolean maker) {
        return object().put("instType", "SWAP").put("instId", inst.instId()).put("tradeId", t.tradeId())
                .put("ordId", t.exchangeOrderId()).put("clOrdId", t.clientOrderId()).put("billId", t.tradeId())
                .put("subType", "").put("tag", "").put("fillPx", plain(t.price()))
                .put("fillSz", plain(inst.contracts(t.qty()))).put("side", t.side().name().toLowerCase(java.util.Locale.ROOT))
                .put("posSide", posSide(side)).put("execType", maker ? "M" : "T").put("feeCcy", t.feeAsset())
                .put("fee", plain(t.fee().negate())).put("ts", Long.toString(t.atMs()))
                .put("fillTime", Long.toString(t.atMs())).put("fillMarkPx", "").put("fillPnl", "0");
    }

    /** A position: signed contracts in net mode, a positive size on each leg in long/short mode. */
    ObjectNode position(FakeInstrument inst, PositionSnapshot p, BigDecimal mark) {
        BigDecimal contracts = inst.contracts(p.netQty());
        BigDecimal pos = p.positionSide() == PositionSide.BOTH ? contracts : contracts.abs();
        return object().put("instType", "SWAP").put("instId", inst.instId()).put("mgnMode", "cross")
                .put("posId", Integer.toHexString((inst.instId() + p.positionSide()).hashCode()))
                .put("posSide", posSide(p.positionSide())).put("pos", plain(pos)).put("ccy", "USDT")
                .put("avgPx", plain(p.entryPrice())).put("upl", plain(p.unrealizedPnl()))
                .put("markPx", mark == null ? "" : plain(mark)).put("last", mark == null ? "" : plain(mark))
                .put("lever", "10").put("liqPx", "").put("imr", "").put("margin", "").put("mgnRatio", "")
                .put("cTime", Long.toString(p.atMs())).put("uTime", Long.toString(p.atMs()));
    }

    ObjectNode balance(List<Balance> balances, long atMs) {
        ArrayNode details = array();
        BigDecimal total = BigDecimal.ZERO;
        for (Balance b : balances) {
            total = total.add(b.wallet());
            details.add(object().put("ccy", b.asset()).put("eq", plain(b.wallet())).put("cashBal", plain(b.wallet()))
                    .put("availBal", plain(b.available())).put("availEq", plain(b.available()))
                    .put("frozenBal", plain(b.wallet().subtract(b.available()).max(BigDecimal.ZERO))).put("upl", "0")
                    .put("uTime", Long.toString(atMs)));
        }
        ObjectNode account = object().put("uTime", Long.toString(atMs)).put("totalEq", plain(total)).put("adjEq", "")
                .put("imr", "").put("mmr", "").put("mgnRatio", "").put("upl", "");
        account.set("details", details);
        return account;
    }

    /** How a swap is listed: its state, settlement currency and contract type. */
    record Terms(String state, String settleCcy, String ctType) {
        /** What the adapter trades: a live USDT-settled linear swap. */
        static final Terms TRADED = new Terms("live", "USDT", "linear");
    }

    ObjectNode instrument(FakeInstrument i, Terms t) {
        String family = i.baseCcy() + "-" + t.settleCcy();
        return object().put("instType", "SWAP").put("instId", i.instId()).put("uly", family).put("instFamily", family)
                .put("baseCcy", "").put("quoteCcy", "").put("settleCcy", t.settleCcy()).put("ctVal", plain(i.ctVal()))
                .put("ctMult", "1").put("ctValCcy", i.baseCcy()).put("ctType", t.ctType()).put("tickSz", plain(i.tickSz()))
                .put("lotSz", plain(i.lotSz())).put("minSz", plain(i.minSz())).put("state", t.state())
                .put("ruleType", "normal").put("lever", "100").put("maxLmtSz", "100000000").put("maxMktSz", "10000")
                .put("listTime", "1611916828000").put("expTime", "").put("alias", "");
    }

    /** {@code GET /api/v5/market/ticker}'s one item: the last trade, the best bid and ask at it, the day's range. */
    ObjectNode ticker(FakeInstrument i, BigDecimal last, long ts) {
        String px = plain(last);
        return object().put("instType", "SWAP").put("instId", i.instId()).put("last", px).put("lastSz", "1")
                .put("askPx", px).put("askSz", "10").put("bidPx", px).put("bidSz", "10").put("open24h", px)
                .put("high24h", px).put("low24h", px).put("volCcy24h", "0").put("vol24h", "0").put("sodUtc0", px)
                .put("sodUtc8", px).put("ts", Long.toString(ts));
    }

    /** A close-position conditional order. */
    ObjectNode algo(FakeInstrument inst, OrderRequest q, String algoId, String state, long createdMs, long updatedMs) {
        return object().put("instType", "SWAP").put("instId", inst.instId()).put("algoId", algoId)
                .put("algoClOrdId", q.clientOrderId()).put("clOrdId", "").put("ordType", "conditional")
                .put("side", q.side().name().toLowerCase(java.util.Locale.ROOT)).put("posSide", posSide(q.positionSide()))
                .put("tdMode", "cross").put("state", state).put("sz", "").put("closeFraction", "1")
                .put("reduceOnly", Boolean.toString(q.positionSide() == PositionSide.BOTH))
                .put("slTriggerPx", plain(q.stopPrice()))
                .put("slTriggerPxType", q.trigger() == io.gridbot.core.order.StopTrigger.MARK ? "mark" : "last")
                .put("slOrdPx", "-1").put("tpTriggerPx", "").put("tpOrdPx", "").put("actualSz", "0").put("triggerTime", "")
                .put("cTime", Long.toString(createdMs)).put("uTime", Long.toString(updatedMs));
    }

    static String posSide(PositionSide side) {
        return switch (side) {
            case BOTH -> "net";
            case LONG -> "long";
            case SHORT -> "short";
        };
    }

    static String state(OrderStatus status) {
        return switch (status) {
            case NEW -> "live";
            case PARTIALLY_FILLED -> "partially_filled";
            case FILLED -> "filled";
            case CANCELED, EXPIRED, REJECTED -> "canceled";
        };
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
