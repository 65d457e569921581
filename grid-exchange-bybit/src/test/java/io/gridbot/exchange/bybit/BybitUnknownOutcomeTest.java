package io.gridbot.exchange.bybit;

import static io.gridbot.exchange.bybit.Kinds.assertKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.bybit.fake.FakeBybit;
import io.gridbot.exchange.bybit.fake.FakeInstrument;
import io.gridbot.exchange.bybit.rest.OrderCalls;
import io.gridbot.exchange.bybit.wire.NeutralMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A create whose answer does not say whether the order was made (Bybit's server timeout 10000 and server error
 * 10016, a 5xx page, a late answer) is {@code TIMEOUT_UNKNOWN}, whether or not it reached the book, and the order is
 * then found by its client id; a definite refusal, and a failed read, are not (issue 18).
 */
class BybitUnknownOutcomeTest {

    private static final String BTC = "BTCUSDT";

    private FakeBybit fake;
    private BybitRest bybit;
    private SymbolRules rules;

    @BeforeEach
    void start() throws ExchangeException {
        fake = FakeBybit.start(FakeInstrument.BTCUSDT, new BigDecimal("64000"));
        bybit = fake.connect(fake.settings().withTimeouts(Duration.ofMillis(500), Duration.ofMillis(300)), doubt -> { });
        bybit.client().syncTime();
        rules = bybit.instruments().rules(BTC).core();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static OrderRequest buy(String id) {
        return OrderRequest.limit(id, BTC, Side.BUY, new BigDecimal("63000"), new BigDecimal("0.001"), TimeInForce.GTC,
                false, PositionSide.BOTH);
    }

    @Test
    void aServerErrorAfterTheOrderRestedIsUnknownAndTheOrderIsFoundByItsClientId() throws ExchangeException {
        fake.faults().answerNextCreate(200, 10016, "Server error.", true);
        assertKind(() -> bybit.orders().place(buy("gb-u1"), rules), ExchangeErrorKind.TIMEOUT_UNKNOWN, "10016", null);
        assertThat(NeutralMapper.state(bybit.orders().query(BTC, "gb-u1")).status()).isEqualTo(OrderStatus.NEW);
    }

    @Test
    void aServerTimeoutIsUnknownEvenWhenNothingWasPlacedAndTheQueryThenSaysSo() {
        fake.faults().answerNextCreate(200, 10000, "Server Timeout", false);
        assertKind(() -> bybit.orders().place(buy("gb-u2"), rules), ExchangeErrorKind.TIMEOUT_UNKNOWN, "10000", null);
        assertKind(() -> bybit.orders().query(BTC, "gb-u2"), ExchangeErrorKind.UNKNOWN_ORDER, "110001", null);
    }

    @Test
    void aGatewayPageWithoutACodeIsUnknownForACreateAndForAWholeBatch() {
        fake.faults().answerNextCreate(502, null, "<html><body>502 Bad Gateway</body></html>", false);
        assertKind(() -> bybit.orders().place(buy("gb-u3"), rules), ExchangeErrorKind.TIMEOUT_UNKNOWN, "HTTP 502", null);
        fake.faults().answerNextCreate(504, null, "Gateway Time-out", true);
        assertKind(() -> bybit.orders().placeBatch(List.of(buy("gb-u4"), buy("gb-u5")), rules),
                ExchangeErrorKind.TIMEOUT_UNKNOWN, "HTTP 504", null);
    }

    @Test
    void aBatchAnswersEachItemWithItsOwnCodeInRetExtInfo() throws ExchangeException {
        fake.faults().refuseNextOrder(10016, "Server error.");
        List<OrderCalls.BatchItem> items = bybit.orders().placeBatch(List.of(buy("gb-u6"), buy("gb-u7"), buy("gb-u7")),
                rules);
        assertThat(items.get(0)).isInstanceOfSatisfying(OrderCalls.BatchItem.Failed.class,
                f -> assertThat(f.error().kind()).isEqualTo(ExchangeErrorKind.TIMEOUT_UNKNOWN));
        assertThat(items.get(1)).isInstanceOfSatisfying(OrderCalls.BatchItem.Placed.class,
                p -> assertThat(p.order().orderLinkId()).isEqualTo("gb-u7"));
        assertThat(items.get(2)).isInstanceOfSatisfying(OrderCalls.BatchItem.Failed.class, f -> {
            assertThat(f.error().kind()).isEqualTo(ExchangeErrorKind.DUPLICATE_CLIENT_ID);
            assertThat(f.error().venueCode()).isEqualTo("110072");
        });
    }

    @Test
    void aCreateWhoseAnswerIsLateIsUnknownAndALateReadIsANetworkFailure() throws ExchangeException {
        fake.faults().slowNextAnswer(1_000);
        assertKind(() -> bybit.orders().place(buy("gb-u8"), rules), ExchangeErrorKind.TIMEOUT_UNKNOWN, null, "timed out");
        assertThat(NeutralMapper.state(bybit.orders().query(BTC, "gb-u8")).status()).isEqualTo(OrderStatus.NEW);
        fake.faults().slowNextAnswer(1_000);
        assertKind(() -> bybit.orders().open(BTC), ExchangeErrorKind.NETWORK, null, "timed out");
    }

    @Test
    void aStopAnsweredWithAServerErrorIsUnknown() {
        fake.faults().answerNextCreate(503, null, "Service Unavailable", false);
        assertKind(() -> bybit.orders().placeStop(OrderRequest.protectiveStop("gb-s9", BTC, Side.SELL,
                new BigDecimal("60000"), PositionSide.BOTH, StopTrigger.LAST), rules), ExchangeErrorKind.TIMEOUT_UNKNOWN,
                "HTTP 503", null);
    }

    @Test
    void aServerErrorOnAReadIsTheVenueUnavailableNotAnUnknownOutcome() {
        fake.faults().refuseNextRequest(200, 10016, "Server error.");
        assertKind(() -> bybit.orders().open(BTC), ExchangeErrorKind.EXCHANGE_UNAVAILABLE, "10016", null);
        fake.faults().refuseNextRequest(500, null, "Internal Server Error");
        assertKind(() -> bybit.account().wallet(), ExchangeErrorKind.EXCHANGE_UNAVAILABLE, "HTTP 500", null);
    }
}
