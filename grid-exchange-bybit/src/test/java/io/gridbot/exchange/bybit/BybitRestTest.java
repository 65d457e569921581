package io.gridbot.exchange.bybit;

import static io.gridbot.exchange.bybit.Kinds.assertKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.TradeRecord;
import io.gridbot.exchange.bybit.fake.FakeBybit;
import io.gridbot.exchange.bybit.fake.FakeInstrument;
import io.gridbot.exchange.bybit.sign.BybitCredentials;
import io.gridbot.exchange.bybit.wire.NeutralMapper;
import io.gridbot.exchange.bybit.wire.OrderWire;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The REST side against the fake Bybit: every private request signed as Bybit checks it, a clock outside the receive
 * window resynchronised and retried once, open orders read page after page by cursor, cancel-all leaving the
 * protective stop, the batch cancel, executions as trade records, and the rate limit obeyed and reported (issue 18).
 */
class BybitRestTest {

    private static final String BTC = "BTCUSDT";

    private FakeBybit fake;
    private BybitAdapter bybit;
    private SymbolRules rules;

    @BeforeEach
    void start() throws ExchangeException {
        fake = FakeBybit.start(FakeInstrument.BTCUSDT, new BigDecimal("64000"));
        bybit = BybitAdapter.open(fake.settings(), fake.clientClock(), fake.clientPause());
        rules = bybit.symbolRules(BTC);
    }

    @AfterEach
    void stop() {
        bybit.close();
        fake.close();
    }

    private static OrderRequest buy(String id, String price) {
        return OrderRequest.limit(id, BTC, Side.BUY, new BigDecimal(price), new BigDecimal("0.001"), TimeInForce.GTC,
                false, PositionSide.BOTH);
    }

    @Test
    void everyPrivateRequestIsSignedAsBybitChecksIt() throws ExchangeException {
        bybit.createOrder(buy("gb-r1", "63000"));
        bybit.openOrders(BTC);
        bybit.balances();
        assertThat(fake.goodSignatures()).isGreaterThanOrEqualTo(3);
        assertThat(fake.badSignatures()).isZero();
        assertThat(fake.bodiesSeen()).anySatisfy(b -> assertThat(b).startsWith("{\"category\":\"linear\",\"symbol\":\"BTCUSDT\","
                + "\"side\":\"Buy\",\"orderType\":\"Limit\",\"qty\":\"0.001\",\"price\":\"63000\",\"timeInForce\":\"GTC\","
                + "\"positionIdx\":0,\"orderLinkId\":\"gb-r1\"}"));

        BybitRest wrong = fake.connect(BybitSettings.of(fake.restUrl(), new BybitCredentials(FakeBybit.CREDENTIALS.apiKey(),
                "WRONGSECRET")), why -> { });
        assertKind(() -> wrong.account().wallet(), ExchangeErrorKind.AUTHENTICATION, "10004", "Error sign");
        assertThat(fake.badSignatures()).isEqualTo(1);
    }

    @Test
    void aClockOutsideTheReceiveWindowIsResynchronisedAndTheRequestRetriedOnce() throws ExchangeException {
        fake.skewClock(60_000);
        assertThat(bybit.openOrders(BTC)).isEmpty();
        assertThat(fake.requestsSeen()).filteredOn(r -> r.startsWith("GET /v5/market/time")).hasSize(2);
    }

