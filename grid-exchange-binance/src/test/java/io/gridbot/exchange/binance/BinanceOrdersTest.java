package io.gridbot.exchange.binance;

import static io.gridbot.exchange.contract.Await.until;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeAdapter.Result;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.OrderAck;
import io.gridbot.exchange.TradeRecord;
import io.gridbot.exchange.binance.fake.FakeBinance;
import io.gridbot.exchange.contract.Await;
import io.gridbot.exchange.stream.OrderEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Orders over the wire beyond the contract kit: batches of five, market orders and reduce-only closes,
 * protective stops on the algo endpoint, decimals sent as plain strings, and the trade history naming client
 * ids even though Binance's userTrades do not.
 */
class BinanceOrdersTest {

    private static final String BTC = "BTCUSDT";

    private final FakeBinance fake = FakeBinance.start(FakeBinance.BTCUSDT, new BigDecimal("26000.0"));
    private final List<BinanceAdapter> opened = new ArrayList<>();
    private final List<OrderEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(BinanceAdapter::close);
        fake.close();
    }

    private BinanceAdapter open() throws ExchangeException {
        BinanceAdapter adapter = BinanceAdapter.open(fake.settings());
        opened.add(adapter);
        adapter.watchOrders(events::add);
        return adapter;
    }

    private static OrderRequest buy(String id, String price) {
        return OrderRequest.limit(id, BTC, Side.BUY, new BigDecimal(price), new BigDecimal("0.010"), TimeInForce.GTC, false,
                PositionSide.BOTH);
    }

    @Test
    void batchesGoFiveAtATimeAndAnswerPerOrder() throws Exception {
        BinanceAdapter adapter = open();
        List<OrderRequest> requests = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            requests.add(buy("b-" + i, "2500" + i + ".0"));
        }
        requests.set(3, buy("b-1", "24000.0")); // a duplicate client id inside the batch

        List<Result<OrderAck>> results = adapter.createOrders(requests);

        assertThat(results).hasSize(7);
        assertThat(results.get(3).error().kind()).isEqualTo(ExchangeErrorKind.DUPLICATE_CLIENT_ID);
        assertThat(results).filteredOn(r -> r.ok()).extracting(r -> r.value().clientOrderId())
                .containsExactly("b-0", "b-1", "b-2", "b-4", "b-5", "b-6");
        assertThat(adapter.openOrders(BTC)).hasSize(6);
        assertThat(fake.requestsSeen()).filteredOn(r -> r.startsWith("POST /fapi/v1/batchOrders")).hasSize(2);
    }

    @Test
    void aMarketOrderFillsAtOnceAndAReduceOnlyMarketCloseFlattens() throws Exception {
        BinanceAdapter adapter = open();
        OrderAck ack = adapter.createOrder(new OrderRequest("m-1", BTC, Side.BUY, OrderType.MARKET, null, null,
                new BigDecimal("0.010"), null, false, false, PositionSide.BOTH, null));
        assertThat(ack.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(adapter.position(BTC).netQty()).isEqualByComparingTo("0.010");

        adapter.createOrder(OrderRequest.marketClose("m-2", BTC, Side.SELL, new BigDecimal("0.010"), PositionSide.BOTH));

        assertThat(adapter.position(BTC).netQty()).isZero();
        assertThat(fake.requestsSeen()).anyMatch(r -> r.contains("newClientOrderId=m-2") && r.contains("reduceOnly=true"));
        assertThat(adapter.balances()).singleElement().satisfies(b -> {
            assertThat(b.asset()).isEqualTo("USDT");
            assertThat(b.wallet()).isLessThan(new BigDecimal("10000")); // taker fees paid
        });
    }

    @Test
    void decimalsGoOnTheWireAsPlainStrings() throws Exception {
        BinanceAdapter adapter = open();
        adapter.createOrder(OrderRequest.limit("plain", BTC, Side.BUY, new BigDecimal("2.5E+4"), new BigDecimal("1.0E-2"),
                TimeInForce.GTX, false, PositionSide.BOTH));

        assertThat(fake.requestsSeen()).filteredOn(r -> r.contains("newClientOrderId=plain")).singleElement()
                .satisfies(r -> assertThat(r).contains("price=25000").contains("quantity=0.010").contains("timeInForce=GTX")
                        .doesNotContain("E%2B").doesNotContain("E-"));
        assertThat(adapter.queryOrder(BTC, "plain").price()).isEqualByComparingTo("25000");
    }

    @Test
    void aProtectiveStopOnTheMarkPriceAsksBinanceToWatchTheMarkPrice() throws Exception {
        BinanceAdapter adapter = open();
        adapter.placeProtectiveStop(OrderRequest.protectiveStop("stop-m", BTC, Side.SELL, new BigDecimal("24000.0"),
                PositionSide.BOTH, StopTrigger.MARK));

        assertThat(fake.requestsSeen()).filteredOn(r -> r.startsWith("POST /fapi/v1/algoOrder")).singleElement()
                .satisfies(r -> assertThat(r).contains("workingType=MARK_PRICE"));
    }

    @Test
    void protectiveStopsLiveOnTheAlgoEndpoint() throws Exception {
        BinanceAdapter adapter = open();
        adapter.placeProtectiveStop(OrderRequest.protectiveStop("stop-1", BTC, Side.SELL, new BigDecimal("24000.0"),
                PositionSide.BOTH, StopTrigger.LAST));

        assertThat(fake.requestsSeen()).anyMatch(r -> r.startsWith("POST /fapi/v1/algoOrder") && r.contains("algoType=CONDITIONAL")
                && r.contains("triggerPrice=24000.0") && r.contains("closePosition=true") && r.contains("workingType=CONTRACT_PRICE"));
        OpenOrder stop = adapter.openOrders(BTC).stream().filter(o -> o.clientOrderId().equals("stop-1")).findFirst().orElseThrow();
        assertThat(stop.type()).isEqualTo(OrderType.STOP_MARKET);
        assertThat(stop.stopPrice()).isEqualByComparingTo("24000.0");
        until("the stop's NEW", () -> events.stream().anyMatch(e -> e.clientOrderId().equals("stop-1") && e.status() == OrderStatus.NEW));
        assertThat(adapter.queryOrder(BTC, "stop-1").status()).isEqualTo(OrderStatus.NEW); // via the algo service

        adapter.cancelAllOrders(BTC); // leaves protective stops alone
        assertThat(adapter.openOrders(BTC)).extracting(OpenOrder::clientOrderId).containsExactly("stop-1");
        adapter.cancelProtectiveStop(BTC, "stop-1");
        until("the stop's CANCELED", () -> events.stream().anyMatch(e -> e.clientOrderId().equals("stop-1")
                && e.status() == OrderStatus.CANCELED));
        assertThat(adapter.openOrders(BTC)).isEmpty();
        assertThat(adapter.queryOrder(BTC, "stop-1").status()).isEqualTo(OrderStatus.CANCELED);
        try {
            adapter.cancelProtectiveStop(BTC, "stop-1");
            throw new AssertionError("a second cancel must be refused");
        } catch (ExchangeException e) {
            assertThat(e.kind()).isEqualTo(ExchangeErrorKind.UNKNOWN_ORDER);
        }
    }

    @Test
    void aTriggeredStopsFillsAreTheStopsEvenUnderTheVenuesOwnIds() throws Exception {
        fake.faults().triggeredStopsGetOwnIds(true); // unverified venue behaviour: the fake can do both
        BinanceAdapter adapter = open();
        adapter.createOrder(buy("entry-1", "25900.0"));
        fake.trade(BTC, new BigDecimal("25900.0"), null);
        until("long", () -> events.stream().anyMatch(e -> e.clientOrderId().equals("entry-1") && e.status() == OrderStatus.FILLED));
        adapter.placeProtectiveStop(OrderRequest.protectiveStop("stop-2", BTC, Side.SELL, new BigDecimal("25000.0"),
                PositionSide.BOTH, StopTrigger.LAST));

        fake.trade(BTC, new BigDecimal("24990.0"), null);

        until("the stop FILLED under its own id", () -> events.stream().anyMatch(e -> e.clientOrderId().equals("stop-2")
                && e.status() == OrderStatus.FILLED && e.type() == OrderType.STOP_MARKET));
        assertThat(events).noneMatch(e -> e.clientOrderId().startsWith("x-trig-"));
        assertThat(adapter.position(BTC).netQty()).isZero();
        assertThat(adapter.trades(BTC, 0)).extracting(TradeRecord::clientOrderId).containsExactly("entry-1", "stop-2");
    }

    @Test
    void theTradeHistoryNamesClientIdsEvenForAFreshProcess() throws Exception {
        BinanceAdapter first = open();
        first.createOrder(buy("hist-1", "25900.0"));
        fake.trade(BTC, new BigDecimal("25900.0"), new BigDecimal("0.004"));
        fake.trade(BTC, new BigDecimal("25900.0"), null);
        first.close();

        BinanceAdapter second = open(); // knows nothing of hist-1: the client id comes from an order query
        List<TradeRecord> trades = second.trades(BTC, 0);

        assertThat(trades).extracting(TradeRecord::clientOrderId).containsExactly("hist-1", "hist-1");
        assertThat(trades).extracting(TradeRecord::qty).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.004"), new BigDecimal("0.006"));
        assertThat(trades.getFirst().tradeId()).isNotEqualTo(trades.getLast().tradeId());
        assertThat(trades.getFirst().feeAsset()).isEqualTo("USDT");
    }

    @Test
    void nearTheVenuesWeightLimitTheAdapterWaitsForTheWindowBeforeSending() throws Exception {
        List<Long> pauses = new CopyOnWriteArrayList<>();
        BinanceAdapter adapter = BinanceAdapter.open(fake.settings(), pauses::add);
        opened.add(adapter);
        adapter.openOrders(BTC);
        assertThat(pauses).isEmpty();
        fake.faults().addUsedWeight(2_200); // of 2,400 a minute: past the 90 % headroom
        adapter.position(BTC); // its answer reports the usage
        int seen = fake.requestsSeen().size();

        adapter.balances();

        assertThat(pauses).singleElement().satisfies(ms -> assertThat(ms).isBetween(1L, 60_000L));
        assertThat(fake.requestsSeen()).hasSize(seen + 1); // sent once the window rolled
    }

    @Test
    void itIsTheBinanceVenueWithStopsAndBatches() throws Exception {
        BinanceAdapter adapter = open();
        assertThat(adapter.venue()).isEqualTo("binance");
        assertThat(adapter.capabilities().protectiveStops()).isTrue();
        assertThat(adapter.capabilities().maxBatchSize()).isEqualTo(5);
        assertThat(adapter.binanceRules(BTC).marketMaxQty()).isEqualByComparingTo("120");
    }
}
