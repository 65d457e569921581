package io.gridbot.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.binance.fake.FakeBinance;
import io.gridbot.exchange.binance.fake.FakeFaults.Answer;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An order-rate back-off (-1015, or any 429 on an order endpoint, which carries no IP weight) holds back new
 * grid orders only (issue 11): cancels, the protective stop and the stop's cancel still go out, so the grid can
 * always take risk off. The IP-wide back-off of a -1003 or a 418 still holds everything.
 */
class BinanceOrderRateBackOffTest {

    private static final String BTC = "BTCUSDT";

    private final FakeBinance fake = FakeBinance.start(FakeBinance.BTCUSDT, new BigDecimal("26000.0"));
    private BinanceAdapter adapter;

    @AfterEach
    void close() {
        if (adapter != null) {
            adapter.close();
        }
        fake.close();
    }

    private static OrderRequest buy(String id) {
        return OrderRequest.limit(id, BTC, Side.BUY, new BigDecimal("25000.0"), new BigDecimal("0.010"), TimeInForce.GTC,
                false, PositionSide.BOTH);
    }

    private static ExchangeException refusal(Call call) {
        try {
            call.run();
        } catch (ExchangeException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    @FunctionalInterface
    private interface Call {
        void run() throws ExchangeException;
    }

    /** Two ways the venue says "too many orders". */
    static Stream<String> orderRateRefusals() {
        return Stream.of("-1015", "429 without a code");
    }

    @ParameterizedTest
    @MethodSource("orderRateRefusals")
    void anOrderRateBackOffHoldsNewOrdersButNotCancelsNorTheProtectiveStop(String how) throws Exception {
        adapter = BinanceAdapter.open(fake.settings());
        adapter.createOrder(buy("resting"));
        if (how.equals("-1015")) {
            fake.faults().rejectNextCreate(ExchangeErrorKind.RATE_LIMITED); // 429 with -1015
        } else {
            fake.faults().answerNextCreate(new Answer(429, null, "Too Many Requests", false));
        }
        ExchangeException hit = refusal(() -> adapter.createOrder(buy("refused")));
        assertThat(hit.kind()).isEqualTo(ExchangeErrorKind.RATE_LIMITED);

        int seen = fake.requestsSeen().size();
        ExchangeException held = refusal(() -> adapter.createOrder(buy("held")));
        assertThat(held.kind()).isEqualTo(ExchangeErrorKind.RATE_LIMITED);
        assertThat(held.retryAfterMs()).isPositive();
        assertThat(fake.requestsSeen()).as("a new order waits out the back-off").hasSize(seen);

        adapter.cancelOrder(BTC, "resting");
        adapter.placeProtectiveStop(OrderRequest.protectiveStop("stop-1", BTC, Side.SELL, new BigDecimal("24000.0"),
                PositionSide.BOTH, StopTrigger.LAST));
        assertThat(adapter.openOrders(BTC)).extracting(OpenOrder::clientOrderId).containsExactly("stop-1");
        adapter.cancelProtectiveStop(BTC, "stop-1");
        assertThat(adapter.openOrders(BTC)).isEmpty();
    }

    @Test
    void theProtectiveStopDoesNotWaitForTheOrderCountWindowEither() throws Exception {
        List<Long> pauses = new CopyOnWriteArrayList<>();
        adapter = BinanceAdapter.open(fake.settings(), pauses::add);
        adapter.createOrder(buy("resting"));
        String orders10s = "X-MBX-ORDER-COUNT-10S"; // of 300 per 10 s; 290 is past the 90 % headroom

        adapter.budget().observe(orders10s, "290");
        adapter.placeProtectiveStop(OrderRequest.protectiveStop("stop-2", BTC, Side.SELL, new BigDecimal("24000.0"),
                PositionSide.BOTH, StopTrigger.LAST));
        adapter.budget().observe(orders10s, "290");
        adapter.cancelOrder(BTC, "resting");
        adapter.cancelProtectiveStop(BTC, "stop-2");
        assertThat(pauses).as("the stop and the cancels went at once").isEmpty();

        adapter.budget().observe(orders10s, "290");
        adapter.createOrder(buy("next"));
        assertThat(pauses).as("a new grid order waits for the window").hasSize(1);
    }

    @Test
    void anIpWideBackOffStillHoldsEverything() throws Exception {
        adapter = BinanceAdapter.open(fake.settings());
        adapter.createOrder(buy("resting"));
        fake.faults().tooManyRequests(1, 5, true); // -1003: the IP's request weight
        assertThat(refusal(() -> adapter.openOrders(BTC)).kind()).isEqualTo(ExchangeErrorKind.RATE_LIMITED);

        int seen = fake.requestsSeen().size();
        assertThat(refusal(() -> adapter.cancelOrder(BTC, "resting")).kind()).isEqualTo(ExchangeErrorKind.RATE_LIMITED);
        assertThat(fake.requestsSeen()).hasSize(seen);
    }
}
