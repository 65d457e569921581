package io.gridbot.exchange.binance.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.exchange.OrderState;
import io.gridbot.exchange.account.PositionSnapshot;
import io.gridbot.exchange.stream.AccountEvent;
import io.gridbot.exchange.stream.OrderEvent;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire records parse Binance's real payloads (the recorded fixtures) into the right neutral values. */
class BinanceWireParsingTest {

    private final ObjectMapper json = WireJson.mapper();
    private final StreamParser parser = new StreamParser(json);

    private static String fixture(String name) throws IOException {
        try (InputStream in = BinanceWireParsingTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void exchangeInfoFiltersBecomeSymbolRules() throws IOException {
        ExchangeInfo info = json.readValue(fixture("http_futures_market_exchange_info.json"), ExchangeInfo.class);

        BinanceSymbolRules btc = info.rules("BTCUSDT").orElseThrow();
        SymbolRules core = btc.core();
        assertThat(core.tickSize()).isEqualByComparingTo("0.10");
        assertThat(core.stepSize()).isEqualByComparingTo("0.001");
        assertThat(core.minQty()).isEqualByComparingTo("0.001");
        assertThat(core.minNotional()).isEqualByComparingTo("10");
        assertThat(core.maxOpenOrders()).isEqualTo(200);
        assertThat(btc.maxQty()).isEqualByComparingTo("1000");
        assertThat(btc.marketMaxQty()).isNotNull();
        assertThat(btc.minPrice()).isEqualByComparingTo("402");
        assertThat(info.rules("ETHUSDT").orElseThrow().core().tickSize()).isEqualByComparingTo("0.01");
        assertThat(info.rules("NOPE")).isEmpty();
        assertThat(info.limits()).extracting(l -> l.header())
                .containsExactly("X-MBX-USED-WEIGHT-1M", "X-MBX-ORDER-COUNT-1M", "X-MBX-ORDER-COUNT-10S");
        assertThat(info.limits().getFirst().limit()).isEqualTo(6000);
    }

    @Test
    void anOrderResponseBecomesAckAndState() throws IOException {
        OrderWire order = json.readValue(fixture("order_response.json"), OrderWire.class);

        assertThat(NeutralMapper.ack(order).clientOrderId()).isEqualTo("testOrder123");
        assertThat(NeutralMapper.ack(order).exchangeOrderId()).isEqualTo("12345678");
        assertThat(NeutralMapper.ack(order).status()).isEqualTo(OrderStatus.NEW);
        OrderState state = NeutralMapper.state(order);
        assertThat(state.price()).isEqualByComparingTo("50000.00");
        assertThat(state.origQty()).isEqualByComparingTo("0.001");
        assertThat(state.avgPrice()).isNull(); // "0.00" before any fill
        assertThat(state.side()).isEqualTo(Side.BUY);
    }

    @Test
    void openOrdersListStopsWithTheirTrigger() throws IOException {
        List<OrderWire> orders = List.of(json.readValue(fixture("http_futures_account_orders.json"), OrderWire[].class));
        assertThat(orders).hasSize(1);
        assertThat(NeutralMapper.openOrder(orders.getFirst()).type()).isEqualTo(OrderType.STOP_MARKET);
        assertThat(NeutralMapper.openOrder(orders.getFirst()).price()).isNull();

        AlgoOrderWire algo = json.readValue(fixture("open_algo_orders.json"), AlgoOrderWire[].class)[0];
        assertThat(NeutralMapper.openOrder(algo).clientOrderId()).isEqualTo("test-algo-order-1");
        assertThat(NeutralMapper.openOrder(algo).stopPrice()).isEqualByComparingTo("45000.00");
        assertThat(NeutralMapper.openOrder(algo).exchangeOrderId()).isEqualTo("123456789");
    }

    @Test
    void positionsBalancesAndTradesKeepTheirDecimals() throws IOException {
        PositionSnapshot p = NeutralMapper.position(json.readValue(fixture("position_risk.json"), PositionRiskWire[].class)[0], 0);
        assertThat(p.netQty()).isEqualByComparingTo("0.001");
        assertThat(p.entryPrice()).isEqualByComparingTo("50000.0");
        assertThat(p.unrealizedPnl()).isEqualByComparingTo("1.00000000");
        assertThat(p.positionSide()).isEqualTo(PositionSide.BOTH);
        PositionRiskWire leg = json.readValue(fixture("position_risk.json").replace("\"BOTH\"", "\"SHORT\"")
                .replace("\"0.001\"", "\"-0.001\""), PositionRiskWire[].class)[0];
        assertThat(NeutralMapper.position(leg, 0).positionSide()).isEqualTo(PositionSide.SHORT);
        assertThat(NeutralMapper.position(leg, 0).netQty()).isEqualByComparingTo("-0.001");

        BalanceWire b = json.readValue(fixture("balance.json"), BalanceWire[].class)[0];
        assertThat(NeutralMapper.balance(b).wallet()).isEqualByComparingTo("122.12345678");
        assertThat(NeutralMapper.balance(b).available()).isEqualByComparingTo("122.12345678");

        UserTradeWire[] trades = json.readValue(fixture("http_futures_account_trades.json"), UserTradeWire[].class);
        assertThat(trades).hasSize(2);
        var record = NeutralMapper.trade(trades[0], "my-client-id");
        assertThat(record.tradeId()).isEqualTo("82357626");
        assertThat(record.exchangeOrderId()).isEqualTo("831238666");
        assertThat(record.side()).isEqualTo(Side.SELL);
        assertThat(record.fee()).isEqualByComparingTo("0.00555670");
        assertThat(record.price().toPlainString()).isEqualTo("2778.35");
    }

    @Test
    void anOrderTradeUpdateBecomesAnOrderEventWithItsFill() throws IOException {
        var message = parser.user(fixture("order_update_trade_partial.json"));
        OrderEvent e = NeutralMapper.event((UserDataMessage.OrderTradeUpdate) message);

        assertThat(e.clientOrderId()).isEqualTo("TEST");
        assertThat(e.exchangeOrderId()).isEqualTo("8886774");
        assertThat(e.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(e.type()).isEqualTo(OrderType.LIMIT);
        assertThat(e.origQty()).isEqualByComparingTo("0.002");
        assertThat(e.cumFilledQty()).isEqualByComparingTo("0.001");
        assertThat(e.lastFillQty()).isEqualByComparingTo("0.001");
        assertThat(e.lastFillPrice()).isEqualByComparingTo("7100.50");
        assertThat(e.fee()).isEqualByComparingTo("0.01");
        assertThat(e.feeAsset()).isEqualTo("USDT");
        assertThat(e.tradeId()).isEqualTo("12345678");
        assertThat(e.atMs()).isEqualTo(1568879465651L);
    }

    @Test
    void aCombinedStreamEnvelopeIsUnwrapped() throws IOException {
        var message = parser.user(fixture("ws_futures_order_update_trade_reduce_only_qty.json"));
        OrderEvent e = NeutralMapper.event((UserDataMessage.OrderTradeUpdate) message);
        assertThat(e.reduceOnly()).isTrue();
        assertThat(e.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(e.symbol()).isEqualTo("ETHUSDT");
    }

    @Test
    void anAccountUpdateListsOnlyWhatChanged() throws IOException {
        AccountEvent e = NeutralMapper.event((UserDataMessage.AccountUpdate) parser.user(fixture("account_update.json")));
        assertThat(e.reason()).isEqualTo("ORDER");
        assertThat(e.balances()).singleElement().satisfies(b -> {
            assertThat(b.asset()).isEqualTo("USDT");
            assertThat(b.wallet()).isEqualByComparingTo("122624.12345678");
        });
        assertThat(e.positions()).hasSize(3);
        assertThat(e.positions().get(2).netQty()).isEqualByComparingTo("-10");
        // Binance's own example mixes the one-way row with the two hedge legs: each keeps its leg.
        assertThat(e.positions()).extracting(PositionSnapshot::positionSide)
                .containsExactly(PositionSide.BOTH, PositionSide.LONG, PositionSide.SHORT);
        assertThat(e.positions().get(1).netQty()).isEqualByComparingTo("20");

        AccountEvent bnfcr = NeutralMapper.event((UserDataMessage.AccountUpdate) parser.user(fixture("account_update_bnfcr.json")));
        assertThat(bnfcr.positions()).isEmpty();
        assertThat(bnfcr.balances().getFirst().asset()).isEqualTo("BNFCR");
    }

    @Test
    void algoUpdatesReportAStopsOwnLife() throws IOException {
        var placed = NeutralMapper.event((UserDataMessage.AlgoUpdate) parser.user(fixture("algo_update_new.json"))).orElseThrow();
        assertThat(placed.clientOrderId()).isEqualTo("Q5xaq5EGKgXXa0fD7fs0Ip");
        assertThat(placed.status()).isEqualTo(OrderStatus.NEW);
        assertThat(placed.type()).isEqualTo(OrderType.STOP_MARKET);
        var cancelled = NeutralMapper.event((UserDataMessage.AlgoUpdate) parser.user(fixture("algo_update_canceled.json"))).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void eventsAGridDoesNotUseAreRecognisedAndSkipped() throws IOException {
        assertThat(parser.user(fixture("trade_lite.json"))).isInstanceOf(UserDataMessage.Other.class);
        assertThat(parser.market(fixture("kline_stream_closed.json"))).isInstanceOf(MarketMessage.Other.class);
        assertThat(parser.market("{\"result\":null,\"id\":3}")).isEqualTo(new MarketMessage.Other("reply"));
    }

    @Test
    void marketStreamsParseWhateverTheFieldOrder() throws IOException {
        var ticker = (MarketMessage.BookTicker) parser.market(fixture("ws_futures_book_ticker.json"));
        assertThat(ticker.symbol()).isEqualTo("BNBUSDT");
        assertThat(ticker.bid()).isEqualByComparingTo("25.35190000");
        assertThat(ticker.ask()).isEqualByComparingTo("25.36520000");
        var ticker2 = (MarketMessage.BookTicker) parser.market(fixture("book_ticker_stream.json"));
        assertThat(ticker2.bid()).isNotNull();

        var depth = (MarketMessage.DepthUpdate) parser.market(fixture("depth_update_stream.json"));
        assertThat(depth.bids().getFirst().get(0)).isEqualByComparingTo("0.0024");
        assertThat(depth.previousUpdateId()).isEqualTo(149);
        assertThat(parser.market(fixture("ws_futures_depth_update.json"))).isInstanceOf(MarketMessage.DepthUpdate.class);

        var mark = (MarketMessage.MarkPriceUpdate) parser.market(fixture("mark_price_stream.json"));
        assertThat(mark.markPrice()).isEqualByComparingTo("11794.15000000");
        assertThat(mark.fundingRate()).isEqualByComparingTo("0.00038167");

        var agg = (MarketMessage.AggTrade) parser.market(fixture("agg_trade_stream.json"));
        assertThat(agg.price()).isEqualByComparingTo(new BigDecimal("0.001"));
        assertThat(agg.qty()).isEqualByComparingTo("100");
    }

    @Test
    void malformedFramesAreRefusedForTheCallerToSkip() {
        assertThatThrownBy(() -> parser.user("not json")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> parser.user("[1,2]")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> parser.user("{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":1}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> parser.market("{\"e\":\"bookTicker\",\"s\":\"BTCUSDT\",\"b\":\"abc\"}"))
                .isInstanceOf(IOException.class);
    }
}
