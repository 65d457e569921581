package io.gridbot.exchange.okx.rest;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.okx.wire.ContractSize;
import io.gridbot.exchange.okx.wire.NeutralMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The JSON body of an order as OKX spells it: cross margin ({@code tdMode} {@code cross}), the size in contracts
 * (a base quantity that is no whole number of lots is refused here, never rounded), decimals as plain strings,
 * {@code post_only} for a GTX limit, {@code posSide} {@code net} in net mode or the leg in long/short mode, and
 * {@code reduceOnly} only in net mode (OKX applies it there only: a long/short close reduces by its side). The
 * core's client id goes as {@code clOrdId}, which OKX allows as 1 to 32 letters and digits; any other id is
 * refused before sending.
 */
public final class OrderBody {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9]{1,32}");

    private OrderBody() {
    }

    /** {@code POST /api/v5/trade/order} (also one item of {@code batch-orders}) of a LIMIT or MARKET order. */
    public static Map<String, Object> order(OrderRequest q, ContractSize size) throws ExchangeException {
        if (q.type() == OrderType.STOP_MARKET) {
            throw new IllegalArgumentException("stops go to the algo-order endpoint");
        }
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("instId", q.symbol());
        b.put("tdMode", "cross");
        b.put("clOrdId", clientId(q.clientOrderId()));
        b.put("side", side(q));
        b.put("posSide", NeutralMapper.posSide(q.positionSide()));
        if (q.type() == OrderType.LIMIT) {
            b.put("ordType", q.timeInForce() == TimeInForce.GTX ? "post_only" : "limit");
            b.put("px", plain(q.price()));
        } else {
            b.put("ordType", "market");
        }
        b.put("sz", plain(contracts(size, q.quantity())));
        if (q.reduceOnly() && q.positionSide() != PositionSide.BOTH) {
            // OKX ignores reduceOnly in long/short mode (a close there reduces by its side): sending it would
            // promise a guard OKX does not give, so the order is refused here.
            throw OkxErrors.refusedLocally(ExchangeErrorKind.OTHER, "reduce-only applies to the net position only: "
                    + "in long/short mode an order on the " + q.positionSide() + " leg can only close that leg anyway: "
                    + "send it without reduce-only");
        }
        if (q.reduceOnly()) {
            b.put("reduceOnly", true);
        }
        return b;
    }

    /**
     * {@code POST /api/v5/trade/order-algo} of the protective stop: a {@code conditional} stop-loss that sells or
     * buys at market ({@code slOrdPx} -1) when the last or mark price reaches the trigger, closing the whole
     * position ({@code closeFraction} 1; in net mode OKX then requires {@code reduceOnly}). A stop with its own
     * quantity sends it in contracts instead.
     */
    public static Map<String, Object> protectiveStop(OrderRequest q, ContractSize size) throws ExchangeException {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("instId", q.symbol());
        b.put("tdMode", "cross");
        b.put("algoClOrdId", clientId(q.clientOrderId()));
        b.put("side", side(q));
        b.put("posSide", NeutralMapper.posSide(q.positionSide()));
        b.put("ordType", "conditional");
        if (q.closePosition()) {
            b.put("closeFraction", "1");
        } else {
            b.put("sz", plain(contracts(size, q.quantity())));
        }
        b.put("slTriggerPx", plain(q.stopPrice()));
        b.put("slOrdPx", "-1");
        b.put("slTriggerPxType", q.trigger() == StopTrigger.MARK ? "mark" : "last");
        if (q.positionSide() == PositionSide.BOTH && (q.closePosition() || q.reduceOnly())) {
            b.put("reduceOnly", true);
        }
        return b;
    }

    /** A client id OKX accepts, else the refusal that names the rule. */
    public static String clientId(String id) throws ExchangeException {
        if (id == null || !CLIENT_ID.matcher(id).matches()) {
            throw OkxErrors.refusedLocally(ExchangeErrorKind.OTHER, "client order id '" + id
                    + "' is not valid on OKX: it must be 1 to 32 letters and digits");
        }
        return id;
    }

    private static BigDecimal contracts(ContractSize size, BigDecimal baseQuantity) throws ExchangeException {
        if (baseQuantity == null) {
            throw OkxErrors.refusedLocally(ExchangeErrorKind.PRECISION, "an order on " + size.instId() + " needs a quantity");
        }
        try {
            return size.contracts(baseQuantity);
        } catch (IllegalArgumentException e) {
            throw OkxErrors.refusedLocally(ExchangeErrorKind.PRECISION, e.getMessage());
        }
    }

    private static String side(OrderRequest q) {
        return switch (q.side()) {
            case BUY -> "buy";
            case SELL -> "sell";
        };
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
