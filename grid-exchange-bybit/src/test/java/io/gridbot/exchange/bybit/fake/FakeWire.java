package io.gridbot.exchange.bybit.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.exchange.TradeRecord;
import io.gridbot.exchange.account.Balance;
import io.gridbot.exchange.account.PositionSnapshot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The fake's JSON in Bybit's shapes: the envelope ({@code retCode}, {@code retMsg}, {@code result},
 * {@code retExtInfo}, {@code time}), orders (the REST object and the {@code order} topic share it), executions,
 * positions, the unified wallet and instruments. Decimals are plain strings, absent ones {@code ""}.
 */
final class FakeWire {

    private final ObjectMapper json = new ObjectMapper();

    ObjectNode object() {
        return json.createObjectNode();
    }

    ArrayNode array() {
        return json.createArrayNode();
    }

    JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    String text(JsonNode node) {
        return node.toString();
    }

    String envelope(int code, String msg, JsonNode result, JsonNode extInfo, long now) {
        ObjectNode e = object().put("retCode", code).put("retMsg", msg);
        e.set("result", result == null ? object() : result);
        e.set("retExtInfo", extInfo == null ? object() : extInfo);
        e.put("time", now);
        return e.toString();
    }

    /** {@code {"list": [...], "nextPageCursor": ...}}, with {@code category} linear. */
    ObjectNode list(ArrayNode items, String cursor) {
        ObjectNode r = object().put("category", "linear");
        r.set("list", items);
        r.put("nextPageCursor", cursor);
        return r;
    }

    /**
     * An order as Bybit reports it: {@code status} Bybit's own ({@code New}, {@code Untriggered}, {@code Filled}, …);
     * a stop is a conditional market order with qty 0, reduce-only and close-on-trigger.
     */
    ObjectNode order(OrderRequest q, String orderId, String status, String rejectReason, BigDecimal cumQty,
            BigDecimal avgPrice, long createdMs, long updatedMs) {
        boolean stop = q.type() == OrderType.STOP_MARKET;
        BigDecimal qty = q.quantity() == null ? BigDecimal.ZERO : q.quantity();
        BigDecimal leaves = status.equals("New") || status.equals("PartiallyFilled") || status.equals("Untriggered")
                ? qty.subtract(cumQty) : BigDecimal.ZERO;
        return object().put("category", "linear").put("symbol", q.symbol()).put("orderId", orderId)
                .put("orderLinkId", q.clientOrderId()).put("side", side(q.side()))
                .put("orderType", q.type() == OrderType.LIMIT ? "Limit" : "Market")
                .put("price", q.price() == null ? "0" : plain(q.price())).put("qty", plain(qty))
                .put("timeInForce", q.type() == OrderType.LIMIT ? (q.timeInForce() == io.gridbot.core.order.TimeInForce.GTX
                        ? "PostOnly" : "GTC") : "IOC")
                .put("orderStatus", status).put("positionIdx", idx(q.positionSide()))
                .put("reduceOnly", q.reduceOnly() || stop).put("closeOnTrigger", stop)
                .put("cumExecQty", plain(cumQty)).put("cumExecValue", plain(avgPrice == null ? BigDecimal.ZERO
                        : avgPrice.multiply(cumQty))).put("cumExecFee", "0")
                .put("avgPrice", avgPrice == null || cumQty.signum() == 0 ? "" : plain(avgPrice))
                .put("leavesQty", plain(leaves)).put("triggerPrice", stop ? plain(q.stopPrice()) : "")
                .put("triggerDirection", stop ? (q.side() == Side.SELL ? 2 : 1) : 0)
                .put("triggerBy", stop ? (q.trigger() == StopTrigger.MARK ? "MarkPrice" : "LastPrice") : "")
                .put("stopOrderType", stop ? "Stop" : "").put("rejectReason", rejectReason)
                .put("cancelType", "UNKNOWN").put("createdTime", Long.toString(createdMs))
                .put("updatedTime", Long.toString(updatedMs));
    }

    /** An execution of an order: the trade, and what of the order is left. */
    ObjectNode execution(OrderRequest q, TradeRecord t, BigDecimal orderQty, BigDecimal leaves) {
        boolean stop = q != null && q.type() == OrderType.STOP_MARKET;
        return object().put("category", "linear").put("symbol", q == null ? "" : q.symbol())
                .put("orderId", t.exchangeOrderId()).put("orderLinkId", t.clientOrderId()).put("side", side(t.side()))
                .put("orderPrice", q == null || q.price() == null ? plain(t.price()) : plain(q.price()))
                .put("orderQty", plain(orderQty)).put("leavesQty", plain(leaves))
                .put("orderType", q != null && q.type() == OrderType.LIMIT ? "Limit" : "Market")
                .put("stopOrderType", stop ? "Stop" : "UNKNOWN").put("execId", t.tradeId())
                .put("execPrice", plain(t.price())).put("execQty", plain(t.qty())).put("execFee", plain(t.fee()))
                .put("feeCurrency", "").put("execType", "Trade")
                .put("execValue", plain(t.price().multiply(t.qty()))).put("execTime", Long.toString(t.atMs()))
                .put("isMaker", q != null && q.type() == OrderType.LIMIT);
    }

