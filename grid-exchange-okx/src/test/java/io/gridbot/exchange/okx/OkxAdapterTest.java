package io.gridbot.exchange.okx;

import static io.gridbot.exchange.okx.OkxOrdersTest.assertKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.core.config.PositionMode;
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
import io.gridbot.exchange.account.PositionSnapshot;
import io.gridbot.exchange.okx.fake.FakeInstrument;
import io.gridbot.exchange.okx.fake.FakeOkx;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SPI's requests on the OKX adapter, against the fake OKX (the streams come later). */
class OkxAdapterTest {

    private static final String BTC = "BTC-USDT-SWAP";

    private FakeOkx fake;
    private OkxAdapter okx;

    @BeforeEach
    void start() throws ExchangeException {
        fake = FakeOkx.start(FakeInstrument.BTC_USDT_SWAP, new BigDecimal("64000")).freezeClock();
        okx = OkxAdapter.open(fake.settings(), fake.clientClock(), fake.clientPause());
    }

    @AfterEach
    void stop() {
        okx.close();
        fake.close();
    }

    private static OrderRequest buy(String id, int price) {
        return OrderRequest.limit(id, BTC, Side.BUY, BigDecimal.valueOf(price), new BigDecimal("0.001"), TimeInForce.GTC,
                false, PositionSide.BOTH);
    }

    private static OrderRequest stop(String id) {
        return OrderRequest.protectiveStop(id, BTC, Side.SELL, new BigDecimal("58000"), PositionSide.BOTH, StopTrigger.LAST);
    }

    @Test
    void itNamesItselfAndWhatItCanDo() throws ExchangeException {
        assertThat(okx.venue()).isEqualTo("okx");
        assertThat(okx.capabilities().maxBatchSize()).isEqualTo(20);
        assertThat(okx.capabilities().protectiveStops()).isTrue();
        assertThat(okx.capabilities().hedgeMode()).isTrue();
        assertThat(okx.positionMode()).isEqualTo(PositionMode.ONE_WAY);
        assertThat(okx.symbolRules(BTC).stepSize()).isEqualByComparingTo("0.0001");
        assertThat(okx.okxRules(BTC).contracts().ctVal()).isEqualByComparingTo("0.01");
    }

    @Test
    void ordersGoOutInBatchesOfTwentyAndTheStopAloneAndComeBackFromBothLists() throws ExchangeException {
        List<OrderRequest> requests = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            requests.add(buy("gbA" + i, 60_000 + i));
        }
        requests.add(stop("gbS1"));
        for (int i = 12; i < 37; i++) {
            requests.add(buy("gbA" + i, 60_000 + i));
        }
        List<Result<OrderAck>> results = okx.createOrders(requests);
        assertThat(results).hasSize(38).allMatch(r -> r.ok());
        assertThat(results.get(12).value().clientOrderId()).isEqualTo("gbS1");
        assertThat(fake.requestsSeen()).filteredOn(r -> r.startsWith("POST /api/v5/trade/batch-orders")).hasSize(3);
        assertThat(fake.requestsSeen()).filteredOn(r -> r.startsWith("POST /api/v5/trade/order-algo")).hasSize(1);

        List<OpenOrder> open = okx.openOrders(BTC);
        assertThat(open).hasSize(38);
        assertThat(open).filteredOn(o -> o.type() == OrderType.STOP_MARKET).singleElement()
                .satisfies(o -> assertThat(o.stopPrice()).isEqualByComparingTo("58000"));
        assertThat(open).filteredOn(o -> o.type() == OrderType.LIMIT)
                .allSatisfy(o -> assertThat(o.origQty()).isEqualByComparingTo("0.001"));
        assertThat(okx.queryOrder(BTC, "gbS1").status()).isEqualTo(OrderStatus.NEW);
        assertThat(okx.queryOrder(BTC, "gbA3").price()).isEqualByComparingTo("60003");

