package io.gridbot.exchange.binance.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.exchange.OrderState;
import io.gridbot.exchange.TradeRecord;
import io.gridbot.exchange.account.Balance;
import io.gridbot.exchange.account.PositionSnapshot;
import io.gridbot.exchange.stream.AccountEvent;
import io.gridbot.exchange.stream.OrderEvent;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * Writes Binance's JSON shapes from the simulator's values, as the real venue spells them: decimals as
 * strings, ids and times as numbers, booleans as booleans, and the extra fields real payloads carry.
 */
final class FakeWire {

    private final ObjectMapper json = new ObjectMapper();

    ObjectNode error(int code, String msg) {
        return json.createObjectNode().put("code", code).put("msg", msg);
    }

    ObjectNode object() {
        return json.createObjectNode();
    }

    ArrayNode array() {
        return json.createArrayNode();
    }

    String text(Object node) {
        try {
            return json.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How a symbol is listed: its status, contract type and quote asset. */
    record Terms(String status, String contractType, String quoteAsset) {
        /** What the adapter trades: a USDT perpetual, trading. */
        static final Terms TRADED = new Terms("TRADING", "PERPETUAL", "USDT");
    }

    ObjectNode exchangeInfo(long serverTime, Collection<SymbolRules> symbols, Map<String, Terms> terms) {
        ObjectNode root = object().put("timezone", "UTC").put("serverTime", serverTime).put("futuresType", "U_MARGINED");
        ArrayNode limits = root.putArray("rateLimits");
        limits.add(object().put("rateLimitType", "REQUEST_WEIGHT").put("interval", "MINUTE").put("intervalNum", 1).put("limit", 2400));
        limits.add(object().put("rateLimitType", "ORDERS").put("interval", "MINUTE").put("intervalNum", 1).put("limit", 1200));
        limits.add(object().put("rateLimitType", "ORDERS").put("interval", "SECOND").put("intervalNum", 10).put("limit", 300));
        root.putArray("exchangeFilters");
        root.putArray("assets").add(object().put("asset", "USDT").put("marginAvailable", true).put("autoAssetExchange", "-10000"));
        ArrayNode list = root.putArray("symbols");
        for (SymbolRules r : symbols) {
            Terms t = terms.getOrDefault(r.symbol(), Terms.TRADED);
            ObjectNode s = list.addObject().put("symbol", r.symbol()).put("pair", r.symbol())
                    .put("contractType", t.contractType()).put("status", t.status())
                    .put("baseAsset", r.symbol().replace(t.quoteAsset(), "")).put("quoteAsset", t.quoteAsset())
                    .put("marginAsset", t.quoteAsset()).put("pricePrecision", 2).put("quantityPrecision", 3)
                    .put("liquidationFee", "0.012500").put("marketTakeBound", "0.05");
            ArrayNode filters = s.putArray("filters");
            filters.addObject().put("filterType", "PRICE_FILTER").put("minPrice", "0.10").put("maxPrice", "4529764")
                    .put("tickSize", r.tickSize().toPlainString());
            filters.addObject().put("filterType", "LOT_SIZE").put("minQty", r.minQty().toPlainString()).put("maxQty", "1000")
                    .put("stepSize", r.stepSize().toPlainString());
            filters.addObject().put("filterType", "MARKET_LOT_SIZE").put("minQty", r.minQty().toPlainString())
                    .put("maxQty", "120").put("stepSize", r.stepSize().toPlainString());
            filters.addObject().put("filterType", "MAX_NUM_ORDERS").put("limit", r.maxOpenOrders());
            filters.addObject().put("filterType", "MAX_NUM_ALGO_ORDERS").put("limit", 10);
            filters.addObject().put("filterType", "MIN_NOTIONAL").put("notional", r.minNotional().toPlainString());
            filters.addObject().put("filterType", "PERCENT_PRICE").put("multiplierUp", "1.0500").put("multiplierDown", "0.9500")
                    .put("multiplierDecimal", "4");
            s.putArray("orderTypes").add("LIMIT").add("MARKET").add("STOP").add("STOP_MARKET").add("TAKE_PROFIT")
                    .add("TAKE_PROFIT_MARKET").add("TRAILING_STOP_MARKET");
            s.putArray("timeInForce").add("GTC").add("IOC").add("FOK").add("GTX").add("GTD");
        }
        return root;
    }

    /** {@code ticker/price} of one symbol. */
    ObjectNode tickerPrice(String symbol, BigDecimal price, long time) {
        return object().put("symbol", symbol).put("price", price.toPlainString()).put("time", time);
    }

    /** The order object of new-order, cancel and query answers. */
    ObjectNode order(OrderRequest q, OrderState state, long time) {
        String type = q.type().name();
        ObjectNode o = object().put("orderId", Long.parseLong(state.exchangeOrderId())).put("symbol", q.symbol())
                .put("status", state.status().name()).put("clientOrderId", q.clientOrderId())
                .put("price", q.price() == null ? "0" : q.price().toPlainString())
                .put("avgPrice", state.avgPrice() == null ? "0.00" : state.avgPrice().toPlainString())
                .put("origQty", q.quantity() == null ? "0" : q.quantity().toPlainString())
                .put("executedQty", state.cumFilledQty().toPlainString()).put("cumQty", state.cumFilledQty().toPlainString())
                .put("cumQuote", state.avgPrice() == null ? "0" : state.avgPrice().multiply(state.cumFilledQty()).toPlainString())
                .put("timeInForce", q.timeInForce() == null ? "GTC" : q.timeInForce().name()).put("type", type)
                .put("origType", type).put("reduceOnly", q.reduceOnly()).put("closePosition", q.closePosition())
                .put("side", q.side().name()).put("positionSide", q.positionSide().name()).put("stopPrice", "0")
                .put("workingType", "CONTRACT_PRICE").put("priceProtect", false).put("priceMatch", "NONE")
                .put("selfTradePreventionMode", "EXPIRE_MAKER").put("goodTillDate", 0).put("time", time)
                .put("updateTime", state.updateTimeMs());
        return o;
    }

    /** An open order as {@code openOrders} lists it. */
    ObjectNode openOrder(OpenOrder o, OrderRequest q, long time) {
        OrderState state = new OrderState(o.clientOrderId(), o.exchangeOrderId(), o.side(),
                o.filledQty().signum() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW, o.price(), o.origQty(),
                o.filledQty(), null, time);
        return order(q, state, time);
    }

    private static String workingType(OrderRequest q) {
        return q.trigger() == io.gridbot.core.order.StopTrigger.MARK ? "MARK_PRICE" : "CONTRACT_PRICE";
    }

    /** A conditional order of the Algo service. */
    ObjectNode algoOrder(OrderRequest q, String algoId, String status, long time) {
        return object().put("algoId", Long.parseLong(algoId)).put("clientAlgoId", q.clientOrderId())
                .put("algoType", "CONDITIONAL").put("orderType", "STOP_MARKET").put("symbol", q.symbol())
                .put("side", q.side().name()).put("positionSide", q.positionSide().name()).put("timeInForce", "GTC")
                .put("quantity", "0").put("algoStatus", status).put("triggerPrice", q.stopPrice().toPlainString())
                .put("price", "0").put("workingType", workingType(q)).put("priceMatch", "NONE")
                .put("closePosition", q.closePosition()).put("priceProtect", false).put("reduceOnly", q.reduceOnly())
                .put("createTime", time).put("updateTime", time).put("triggerTime", 0).put("goodTillDate", 0);
    }

    ObjectNode positionRisk(PositionSnapshot p, BigDecimal mark) {
        return object().put("symbol", p.symbol()).put("positionAmt", p.netQty().toPlainString())
                .put("entryPrice", p.entryPrice().toPlainString()).put("breakEvenPrice", p.entryPrice().toPlainString())
                .put("markPrice", mark.toPlainString()).put("unRealizedProfit", p.unrealizedPnl().toPlainString())
                .put("liquidationPrice", "0").put("leverage", "20").put("maxNotionalValue", "250000")
                .put("marginType", "cross").put("isolatedMargin", "0.00000000").put("isAutoAddMargin", "false")
                .put("positionSide", p.positionSide().name()).put("notional", p.netQty().multiply(mark).toPlainString())
                .put("isolatedWallet", "0").put("updateTime", p.atMs());
    }

    ObjectNode balance(Balance b, long time) {
        return object().put("accountAlias", "SgsR").put("asset", b.asset()).put("balance", b.wallet().toPlainString())
                .put("crossWalletBalance", b.wallet().toPlainString()).put("crossUnPnl", "0.00000000")
                .put("availableBalance", b.available().toPlainString()).put("maxWithdrawAmount", b.available().toPlainString())
                .put("marginAvailable", true).put("updateTime", time);
    }

    /** A userTrades entry on the order's leg: Binance names the order id, not the client id. */
    ObjectNode userTrade(String symbol, TradeRecord t, io.gridbot.core.order.PositionSide leg) {
        return object().put("buyer", t.side().name().equals("BUY")).put("commission", t.fee().toPlainString())
                .put("commissionAsset", t.feeAsset()).put("id", Long.parseLong(t.tradeId())).put("maker", false)
                .put("orderId", Long.parseLong(t.exchangeOrderId())).put("price", t.price().toPlainString())
                .put("qty", t.qty().toPlainString()).put("quoteQty", t.price().multiply(t.qty()).toPlainString())
                .put("realizedPnl", "0").put("side", t.side().name()).put("positionSide", leg.name()).put("symbol", symbol)
                .put("marginAsset", "USDT").put("time", t.atMs());
    }

    /** ORDER_TRADE_UPDATE for a limit or market order, or for the market order a triggered stop became. */
    ObjectNode orderTradeUpdate(OrderEvent e, OrderRequest q, BigDecimal avgPrice) {
        return orderTradeUpdate(e, q, avgPrice, e.clientOrderId(), e.exchangeOrderId());
    }

    /** ORDER_TRADE_UPDATE under the given client and order ids (a triggered stop's own order). */
    ObjectNode orderTradeUpdate(OrderEvent e, OrderRequest q, BigDecimal avgPrice, String clientId, String orderId) {
        boolean traded = e.lastFillQty().signum() > 0;
        String execution = traded ? "TRADE" : switch (e.status()) {
            case NEW -> "NEW";
            case CANCELED -> "CANCELED";
            case EXPIRED, REJECTED -> "EXPIRED";
            default -> "TRADE";
        };
        boolean stop = FakeBinance.inAlgoService(q);
        String type = stop ? "MARKET" : e.type().name();
        ObjectNode o = object().put("s", e.symbol()).put("c", clientId).put("S", e.side().name()).put("o", type)
                .put("f", q != null && q.timeInForce() != null ? q.timeInForce().name() : "GTC")
                .put("q", e.origQty() == null ? (traded ? e.lastFillQty().toPlainString() : "0") : e.origQty().toPlainString())
                .put("p", e.price() == null ? "0" : e.price().toPlainString())
                .put("ap", avgPrice == null ? "0" : avgPrice.toPlainString()).put("sp", "0").put("x", execution)
                .put("X", e.status().name()).put("i", Long.parseLong(orderId))
                .put("l", e.lastFillQty().toPlainString()).put("z", e.cumFilledQty().toPlainString())
                .put("L", traded ? e.lastFillPrice().toPlainString() : "0").put("T", e.atMs())
                .put("t", e.tradeId() == null ? 0 : Long.parseLong(e.tradeId())).put("b", "0").put("a", "0")
                .put("m", traded && !stop && e.type() == io.gridbot.core.order.OrderType.LIMIT).put("R", e.reduceOnly() || stop)
                .put("wt", "CONTRACT_PRICE").put("ot", stop ? "STOP_MARKET" : type)
                .put("ps", q == null ? "BOTH" : q.positionSide().name()).put("cp", stop)
                .put("rp", "0").put("pP", false).put("si", 0).put("ss", 0).put("V", "EXPIRE_MAKER").put("pm", "NONE")
                .put("gtd", 0).put("er", "0");
        if (traded) {
            o.put("N", e.feeAsset()).put("n", e.fee().toPlainString());
        }
        return object().put("e", "ORDER_TRADE_UPDATE").put("T", e.atMs()).put("E", e.atMs()).set("o", o);
    }

    ObjectNode algoUpdate(OrderRequest q, String algoId, String status, long time) {
        return algoUpdate(q, algoId, status, "", time);
    }

    /** ALGO_UPDATE; {@code actualOrderId} names the order a triggered stop became ("" before). */
    ObjectNode algoUpdate(OrderRequest q, String algoId, String status, String actualOrderId, long time) {
        ObjectNode o = object().put("caid", q.clientOrderId()).put("aid", Long.parseLong(algoId)).put("at", "CONDITIONAL")
                .put("o", "STOP_MARKET").put("s", q.symbol()).put("S", q.side().name()).put("ps", q.positionSide().name()).put("f", "GTC")
                .put("q", "0").put("X", status).put("ai", actualOrderId).put("ap", "0.00000").put("aq", "0.00000").put("act", "0")
                .put("tp", q.stopPrice().toPlainString()).put("p", "0").put("V", "EXPIRE_MAKER").put("wt", workingType(q))
                .put("pm", "NONE").put("cp", q.closePosition()).put("pP", false).put("R", q.reduceOnly()).put("tt", 0)
                .put("gtd", 0).put("rm", "");
        return object().put("e", "ALGO_UPDATE").put("T", time).put("E", time).set("o", o);
    }

    ObjectNode accountUpdate(AccountEvent e) {
        ObjectNode a = object().put("m", e.reason());
        ArrayNode balances = a.putArray("B");
        for (Balance b : e.balances()) {
            balances.addObject().put("a", b.asset()).put("wb", b.wallet().toPlainString()).put("cw", b.wallet().toPlainString())
                    .put("bc", "0");
        }
        ArrayNode positions = a.putArray("P");
        for (PositionSnapshot p : e.positions()) {
            positions.addObject().put("s", p.symbol()).put("pa", p.netQty().toPlainString())
                    .put("ep", p.entryPrice().toPlainString()).put("bep", p.entryPrice().toPlainString()).put("cr", "0")
                    .put("up", p.unrealizedPnl().toPlainString()).put("mt", "cross").put("iw", "0")
                    .put("ps", p.positionSide().name());
        }
        return object().put("e", "ACCOUNT_UPDATE").put("T", e.atMs()).put("E", e.atMs()).set("a", a);
    }

    // Real captures order bookTicker fields differently from the docs: so does the fake.
    ObjectNode bookTicker(String symbol, long updateId, BigDecimal bid, BigDecimal ask, long time) {
        return object().put("e", "bookTicker").put("u", updateId).put("s", symbol).put("b", bid.toPlainString()).put("B", "1.000")
                .put("a", ask.toPlainString()).put("A", "1.000").put("T", time).put("E", time);
    }

    ObjectNode aggTrade(String symbol, long id, BigDecimal price, BigDecimal qty, long time) {
        return object().put("e", "aggTrade").put("E", time).put("a", id).put("s", symbol).put("p", price.toPlainString())
                .put("q", qty.toPlainString()).put("nq", qty.toPlainString()).put("f", id).put("l", id).put("T", time)
                .put("m", false);
    }

    ObjectNode markPrice(String symbol, BigDecimal mark, long time) {
        return object().put("e", "markPriceUpdate").put("E", time).put("s", symbol).put("p", mark.toPlainString())
                .put("i", mark.toPlainString()).put("P", mark.toPlainString()).put("r", "0.00010000")
                .put("T", time - time % 28_800_000 + 28_800_000);
    }

    ObjectNode depth(String symbol, long updateId, BigDecimal bid, BigDecimal ask, long time) {
        ObjectNode d = object().put("e", "depthUpdate").put("E", time).put("T", time).put("s", symbol).put("U", updateId)
                .put("u", updateId).put("pu", updateId - 1);
        d.putArray("b").addArray().add(bid.toPlainString()).add("1.000");
        d.putArray("a").addArray().add(ask.toPlainString()).add("1.000");
        return d;
    }
}
