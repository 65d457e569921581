package io.gridbot.exchange.bybit.rest;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.bybit.wire.NeutralMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The JSON body of an order as Bybit spells it for {@code category} {@code linear}: quantities in the base coin,
 * decimals as plain strings, {@code timeInForce} {@code PostOnly} for a GTX limit, {@code positionIdx} 0 in one-way
 * mode or the leg's 1 / 2 in hedge mode, and the core's client id as {@code orderLinkId} (at most 36 letters,
 * digits, {@code -} and {@code _}, which the core's ids are). Refused here, before sending: a price off the tick or
 * a quantity off the step ({@code PRECISION}: Bybit answers those with its generic parameter error), an id Bybit
 * would refuse, and a reduce-only flag on a hedge leg, which Bybit would take but the SPI refuses on every venue (a
 * hedge close reduces its leg by its side).
 */
public final class OrderBody {

    private static final Pattern ORDER_LINK_ID = Pattern.compile("[A-Za-z0-9_-]{1,36}");

    private OrderBody() {
    }

    /** {@code POST /v5/order/create} (also one item of {@code create-batch}) of a LIMIT or MARKET order. */
    public static Map<String, Object> order(OrderRequest q, SymbolRules rules) throws ExchangeException {
        if (q.type() == OrderType.STOP_MARKET) {
            throw new IllegalArgumentException("stops are conditional orders: see protectiveStop");
        }
        if (q.reduceOnly() && q.positionSide() != PositionSide.BOTH) {
            throw BybitErrors.refusedLocally(ExchangeErrorKind.OTHER, "a hedge-mode order closes its leg by its side: "
                    + "reduce-only is for one-way mode");
        }
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("category", "linear");
        b.put("symbol", q.symbol());
        b.put("side", NeutralMapper.side(q.side()));
        b.put("orderType", q.type() == OrderType.LIMIT ? "Limit" : "Market");
        b.put("qty", plain(onStep(q.quantity(), rules)));
        if (q.type() == OrderType.LIMIT) {
            b.put("price", plain(onTick(q.price(), rules)));
            b.put("timeInForce", q.timeInForce() == TimeInForce.GTX ? "PostOnly" : "GTC");
        }
        b.put("positionIdx", NeutralMapper.positionIdx(q.positionSide()));
        b.put("orderLinkId", orderLinkId(q.clientOrderId()));
        if (q.reduceOnly()) {
            b.put("reduceOnly", true);
        }
        return b;
    }

    /**
     * {@code POST /v5/order/create} of the protective stop, a conditional market order: it triggers when the last
     * (or mark) price falls to the trigger for a sell, rises to it for a buy ({@code triggerDirection} 2 / 1), and
     * closes the whole position ({@code qty} 0 with {@code reduceOnly} and {@code closeOnTrigger}); a stop with its
     * own quantity sends it instead.
     */
    public static Map<String, Object> protectiveStop(OrderRequest q, SymbolRules rules) throws ExchangeException {
        if (q.type() != OrderType.STOP_MARKET) {
            throw BybitErrors.refusedLocally(ExchangeErrorKind.OTHER, "a protective stop must be a STOP_MARKET order");
        }
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("category", "linear");
        b.put("symbol", q.symbol());
        b.put("side", NeutralMapper.side(q.side()));
        b.put("orderType", "Market");
        b.put("qty", q.closePosition() || q.quantity() == null ? "0" : plain(onStep(q.quantity(), rules)));
        b.put("triggerPrice", plain(onTick(q.stopPrice(), rules)));
        b.put("triggerDirection", q.side() == Side.SELL ? 2 : 1);
        b.put("triggerBy", q.trigger() == StopTrigger.MARK ? "MarkPrice" : "LastPrice");
        b.put("positionIdx", NeutralMapper.positionIdx(q.positionSide()));
        b.put("orderLinkId", orderLinkId(q.clientOrderId()));
        b.put("reduceOnly", true);
        b.put("closeOnTrigger", true);
        return b;
    }

    /** A client id Bybit accepts, else the refusal that names the rule. */
    public static String orderLinkId(String id) throws ExchangeException {
        if (id == null || !ORDER_LINK_ID.matcher(id).matches()) {
            throw BybitErrors.refusedLocally(ExchangeErrorKind.OTHER, "client order id '" + id
                    + "' is not valid on Bybit: it must be 1 to 36 letters, digits, - and _");
        }
        return id;
    }

    private static BigDecimal onTick(BigDecimal price, SymbolRules rules) throws ExchangeException {
        if (price == null || price.signum() <= 0 || !rules.onTick(price)) {
            throw BybitErrors.refusedLocally(ExchangeErrorKind.PRECISION, "price " + price + " on " + rules.symbol()
                    + " is not a positive multiple of the tick " + rules.tickSize().toPlainString());
        }
        return price;
    }

    private static BigDecimal onStep(BigDecimal qty, SymbolRules rules) throws ExchangeException {
        if (qty == null || qty.signum() <= 0 || !rules.onStep(qty)) {
            throw BybitErrors.refusedLocally(ExchangeErrorKind.PRECISION, "quantity " + qty + " on " + rules.symbol()
                    + " is not a positive multiple of the step " + rules.stepSize().toPlainString());
        }
        return qty;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
