package io.gridbot.exchange.binance.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeAdapter.Result;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.OrderAck;
import io.gridbot.exchange.binance.BinanceAdapter;
import io.gridbot.exchange.binance.fake.FakeBinance;
import io.gridbot.exchange.binance.fake.FakeFaults.Answer;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Creates whose answer hides their outcome (issue 11): Binance says a 5xx means the execution status is
 * unknown, so every 5xx on a create (but the two documented definite rejections), a whole batch answered by a
 * gateway's 502 / 504, and -1006 on a create or on one batch item are {@code TIMEOUT_UNKNOWN}: the order may
 * rest, and it does here, found by its client id.
 */
class BinanceUnknownOutcomeTest {

    private static final String BTC = "BTCUSDT";
    private static final String MINUS_1006 = "An unexpected response was received from the message bus. Execution status unknown.";

    private final FakeBinance fake = FakeBinance.start(FakeBinance.BTCUSDT, new BigDecimal("26000.0"));
    private BinanceAdapter adapter;

    @AfterEach
    void close() {
        if (adapter != null) {
            adapter.close();
        }
        fake.close();
    }

    private static OrderRequest buy(String id, String price) {
        return OrderRequest.limit(id, BTC, Side.BUY, new BigDecimal(price), new BigDecimal("0.010"), TimeInForce.GTC,
                false, PositionSide.BOTH);
    }

    private ExchangeException refusal(OrderRequest request) {
        try {
            adapter.createOrder(request);
        } catch (ExchangeException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void aCreateAnswered500WithMinus1006IsTimeoutUnknownAndItsOrderIsFoundByItsClientId() throws Exception {
        adapter = BinanceAdapter.open(fake.settings());
        fake.faults().answerNextCreate(new Answer(500, -1006, MINUS_1006, true));

        ExchangeException e = refusal(buy("u-1006", "25000.0"));

        assertThat(e.kind()).isEqualTo(ExchangeErrorKind.TIMEOUT_UNKNOWN);
        assertThat(e.venueCode()).isEqualTo("-1006");
        assertThat(adapter.queryOrder(BTC, "u-1006").status()).isEqualTo(OrderStatus.NEW);
        assertThat(adapter.openOrders(BTC)).hasSize(1);
    }

    static Stream<Arguments> fiveHundreds() {
        return Stream.of(
                Arguments.of(new Answer(500, null, "<html>500 Internal Server Error</html>", true), ExchangeErrorKind.TIMEOUT_UNKNOWN),
                Arguments.of(new Answer(502, null, "<html>502 Bad Gateway</html>", true), ExchangeErrorKind.TIMEOUT_UNKNOWN),
                Arguments.of(new Answer(504, null, "<html>504 Gateway Time-out</html>", false), ExchangeErrorKind.TIMEOUT_UNKNOWN),
                Arguments.of(new Answer(500, -1000, "An unknown error occurred while processing the request.", true),
                        ExchangeErrorKind.TIMEOUT_UNKNOWN),
                Arguments.of(new Answer(503, -1001, "Internal error; unable to process your request. Please try again.", false),
                        ExchangeErrorKind.TIMEOUT_UNKNOWN),
                Arguments.of(new Answer(503, -1007, "Timeout waiting for response from backend server. Send status unknown; execution status unknown.", true),
                        ExchangeErrorKind.TIMEOUT_UNKNOWN),
                // the two that Binance documents as definite failures
                Arguments.of(new Answer(503, null, "Service Unavailable.", false), ExchangeErrorKind.EXCHANGE_UNAVAILABLE),
                Arguments.of(new Answer(503, -1008, "Request throttled by system-level protection. Reduce-only/close-position orders are exempt. Please try again.", false),
                        ExchangeErrorKind.EXCHANGE_UNAVAILABLE));
    }

    @ParameterizedTest
    @MethodSource("fiveHundreds")
    void every5xxOnACreateIsTimeoutUnknownButTheDocumentedDefiniteRejections(Answer answer, ExchangeErrorKind kind)
            throws Exception {
        adapter = BinanceAdapter.open(fake.settings());
        fake.faults().answerNextCreate(answer);

        assertThat(refusal(buy("u-" + answer.status(), "25000.0")).kind()).isEqualTo(kind);
    }

    @ParameterizedTest
    @ValueSource(ints = {502, 504})
    void aWholeBatchAnsweredByAGatewayIsTimeoutUnknownForEachOfItsOrders(int status) throws Exception {
        adapter = BinanceAdapter.open(fake.settings());
        fake.faults().answerNextCreate(new Answer(status, null, "<html>" + status + "</html>", true));

        List<Result<OrderAck>> results = adapter.createOrders(List.of(buy("b-1", "25000.0"), buy("b-2", "24900.0"),
                buy("b-3", "24800.0")));

        assertThat(results).hasSize(3).allSatisfy(r -> assertThat(r.error().kind()).isEqualTo(ExchangeErrorKind.TIMEOUT_UNKNOWN));
        for (String id : List.of("b-1", "b-2", "b-3")) {
            assertThat(adapter.queryOrder(BTC, id).status()).as(id).isEqualTo(OrderStatus.NEW);
        }
    }

    @Test
    void aBatchItemAnsweredMinus1006IsTimeoutUnknownAndTheOthersAreAcknowledged() throws Exception {
        adapter = BinanceAdapter.open(fake.settings());
        fake.faults().answerBatchItem(1, new Answer(200, -1006, MINUS_1006, true));

        List<Result<OrderAck>> results = adapter.createOrders(List.of(buy("i-1", "25000.0"), buy("i-2", "24900.0"),
                buy("i-3", "24800.0")));

        assertThat(results.get(0).ok()).isTrue();
        assertThat(results.get(1).error().kind()).isEqualTo(ExchangeErrorKind.TIMEOUT_UNKNOWN);
        assertThat(results.get(1).error().venueCode()).isEqualTo("-1006");
        assertThat(results.get(2).ok()).isTrue();
        assertThat(adapter.queryOrder(BTC, "i-2").status()).isEqualTo(OrderStatus.NEW);
        assertThat(fake.faults().answeredClientIds()).containsExactly("i-2");
    }
}
