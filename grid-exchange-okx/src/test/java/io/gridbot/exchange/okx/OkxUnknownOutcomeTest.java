package io.gridbot.exchange.okx;

import static io.gridbot.exchange.okx.OkxOrdersTest.assertKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.okx.fake.FakeInstrument;
import io.gridbot.exchange.okx.fake.FakeOkx;
import io.gridbot.exchange.okx.wire.ContractSize;
import io.gridbot.exchange.okx.wire.NeutralMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A create whose answer does not say whether the order was made is {@code TIMEOUT_UNKNOWN}, whether or not it
 * reached the book, and the order is then found by its client id; a definite refusal is not.
 */
class OkxUnknownOutcomeTest {

    private static final String BTC = "BTC-USDT-SWAP";

    private FakeOkx fake;
    private OkxRest okx;
    private ContractSize size;

    @BeforeEach
    void start() throws ExchangeException {
        fake = FakeOkx.start(FakeInstrument.BTC_USDT_SWAP, new BigDecimal("64000"));
        okx = fake.connect(fake.settings().withTimeouts(Duration.ofMillis(500), Duration.ofMillis(300)), doubt -> { });
        size = okx.instruments().rules(BTC).contracts();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static OrderRequest buy(String id) {
        return OrderRequest.limit(id, BTC, Side.BUY, new BigDecimal("63000"), new BigDecimal("0.01"), TimeInForce.GTC,
                false, PositionSide.BOTH);
    }

    @Test
    void aSystemErrorAfterTheOrderRestedIsUnknownAndTheOrderIsFoundByItsClientId() throws ExchangeException {
        fake.faults().answerNextCreate(500, "50026", "System error. Try again later", true);
        assertKind(() -> okx.orders().place(buy("gbU1"), size), ExchangeErrorKind.TIMEOUT_UNKNOWN, "50026", null);
        assertThat(NeutralMapper.state(okx.orders().query(BTC, "gbU1"), size).status()).isEqualTo(OrderStatus.NEW);
    }

    @Test
    void aGatewayPageWithoutACodeIsUnknownEvenWhenNothingWasPlaced() {
        fake.faults().answerNextCreate(502, null, "<html><body>502 Bad Gateway</body></html>", false);
        assertKind(() -> okx.orders().place(buy("gbU2"), size), ExchangeErrorKind.TIMEOUT_UNKNOWN, "HTTP 502", null);
        assertKind(() -> okx.orders().query(BTC, "gbU2"), ExchangeErrorKind.UNKNOWN_ORDER, "51603", null);
    }

    @Test
    void okxsTwoNoOutcomeCodesAreUnknownAsAWholeAnswerAndAsAnItem() throws ExchangeException {
        fake.faults().answerNextCreate(200, "50004",
                "API endpoint request timeout. (does not mean that the request was successful or failed, please check the request result).",
                true);
        assertKind(() -> okx.orders().place(buy("gbU3"), size), ExchangeErrorKind.TIMEOUT_UNKNOWN, "50004", null);
        fake.faults().refuseNextOrder("51149",
                "Order timed out. Please try again. (does not mean that the request was successful or failed, please check the request result)");
        assertKind(() -> okx.orders().place(buy("gbU4"), size), ExchangeErrorKind.TIMEOUT_UNKNOWN, "51149", null);
        assertThat(okx.orders().pending(BTC)).extracting(o -> o.clOrdId()).containsExactly("gbU3");
    }

    @Test
    void aWholeBatchAnsweredByAGatewayIsUnknown() {
        fake.faults().answerNextCreate(504, null, "Gateway Time-out", true);
        assertKind(() -> okx.orders().placeBatch(List.of(buy("gbU5"), buy("gbU6")), size), ExchangeErrorKind.TIMEOUT_UNKNOWN,
                "HTTP 504", null);
    }

    @Test
    void aCreateWhoseAnswerIsLateIsUnknownAndARefusedReadIsNot() throws ExchangeException {
        fake.faults().slowNextAnswer(1_000);
        assertKind(() -> okx.orders().place(buy("gbU7"), size), ExchangeErrorKind.TIMEOUT_UNKNOWN, null, "timed out");
        assertThat(NeutralMapper.state(okx.orders().query(BTC, "gbU7"), size).status()).isEqualTo(OrderStatus.NEW);
        fake.faults().slowNextAnswer(1_000);
        assertKind(() -> okx.orders().pending(BTC), ExchangeErrorKind.NETWORK, null, "timed out");
    }

    @Test
    void aStopAnsweredWithAServerErrorIsUnknown() {
        fake.faults().answerNextCreate(503, null, "Service Unavailable", false);
        assertKind(() -> okx.orders().placeStop(OrderRequest.protectiveStop("gbS9", BTC, Side.SELL, new BigDecimal("60000"),
                PositionSide.BOTH, StopTrigger.LAST), size), ExchangeErrorKind.TIMEOUT_UNKNOWN, "HTTP 503", null);
    }

    @Test
    void aBusyVenueRefusesDefinitely() {
        fake.faults().answerNextCreate(429, "50013", "Systems are busy. Please try again later.", false);
        assertKind(() -> okx.orders().place(buy("gbU8"), size), ExchangeErrorKind.EXCHANGE_UNAVAILABLE, "50013", null);
        fake.faults().refuseNextRequest(500, null, "Internal Server Error");
        assertKind(() -> okx.orders().pending(BTC), ExchangeErrorKind.EXCHANGE_UNAVAILABLE, "HTTP 500", null);
    }
}
