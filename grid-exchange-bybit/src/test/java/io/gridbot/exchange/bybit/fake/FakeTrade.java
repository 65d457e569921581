package io.gridbot.exchange.bybit.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeException;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The fake's order routes: create (a regular order, or a conditional one when it names a {@code triggerPrice}), the
 * batch create, cancel, the batch cancel and cancel-all. Requests are checked as Bybit checks them (category linear,
 * a listed symbol, {@code orderLinkId} of 1 to 36 letters, digits, {@code -} and {@code _} never used before, the
 * position index against the position mode, a conditional order's trigger on the side of the market its direction
 * says) and passed to the simulator; its refusals come back with Bybit's {@code retCode}s. A post-only order that
 * would take is accepted and cancelled at once ({@code EC_PostOnlyWillTakeLiquidity}), as Bybit does. In hedge mode
 * a reduce-only flag is taken and dropped: a close reduces its leg by its side anyway.
 */
final class FakeTrade {

    private static final Pattern ORDER_LINK_ID = Pattern.compile("[A-Za-z0-9_-]{1,36}");

    /** An order Bybit refuses, with its code. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int code;

        Refused(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    private final FakeBybit fake;
    private final FakeOrderBook book;

    FakeTrade(FakeBybit fake, FakeOrderBook book) {
        this.fake = fake;
        this.book = book;
    }

    /** One order: its {@code {orderId, orderLinkId}}, or the refusal. */
    ObjectNode create(JsonNode o, String category) throws Refused {
        FakeFaults.ItemRefusal fault = fake.faults.takeItemRefusal();
        if (fault != null) {
            throw new Refused(fault.code(), fault.msg());
        }
        if (!"linear".equals(category)) {
            throw new Refused(10001, "params error: category");
        }
        OrderRequest q = request(o);
        if (book.taken(q.clientOrderId())) {
            throw new Refused(110072, "OrderLinkedID is duplicate");
        }
        String orderId;
        long now = fake.now();
        try {
            orderId = q.type() == OrderType.STOP_MARKET ? fake.sim.placeProtectiveStop(q).exchangeOrderId()
                    : fake.sim.createOrder(q).exchangeOrderId();
            book.add(new FakeOrderBook.Placed(q, orderId, now, false));
            fake.accepted.add(q);
        } catch (ExchangeException e) {
            if (e.kind() != ExchangeErrorKind.POST_ONLY_WOULD_TAKE) {
                throw new Refused(Integer.parseInt(e.venueCode()), e.venueMessage());
            }
            orderId = UUID.randomUUID().toString();
            FakeOrderBook.Placed cancelled = new FakeOrderBook.Placed(q, orderId, now, true);
            book.add(cancelled);
            fake.pushes.cancelledAtEntry(cancelled);
        }
        return fake.wire.object().put("orderId", orderId).put("orderLinkId", q.clientOrderId())
                .put("createAt", Long.toString(now));
    }

    private OrderRequest request(JsonNode o) throws Refused {
        FakeInstrument inst = fake.listed.get(o.path("symbol").asText(""));
        if (inst == null) {
            throw new Refused(10001, "params error: symbol invalid");
        }
        Side side = switch (o.path("side").asText("")) {
            case "Buy" -> Side.BUY;
            case "Sell" -> Side.SELL;
            default -> throw new Refused(10001, "params error: side invalid");
        };
        String id = o.has("orderLinkId") ? o.path("orderLinkId").asText() : UUID.randomUUID().toString();
        if (!ORDER_LINK_ID.matcher(id).matches()) {
            throw new Refused(10001, "params error: orderLinkId invalid");
        }
        PositionSide leg = leg(o.path("positionIdx").asInt(0));
        boolean reduceOnly = leg == PositionSide.BOTH && o.path("reduceOnly").asBoolean(false);
        BigDecimal qty = decimal(o, "qty");
        if (o.hasNonNull("triggerPrice") && !o.path("triggerPrice").asText().isEmpty()) {
            return conditional(o, inst, id, side, leg, qty);
        }
        if (qty.signum() <= 0) {
            throw new Refused(10001, "params error: qty invalid");
        }
        return switch (o.path("orderType").asText("")) {
            case "Limit" -> {
                String tif = o.path("timeInForce").asText("GTC");
                if (!tif.equals("GTC") && !tif.equals("PostOnly")) {
                    throw new Refused(10001, "params error: the fake takes GTC and PostOnly only");
                }
                yield OrderRequest.limit(id, inst.symbol(), side, decimal(o, "price"), qty,
                        tif.equals("PostOnly") ? TimeInForce.GTX : TimeInForce.GTC, reduceOnly, leg);
            }
            case "Market" -> new OrderRequest(id, inst.symbol(), side, OrderType.MARKET, null, null, qty, null, reduceOnly,
                    false, leg, null);
            default -> throw new Refused(10001, "params error: orderType invalid");
        };
    }

