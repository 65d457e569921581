package io.gridbot.exchange.okx.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridbot.core.order.OrderType;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.OrderState;
import io.gridbot.exchange.account.Balance;
import io.gridbot.exchange.account.PositionSnapshot;
import io.gridbot.exchange.okx.wire.AlgoOrderWire;
import io.gridbot.exchange.okx.wire.BalanceWire;
import io.gridbot.exchange.okx.wire.ContractSize;
import io.gridbot.exchange.okx.wire.NeutralMapper;
import io.gridbot.exchange.okx.wire.OrderWire;
import io.gridbot.exchange.okx.wire.PositionWire;
import io.gridbot.exchange.stream.AccountEvent;
import io.gridbot.exchange.stream.DepthEvent;
import io.gridbot.exchange.stream.OrderEvent;
import io.gridbot.exchange.stream.TickerEvent;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns OKX pushes ({@code {"arg":{"channel":…},"data":[…]}}) into the SPI's stream events, every contract
 * quantity through the instrument's {@link ContractSize} and every venue value through {@link NeutralMapper}, as
 * the REST side does.
 */
final class PushDecoder {

    private final ObjectMapper json;
    private final ContractSizes sizes;

    PushDecoder(ObjectMapper json, ContractSizes sizes) {
        this.json = json;
        this.sizes = sizes;
    }

    /** {@code tickers}: last trade, best bid and ask. */
    TickerEvent ticker(JsonNode d) throws ExchangeException {
        String instId = d.path("instId").asText();
        BigDecimal lastSz = decimal(d, "lastSz");
        return new TickerEvent(instId, decimal(d, "bidPx"), decimal(d, "askPx"), decimal(d, "last"),
                lastSz == null ? null : sizes.of(instId).baseQuantity(lastSz), d.path("ts").asLong());
    }

    /** {@code mark-price}: a ticker carrying only the mark price as its last price. */
    TickerEvent markPrice(JsonNode d) {
        return new TickerEvent(d.path("instId").asText(), null, null, decimal(d, "markPx"), null, d.path("ts").asLong());
    }

    /** {@code books5}: five levels a side, each {@code [price, contracts, "0", orders]}. */
    DepthEvent depth(String instId, JsonNode d) throws ExchangeException {
        ContractSize size = sizes.of(instId);
        return new DepthEvent(instId, levels(d.path("bids"), size), levels(d.path("asks"), size), d.path("ts").asLong());
    }

    private static List<DepthEvent.Level> levels(JsonNode side, ContractSize size) {
        List<DepthEvent.Level> out = new ArrayList<>();
        for (JsonNode level : side) {
            out.add(new DepthEvent.Level(new BigDecimal(level.path(0).asText()),
                    size.baseQuantity(new BigDecimal(level.path(1).asText()))));
        }
        return out;
    }

    /**
     * {@code orders}: the order after the change, with this push's execution ({@code fillSz}, {@code fillPx},
     * {@code tradeId}, {@code fillFee}, which OKX signs negative when charged). An order a triggered stop sent
     * has no client id of its own: it reports under the stop's {@code algoClOrdId}.
     */
    OrderEvent order(JsonNode d) throws IOException, ExchangeException {
        OrderWire o = json.treeToValue(d, OrderWire.class);
        ContractSize size = sizes.of(o.instId());
        OrderState s = NeutralMapper.state(o, size);
        String clientId = o.clOrdId() == null || o.clOrdId().isEmpty() ? d.path("algoClOrdId").asText("") : o.clOrdId();
        BigDecimal fillSz = o.fillSz() == null ? BigDecimal.ZERO : size.baseQuantity(o.fillSz());
        boolean filled = fillSz.signum() > 0;
        BigDecimal fillFee = decimal(d, "fillFee");
        String feeCcy = d.path("fillFeeCcy").asText("");
        return new OrderEvent(o.instId(), clientId, o.ordId(), s.side(), NeutralMapper.type(o.ordType()), s.status(),
                s.price(), s.origQty(), s.cumFilledQty(), fillSz, filled ? o.fillPx() : null,
                filled && fillFee != null ? fillFee.negate() : BigDecimal.ZERO, filled && !feeCcy.isEmpty() ? feeCcy : null,
                filled ? o.tradeId() : null, Boolean.TRUE.equals(o.reduceOnly()), o.uTime(),
                NeutralMapper.positionSide(o.posSide()));
    }

    /** {@code orders-algo}: the protective stop waiting, triggered (FILLED), cancelled or failed. */
    OrderEvent algoOrder(JsonNode d) throws IOException, ExchangeException {
        AlgoOrderWire a = json.treeToValue(d, AlgoOrderWire.class);
        OrderState s = NeutralMapper.state(a, sizes.of(a.instId()));
        return new OrderEvent(a.instId(), a.algoClOrdId(), a.algoId(), s.side(), OrderType.STOP_MARKET, s.status(),
                null, s.origQty(), BigDecimal.ZERO, BigDecimal.ZERO, null, BigDecimal.ZERO, null, null,
                Boolean.TRUE.equals(a.reduceOnly()), a.uTime(), NeutralMapper.positionSide(a.posSide()));
    }

    /** {@code positions}: the legs that changed. */
    AccountEvent positions(JsonNode data, long nowMs) throws IOException, ExchangeException {
        List<PositionSnapshot> legs = new ArrayList<>();
        for (JsonNode d : data) {
            PositionWire p = json.treeToValue(d, PositionWire.class);
            legs.add(NeutralMapper.position(p, sizes.of(p.instId()), nowMs));
        }
        return new AccountEvent("positions", List.of(), legs, legs.isEmpty() ? nowMs : legs.getFirst().atMs());
    }

    /** {@code account}: the balances of the assets that changed. */
    AccountEvent account(JsonNode data, long nowMs) throws IOException {
        List<Balance> balances = new ArrayList<>();
        long at = nowMs;
        for (JsonNode d : data) {
            BalanceWire b = json.treeToValue(d, BalanceWire.class);
            b.details().forEach(detail -> balances.add(NeutralMapper.balance(detail)));
            at = b.uTime() > 0 ? b.uTime() : at;
        }
        return new AccountEvent("account", balances, List.of(), at);
    }

    private static BigDecimal decimal(JsonNode d, String field) {
        String text = d.path(field).asText("");
        return text.isEmpty() ? null : new BigDecimal(text);
    }
}
