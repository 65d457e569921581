package io.gridbot.exchange.bybit.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.OrderType;
import io.gridbot.exchange.OrderState;
import io.gridbot.exchange.account.Balance;
import io.gridbot.exchange.account.PositionSnapshot;
import io.gridbot.exchange.bybit.wire.ExecutionWire;
import io.gridbot.exchange.bybit.wire.NeutralMapper;
import io.gridbot.exchange.bybit.wire.OrderWire;
import io.gridbot.exchange.bybit.wire.PositionWire;
import io.gridbot.exchange.bybit.wire.WalletWire;
import io.gridbot.exchange.stream.AccountEvent;
import io.gridbot.exchange.stream.DepthEvent;
import io.gridbot.exchange.stream.OrderEvent;
import io.gridbot.exchange.stream.TickerEvent;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns Bybit pushes ({@code {"topic":…,"type":…,"ts":…,"data":…}}) into the SPI's stream events, every venue value
 * through {@link NeutralMapper} as the REST side does. A linear {@code tickers} topic sends a snapshot and then deltas
 * of what changed, so each symbol's ticker is kept and merged. Fills come from the {@code execution} topic, which
 * names each trade ({@code execId}, price, quantity, fee); the {@code order} topic reports the other changes (placed,
 * cancelled, rejected), and its fill states are left to the executions so no fill is reported twice.
 */
final class PushDecoder {

    private final ObjectMapper json;
    private final OrderLegs legs;
    private final Map<String, ObjectNode> tickers = new ConcurrentHashMap<>();

    PushDecoder(ObjectMapper json, OrderLegs legs) {
        this.json = json;
        this.legs = legs;
    }

    /** {@code tickers.{symbol}}: the snapshot, or a delta merged into the last one. */
    TickerEvent ticker(JsonNode frame) {
        JsonNode d = frame.path("data");
        String symbol = d.path("symbol").asText();
        ObjectNode state = "snapshot".equals(frame.path("type").asText()) ? json.createObjectNode()
                : tickers.computeIfAbsent(symbol, s -> json.createObjectNode());
        d.properties().forEach(e -> state.set(e.getKey(), e.getValue()));
        tickers.put(symbol, state);
        return new TickerEvent(symbol, decimal(state, "bid1Price"), decimal(state, "ask1Price"),
                decimal(state, "lastPrice"), null, frame.path("ts").asLong());
    }

    /** {@code publicTrade.{symbol}}: each trade as a ticker of its price and size, with the book's last best prices. */
    List<TickerEvent> trades(JsonNode frame) {
        List<TickerEvent> out = new ArrayList<>();
        for (JsonNode t : frame.path("data")) {
            String symbol = t.path("s").asText();
            ObjectNode state = tickers.get(symbol);
            out.add(new TickerEvent(symbol, state == null ? null : decimal(state, "bid1Price"),
                    state == null ? null : decimal(state, "ask1Price"), decimal(t, "p"), decimal(t, "v"), t.path("T").asLong()));
        }
        return out;
    }

    /** {@code orderbook.1.{symbol}}: the best level a side, as snapshots. */
    DepthEvent depth(JsonNode frame) {
        JsonNode d = frame.path("data");
        return new DepthEvent(d.path("s").asText(), levels(d.path("b")), levels(d.path("a")), frame.path("ts").asLong());
    }

    private static List<DepthEvent.Level> levels(JsonNode side) {
        List<DepthEvent.Level> out = new ArrayList<>();
        for (JsonNode level : side) {
            out.add(new DepthEvent.Level(new BigDecimal(level.path(0).asText()), new BigDecimal(level.path(1).asText())));
        }
        return out;
    }

    /**
     * {@code order}: a change that is no fill (new, untriggered, cancelled, rejected). Its leg is remembered for the
     * fills to come. Fill states and the passing {@code Triggered} answer empty.
     */
    Optional<OrderEvent> order(JsonNode d) throws IOException {
        OrderWire o = json.treeToValue(d, OrderWire.class);
        legs.remember(o.orderLinkId(), NeutralMapper.positionSide(o.positionIdx()));
        OrderState s = NeutralMapper.state(o);
        if (s.status() == OrderStatus.PARTIALLY_FILLED || s.status() == OrderStatus.FILLED || "Triggered".equals(o.orderStatus())) {
            return Optional.empty();
        }
        return Optional.of(new OrderEvent(o.symbol(), o.orderLinkId(), o.orderId(), s.side(),
                NeutralMapper.type(o.orderType(), o.stopOrderType()), s.status(), s.price(), s.origQty(), s.cumFilledQty(),
                BigDecimal.ZERO, null, BigDecimal.ZERO, null, null, Boolean.TRUE.equals(o.reduceOnly()), o.updatedTime(),
                NeutralMapper.positionSide(o.positionIdx())));
    }

    /**
     * {@code execution}: one trade of an order, FILLED when nothing of the order is left, else PARTIALLY_FILLED.
     * Executions that are no trade of an order (funding, ADL, liquidation) answer empty.
     */
    Optional<OrderEvent> execution(JsonNode d) throws IOException {
        ExecutionWire e = json.treeToValue(d, ExecutionWire.class);
        if (!"Trade".equals(e.execType())) {
            return Optional.empty();
        }
        BigDecimal leaves = e.leavesQty() == null ? BigDecimal.ZERO : e.leavesQty();
        BigDecimal ordered = e.orderQty() == null || e.orderQty().signum() == 0 ? null : e.orderQty();
        BigDecimal cum = ordered == null ? e.execQty() : ordered.subtract(leaves);
        OrderType type = NeutralMapper.type(e.orderType(), e.stopOrderType());
        var trade = NeutralMapper.trade(e);
        return Optional.of(new OrderEvent(e.symbol(), e.orderLinkId(), e.orderId(), trade.side(), type,
                leaves.signum() == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED,
                type == OrderType.LIMIT ? e.orderPrice() : null, type == OrderType.STOP_MARKET ? null : ordered, cum,
                e.execQty(), e.execPrice(), trade.fee(), trade.feeAsset(), e.execId(), false, e.execTime(),
                legs.of(e.orderLinkId())));
    }

    /** {@code position}: the legs that changed. */
    AccountEvent positions(JsonNode data, long nowMs) throws IOException {
        List<PositionSnapshot> out = new ArrayList<>();
        for (JsonNode d : data) {
            out.add(NeutralMapper.position(json.treeToValue(d, PositionWire.class), nowMs));
        }
        return new AccountEvent("position", List.of(), out, out.isEmpty() ? nowMs : out.getFirst().atMs());
    }

    /** {@code wallet}: the coins of the unified account. */
    AccountEvent wallet(JsonNode data, long atMs) throws IOException {
        List<Balance> balances = new ArrayList<>();
        for (JsonNode d : data) {
            json.treeToValue(d, WalletWire.class).coin().forEach(c -> balances.add(NeutralMapper.balance(c)));
        }
        return new AccountEvent("wallet", balances, List.of(), atMs);
    }

    private static BigDecimal decimal(JsonNode d, String field) {
        String text = d.path(field).asText("");
        return text.isEmpty() ? null : new BigDecimal(text);
    }
}