        okx.cancelAllOrders(BTC);
        assertThat(okx.openOrders(BTC)).singleElement().satisfies(o -> assertThat(o.clientOrderId()).isEqualTo("gbS1"));
        assertThat(fake.requestsSeen()).filteredOn(r -> r.startsWith("POST /api/v5/trade/cancel-batch-orders")).hasSize(2);
        okx.cancelProtectiveStop(BTC, "gbS1");
        assertThat(okx.openOrders(BTC)).isEmpty();
        assertKind(() -> okx.queryOrder(BTC, "gbNone"), ExchangeErrorKind.UNKNOWN_ORDER, "51603", null);
    }

    @Test
    void aQuantityThatIsNoWholeNumberOfLotsIsRefusedAloneInABatch() {
        List<Result<OrderAck>> results = okx.createOrders(List.of(buy("gbB1", 60_000),
                OrderRequest.limit("gbB2", BTC, Side.BUY, new BigDecimal("60001"), new BigDecimal("0.00015"),
                        TimeInForce.GTC, false, PositionSide.BOTH), buy("gbB3", 60_002)));
        assertThat(results.get(0).ok()).isTrue();
        assertThat(results.get(1).error().kind()).isEqualTo(ExchangeErrorKind.PRECISION);
        assertThat(results.get(2).ok()).isTrue();
    }

    @Test
    void aFlatNetSwapIsOneFlatPositionAndTradesComeBackWithTheirClientIds() throws ExchangeException {
        assertThat(okx.positions(BTC)).singleElement().satisfies(p -> {
            assertThat(p.positionSide()).isEqualTo(PositionSide.BOTH);
            assertThat(p.netQty()).isZero();
        });
        long from = fake.now();
        okx.createOrder(buy("gbF1", 63_000));
        fake.trade(BTC, new BigDecimal("63000"), null);
        okx.createOrder(OrderRequest.marketClose("gbC1", BTC, Side.SELL, new BigDecimal("0.0004"), PositionSide.BOTH));
        assertThat(okx.position(BTC).netQty()).isEqualByComparingTo("0.0006");
        List<TradeRecord> trades = okx.trades(BTC, from);
        assertThat(trades).extracting(TradeRecord::clientOrderId).containsExactly("gbF1", "gbC1");
        assertThat(trades).extracting(TradeRecord::qty).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.001"), new BigDecimal("0.0004"));
        assertThat(okx.balances()).singleElement().satisfies(b -> assertThat(b.asset()).isEqualTo("USDT"));
    }

    @Test
    void inLongShortModeBothLegsAreListedFlatOnesTooAndTheNetSumsThem() throws ExchangeException {
        okx.changePositionMode(PositionMode.HEDGE);
        assertThat(okx.positions(BTC)).extracting(PositionSnapshot::positionSide)
                .containsExactly(PositionSide.LONG, PositionSide.SHORT);
        okx.createOrder(new OrderRequest("gbL1", BTC, Side.BUY, OrderType.MARKET, null, null, new BigDecimal("0.003"), null,
                false, false, PositionSide.LONG, null));
        okx.createOrder(new OrderRequest("gbS1", BTC, Side.SELL, OrderType.MARKET, null, null, new BigDecimal("0.001"), null,
                false, false, PositionSide.SHORT, null));
        List<PositionSnapshot> legs = okx.positions(BTC);
        assertThat(legs.get(0).netQty()).isEqualByComparingTo("0.003");
        assertThat(legs.get(1).netQty()).isEqualByComparingTo("-0.001");
        PositionSnapshot net = okx.position(BTC);
        assertThat(net.positionSide()).isEqualTo(PositionSide.BOTH);
        assertThat(net.netQty()).isEqualByComparingTo("0.002");
        assertThat(net.entryPrice()).as("both legs open").isZero();
    }

    @Test
    void anAdapterOpenedWithoutStreamSettingsRefusesTheStreams() {
        assertThatThrownBy(() -> okx.watchTicker(BTC, e -> { })).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("opened without stream settings");
        assertThatThrownBy(() -> okx.watchOrders(e -> { })).isInstanceOf(UnsupportedOperationException.class);
    }
}