    @Test
    void openOrdersAreReadPageAfterPageAndIncludeTheStop() throws ExchangeException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add("gb-p" + i);
            bybit.createOrder(buy("gb-p" + i, Integer.toString(60000 - i)));
        }
        bybit.createOrder(buy("gb-fill", "64000"));
        fake.trade(BTC, new BigDecimal("64000"), null);
        bybit.placeProtectiveStop(OrderRequest.protectiveStop("gb-stop", BTC, Side.SELL, new BigDecimal("50000"),
                PositionSide.BOTH, StopTrigger.MARK));

        List<OpenOrder> open = bybit.openOrders(BTC);
        assertThat(open).extracting(OpenOrder::clientOrderId).containsAll(ids).contains("gb-stop").hasSize(61);
        assertThat(fake.requestsSeen()).filteredOn(r -> r.startsWith("GET /v5/order/realtime")).hasSize(2);
        assertThat(open).filteredOn(o -> o.clientOrderId().equals("gb-stop")).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(OrderType.STOP_MARKET);
            assertThat(s.stopPrice()).isEqualByComparingTo("50000");
            assertThat(s.origQty()).as("closes the whole position").isNull();
        });
        assertThat(fake.bodiesSeen()).anySatisfy(b -> assertThat(b).contains("\"qty\":\"0\"", "\"triggerPrice\":\"50000\"",
                "\"triggerDirection\":2", "\"triggerBy\":\"MarkPrice\"", "\"reduceOnly\":true", "\"closeOnTrigger\":true"));

        bybit.cancelAllOrders(BTC);
        assertThat(bybit.openOrders(BTC)).extracting(OpenOrder::clientOrderId).containsExactly("gb-stop");
        bybit.cancelProtectiveStop(BTC, "gb-stop");
        assertThat(bybit.openOrders(BTC)).isEmpty();
    }

    @Test
    void aBatchCancelTakesWhatIsOpenAndAnOrderAlreadyGoneIsNoFailure() throws ExchangeException {
        bybit.createOrders(List.of(buy("gb-b1", "63000"), buy("gb-b2", "62000"), buy("gb-b3", "61000")));
        bybit.cancelOrder(BTC, "gb-b2");
        bybit.cancelOrders(BTC, List.of("gb-b1", "gb-b2", "gb-b3"));
        assertThat(bybit.openOrders(BTC)).isEmpty();
        assertThat(fake.requestsSeen()).anySatisfy(r -> assertThat(r).startsWith("POST /v5/order/cancel-batch"));
        assertThat(fake.requestsSeen()).anySatisfy(r -> assertThat(r).startsWith("POST /v5/order/create-batch"));
    }

    @Test
    void executionsComeBackAsTradesWithTheirIdsFeesAndTheOrderTheyFilled() throws ExchangeException {
        bybit.createOrder(OrderRequest.limit("gb-e1", BTC, Side.BUY, new BigDecimal("63000"), new BigDecimal("0.002"),
                TimeInForce.GTC, false, PositionSide.BOTH));
        fake.trade(BTC, new BigDecimal("63000"), new BigDecimal("0.001"));
        fake.trade(BTC, new BigDecimal("63000"), null);
        List<TradeRecord> trades = bybit.trades(BTC, 0);
        assertThat(trades).extracting(TradeRecord::clientOrderId).containsExactly("gb-e1", "gb-e1");
        assertThat(trades).extracting(TradeRecord::qty).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.001"), new BigDecimal("0.001"));
        assertThat(trades).allSatisfy(t -> {
            assertThat(t.tradeId()).isNotBlank();
            assertThat(t.feeAsset()).isEqualTo("USDT");
            assertThat(t.price()).isEqualByComparingTo("63000");
        });
        assertThat(NeutralMapper.state(fakeQuery("gb-e1")).cumFilledQty()).isEqualByComparingTo("0.002");
        assertThat(bybit.position(BTC).netQty()).isEqualByComparingTo("0.002");
    }

    private OrderWire fakeQuery(String id) throws ExchangeException {
        return fake.connect(fake.settings(), why -> { }).orders().query(BTC, id);
    }

    @Test
    void theRateLimitIsPacedOnTheClientAndA10006HoldsTheEndpointBack() throws ExchangeException {
        fake.freezeClock();
        for (int i = 0; i < 25; i++) {
            bybit.createOrder(buy("gb-l" + i, Integer.toString(60000 - i)));
        }
        assertThat(fake.rateLimited()).as("the client waited instead").isZero();
        assertThat(fake.pacedMs()).as("25 creates at 9 a second").isGreaterThanOrEqualTo(2_000);

        fake.faults().refuseNextRequest(200, 10006, "Too many visits!");
        assertKind(() -> bybit.createOrder(buy("gb-x1", "59000")), ExchangeErrorKind.RATE_LIMITED, "10006", null);
        ExchangeException held = assertKind(() -> bybit.createOrder(buy("gb-x2", "59000")),
                ExchangeErrorKind.RATE_LIMITED, "10006", "backing off");
        assertThat(held.retryAfterMs()).isPositive();
        assertThat(bybit.openOrders(BTC)).as("a read has its own limit").hasSize(25);
        assertThat(Map.of("x", fake.requestsSeen().stream().filter(r -> r.contains("gb-x2")).count()))
                .containsEntry("x", 0L);
    }
}