    /** A conditional market order that closes the position: the protective stop, the only kind the fake takes. */
    private OrderRequest conditional(JsonNode o, FakeInstrument inst, String id, Side side, PositionSide leg,
            BigDecimal qty) throws Refused {
        if (!o.path("orderType").asText("").equals("Market") || qty.signum() != 0
                || !o.path("reduceOnly").asBoolean(false) || !o.path("closeOnTrigger").asBoolean(false)) {
            throw new Refused(10001, "params error: the fake takes close-position conditional market orders only");
        }
        BigDecimal trigger = decimal(o, "triggerPrice");
        BigDecimal last = fake.lastPrice.get(inst.symbol());
        int direction = o.path("triggerDirection").asInt(0);
        if (direction == 1 && trigger.compareTo(last) <= 0) {
            throw new Refused(110092, "expect Rising, but trigger_price[" + trigger.toPlainString() + "] <= current["
                    + last.toPlainString() + "]");
        }
        if (direction == 2 && trigger.compareTo(last) >= 0) {
            throw new Refused(110093, "expect Falling, but trigger_price[" + trigger.toPlainString() + "] >= current["
                    + last.toPlainString() + "]");
        }
        if (direction != 1 && direction != 2) {
            throw new Refused(10001, "params error: triggerDirection invalid");
        }
        long conditionals = book.of(inst.symbol()).stream().filter(p -> p.stop() && book.open(p)).count();
        if (conditionals >= 10) {
            throw new Refused(110009, "The number of stop orders exceeds the maximum allowable limit");
        }
        StopTrigger by = o.path("triggerBy").asText("LastPrice").equals("MarkPrice") ? StopTrigger.MARK : StopTrigger.LAST;
        return OrderRequest.protectiveStop(id, inst.symbol(), side, trigger, leg, by);
    }

    private PositionSide leg(int positionIdx) throws Refused {
        boolean hedge = fake.sim.positionMode() == PositionMode.HEDGE;
        PositionSide leg = switch (positionIdx) {
            case 0 -> PositionSide.BOTH;
            case 1 -> PositionSide.LONG;
            case 2 -> PositionSide.SHORT;
            default -> null;
        };
        if (leg == null || hedge == (leg == PositionSide.BOTH)) {
            throw new Refused(10001, "params error: position idx not match position mode");
        }
        return leg;
    }

    /** Cancels one order (a conditional one too) of the symbol by {@code orderLinkId}. */
    ObjectNode cancel(JsonNode o) throws Refused {
        String symbol = o.path("symbol").asText("");
        FakeOrderBook.Placed p = book.get(o.path("orderLinkId").asText(null));
        if (p == null || !p.request().symbol().equals(symbol) || !book.open(p)) {
            throw new Refused(110001, "Order does not exist");
        }
        try {
            if (p.stop()) {
                fake.sim.cancelProtectiveStop(symbol, p.request().clientOrderId());
            } else {
                fake.sim.cancelOrder(symbol, p.request().clientOrderId());
            }
        } catch (ExchangeException e) {
            throw new Refused(Integer.parseInt(e.venueCode()), e.venueMessage());
        }
        return fake.wire.object().put("orderId", p.orderId()).put("orderLinkId", p.request().clientOrderId());
    }

    /** {@code cancel-all} of a symbol: regular orders ({@code Order}), conditional ones ({@code StopOrder}) or all. */
    ObjectNode cancelAll(JsonNode o) throws Refused {
        String symbol = o.path("symbol").asText("");
        if (!fake.listed.containsKey(symbol)) {
            throw new Refused(10001, "params error: symbol invalid");
        }
        String filter = o.path("orderFilter").asText("");
        ArrayNode cancelled = fake.wire.array();
        for (FakeOrderBook.Placed p : book.of(symbol)) {
            boolean wanted = filter.isEmpty() || filter.equals("Order") != p.stop();
            if (wanted && book.open(p)) {
                ObjectNode item = fake.wire.object().put("symbol", symbol).put("orderLinkId", p.request().clientOrderId());
                cancel(item);
                cancelled.add(fake.wire.object().put("orderId", p.orderId()).put("orderLinkId", p.request().clientOrderId()));
            }
        }
        ObjectNode result = fake.wire.object();
        result.set("list", cancelled);
        return result.put("success", "1");
    }

    private static BigDecimal decimal(JsonNode o, String field) throws Refused {
        try {
            return new BigDecimal(o.path(field).asText(""));
        } catch (NumberFormatException e) {
            throw new Refused(10001, "params error: " + field + " invalid");
        }
    }
}