    /** A position leg; {@code entryField} is {@code avgPrice} on REST, {@code entryPrice} on the topic. */
    ObjectNode position(PositionSnapshot p, BigDecimal markPrice, String entryField) {
        BigDecimal size = p.netQty().abs();
        String side = size.signum() == 0 ? "" : switch (p.positionSide()) {
            case LONG -> "Buy";
            case SHORT -> "Sell";
            case BOTH -> p.netQty().signum() > 0 ? "Buy" : "Sell";
        };
        return object().put("positionIdx", idx(p.positionSide())).put("symbol", p.symbol()).put("side", side)
                .put("size", plain(size)).put(entryField, plain(p.entryPrice()))
                .put("markPrice", markPrice == null ? "" : plain(markPrice)).put("unrealisedPnl", plain(p.unrealizedPnl()))
                .put("positionStatus", "Normal").put("updatedTime", Long.toString(p.atMs())).put("category", "linear");
    }

    /** The unified account: each coin's wallet balance, and what is not available as position margin. */
    ObjectNode wallet(List<Balance> balances) {
        ObjectNode account = object().put("accountType", "UNIFIED");
        ArrayNode coins = account.putArray("coin");
        for (Balance b : balances) {
            coins.add(object().put("coin", b.asset()).put("walletBalance", plain(b.wallet())).put("equity", plain(b.wallet()))
                    .put("totalPositionIM", plain(b.wallet().subtract(b.available()).max(BigDecimal.ZERO)))
                    .put("totalOrderIM", "0").put("locked", "0"));
        }
        return account;
    }

    /** How a contract is listed: its contract type, status and settlement coin. */
    record Terms(String contractType, String status, String settleCoin) {
        /** What the adapter trades: a USDT perpetual, trading. */
        static final Terms TRADED = new Terms("LinearPerpetual", "Trading", "USDT");
    }

    ObjectNode instrument(FakeInstrument i, Terms t) {
        ObjectNode o = object().put("symbol", i.symbol()).put("contractType", t.contractType()).put("status", t.status())
                .put("baseCoin", i.baseCoin()).put("quoteCoin", t.settleCoin()).put("settleCoin", t.settleCoin())
                .put("priceScale", "2");
        o.putObject("priceFilter").put("minPrice", plain(i.tickSize())).put("maxPrice", "1999999.80")
                .put("tickSize", plain(i.tickSize()));
        o.putObject("lotSizeFilter").put("maxOrderQty", "1190").put("minOrderQty", plain(i.minOrderQty()))
                .put("qtyStep", plain(i.qtyStep())).put("postOnlyMaxOrderQty", "1190").put("maxMktOrderQty", "500")
                .put("minNotionalValue", plain(i.minNotionalValue()));
        return o;
    }

    /** One entry of {@code GET /v5/market/tickers?category=linear}: the last trade, the book's top at it, the day. */
    ObjectNode ticker(FakeInstrument i, BigDecimal last) {
        String px = plain(last);
        return object().put("symbol", i.symbol()).put("lastPrice", px).put("indexPrice", px).put("markPrice", px)
                .put("prevPrice24h", px).put("price24hPcnt", "0").put("highPrice24h", px).put("lowPrice24h", px)
                .put("prevPrice1h", px).put("openInterest", "0").put("openInterestValue", "0").put("turnover24h", "0")
                .put("volume24h", "0").put("fundingRate", "0.0001").put("nextFundingTime", "0")
                .put("predictedDeliveryPrice", "").put("basisRate", "").put("deliveryFeeRate", "").put("deliveryTime", "0")
                .put("ask1Size", "1").put("bid1Price", px).put("ask1Price", px).put("bid1Size", "1").put("basis", "");
    }

    /**
     * One tier of {@code GET /v5/market/risk-limit?category=linear}, as Bybit sends it: decimals as strings, the
     * initial margin twice the maintenance rate, the first tier the lowest risk.
     */
    ObjectNode riskLimit(String symbol, int id, FakeRiskLimit tier) {
        BigDecimal initial = new BigDecimal(tier.maintenanceMargin()).multiply(BigDecimal.TWO);
        return object().put("id", id).put("symbol", symbol).put("riskLimitValue", tier.riskLimitValue())
                .put("maintenanceMargin", tier.maintenanceMargin()).put("initialMargin", plain(initial))
                .put("isLowestRisk", id == 1 ? 1 : 0)
                .put("maxLeverage", plain(BigDecimal.ONE.divide(initial, 2, RoundingMode.DOWN)))
                .put("mmDeduction", tier.mmDeduction());
    }

    /** Bybit's order status for the simulator's. */
    static String status(OrderStatus s, boolean stop) {
        return switch (s) {
            case NEW -> stop ? "Untriggered" : "New";
            case PARTIALLY_FILLED -> "PartiallyFilled";
            case FILLED -> "Filled";
            case CANCELED, EXPIRED -> stop ? "Deactivated" : "Cancelled";
            case REJECTED -> "Rejected";
        };
    }

    static int idx(PositionSide side) {
        return switch (side) {
            case BOTH -> 0;
            case LONG -> 1;
            case SHORT -> 2;
        };
    }

    static String side(Side side) {
        return side == Side.BUY ? "Buy" : "Sell";
    }

    static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
