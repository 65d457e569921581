package io.gridbot.exchange.binance.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.binance.BinanceAdapter;
import io.gridbot.exchange.binance.fake.FakeBinance;
import io.gridbot.exchange.binance.sign.ApiCredentials;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Errors over the wire (AC5.6, FR-12, edge case 3): each Binance refusal arrives as its taxonomy kind with the
 * venue's code and message; 429 and 418 carry Retry-After and stop further requests until it passes; clock
 * drift is corrected; a create whose answer never comes is TIMEOUT_UNKNOWN; bad keys and secrets are
 * AUTHENTICATION; and the venue's usage headers are tracked.
 */
class BinanceRestErrorsTest {

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

    private BinanceAdapter open() throws ExchangeException {
        adapter = BinanceAdapter.open(fake.settings());
        return adapter;
    }

    private static OrderRequest buy(String id) {
        return OrderRequest.limit(id, BTC, Side.BUY, new BigDecimal("25000.0"), new BigDecimal("0.010"), TimeInForce.GTC,
                false, PositionSide.BOTH);
    }

    private ExchangeException refusal(ThrowingCall call) {
        try {
            call.run();
        } catch (ExchangeException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws ExchangeException;
    }

    @ParameterizedTest
    @EnumSource(value = ExchangeErrorKind.class, names = "NETWORK", mode = EnumSource.Mode.EXCLUDE)
    void everyRefusalArrivesAsItsKindWithTheVenuesCodeAndMessage(ExchangeErrorKind kind) throws Exception {
        open();
        fake.faults().rejectNextCreate(kind);

        ExchangeException e = refusal(() -> adapter.createOrder(buy("e-" + kind.ordinal())));

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.venueCode()).isNotBlank();
        assertThat(e.venueMessage()).isNotBlank();
    }

    @Test
    void theVenuesOwnRefusalsKeepTheirCodes() throws Exception {
        open();
        assertThat(refusal(() -> adapter.cancelOrder(BTC, "never-placed")).venueCode()).isEqualTo("-2011");
        assertThat(refusal(() -> adapter.queryOrder(BTC, "never-placed")).venueCode()).isEqualTo("-2013");
        ExchangeException tick = refusal(() -> adapter.createOrder(OrderRequest.limit("tick", BTC, Side.BUY,
                new BigDecimal("25000.05"), new BigDecimal("0.010"), TimeInForce.GTC, false, PositionSide.BOTH)));
        assertThat(tick.kind()).isEqualTo(ExchangeErrorKind.PRECISION);
        assertThat(tick.venueCode()).isEqualTo("-4014");
        ExchangeException notional = refusal(() -> adapter.createOrder(OrderRequest.limit("small", BTC, Side.BUY,
                new BigDecimal("25000.0"), new BigDecimal("0.001"), TimeInForce.GTC, false, PositionSide.BOTH)));
        assertThat(notional.kind()).isEqualTo(ExchangeErrorKind.MIN_NOTIONAL);
        assertThat(notional.venueCode()).isEqualTo("-4164");
        assertThat(refusal(() -> adapter.symbolRules("NOPEUSDT")).venueCode()).isEqualTo("-1121");
    }

    @Test
    void aRateLimitStormIsHonouredWithRetryAfterAndNoFurtherRequests() throws Exception {
        open();
        fake.faults().tooManyRequests(1, 2, true);

        ExchangeException e = refusal(() -> adapter.openOrders(BTC));
        assertThat(e.kind()).isEqualTo(ExchangeErrorKind.RATE_LIMITED);
        assertThat(e.venueCode()).isEqualTo("-1003");
        assertThat(e.retryAfterMs()).isEqualTo(2_000);

        int seen = fake.requestsSeen().size();
        ExchangeException held = refusal(() -> adapter.createOrder(buy("held")));
        assertThat(held.kind()).isEqualTo(ExchangeErrorKind.RATE_LIMITED);
        assertThat(held.retryAfterMs()).isPositive().isLessThanOrEqualTo(2_000);
        assertThat(fake.requestsSeen()).hasSize(seen); // the adapter slowed itself; the venue saw nothing
    }

    @Test
    void aRateLimitWithoutRetryAfterBacksOffByPolicy() throws Exception {
        open();
        fake.faults().tooManyRequests(1, 0, false);
        assertThat(refusal(() -> adapter.balances()).retryAfterMs()).isEqualTo(30_000);
    }

    @Test
    void anIpBanIsRateLimitedForAsLongAsTheVenueSays() throws Exception {
        open();
        fake.faults().ban(1, 120);
        ExchangeException e = refusal(() -> adapter.position(BTC));
        assertThat(e.kind()).isEqualTo(ExchangeErrorKind.RATE_LIMITED);
        assertThat(e.venueCode()).isEqualTo("-1003");
        assertThat(e.venueMessage()).contains("banned");
        assertThat(e.retryAfterMs()).isEqualTo(120_000);
    }

    @Test
    void aDriftingClockIsResynchronisedAndTheRequestRetried() throws Exception {
        open();
        fake.skewClock(60_000); // the venue is a minute ahead: every timestamp looks stale

        assertThat(adapter.openOrders(BTC)).isEmpty();
        assertThat(fake.requestsSeen()).anyMatch(r -> r.startsWith("GET /fapi/v1/time"));
    }

    @Test
    void aCreateWhoseAnswerNeverComesIsTimeoutUnknownAndTheOrderMayExist() throws Exception {
        adapter = BinanceAdapter.open(fake.settings().withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2),
                Duration.ofMillis(300)));
        fake.faults().slowAnswers(1, 1_500);

        ExchangeException e = refusal(() -> adapter.createOrder(buy("slow")));

        assertThat(e.kind()).isEqualTo(ExchangeErrorKind.TIMEOUT_UNKNOWN);
        assertThat(adapter.queryOrder(BTC, "slow").status()).isEqualTo(OrderStatus.NEW);
    }

    @Test
    void aWrongKeyOrSecretIsAuthentication() throws Exception {
        ExchangeException key = refusal(() -> BinanceAdapter.open(fake.settings().withUrls(fake.restUrl(), fake.streamUrl())
                .withCredentials(new ApiCredentials("wrong-key", FakeBinance.CREDENTIALS.secret()))));
        assertThat(key.kind()).isEqualTo(ExchangeErrorKind.AUTHENTICATION);
        assertThat(key.venueCode()).isEqualTo("-2015");

        // refused when it opens: reading the position mode is the first signed request
        ExchangeException secret = refusal(() -> BinanceAdapter.open(fake.settings().withCredentials(
                new ApiCredentials(FakeBinance.CREDENTIALS.apiKey(), "wrong-secret"))));
        assertThat(secret.kind()).isEqualTo(ExchangeErrorKind.AUTHENTICATION);
        assertThat(secret.venueCode()).isEqualTo("-1022");
        assertThat(fake.badSignatures()).isPositive();
    }

    @Test
    void theVenuesUsageHeadersAreTracked() throws Exception {
        open();
        adapter.createOrder(buy("counted"));
        adapter.position(BTC);

        assertThat(adapter.budget().used("X-MBX-USED-WEIGHT-1M")).isPositive();
        assertThat(adapter.budget().used("X-MBX-ORDER-COUNT-10S")).isEqualTo(1);
        assertThat(adapter.budget().used("X-MBX-ORDER-COUNT-1M")).isEqualTo(1);
        assertThat(adapter.budget().limits()).hasSize(3);
    }

    @Test
    void everyListedCodeHasItsKindAndUnknownCodesAreOther() {
        assertThat(BinanceErrorCode.kindOf(-1003)).isEqualTo(ExchangeErrorKind.RATE_LIMITED);
        assertThat(BinanceErrorCode.kindOf(-1015)).isEqualTo(ExchangeErrorKind.RATE_LIMITED);
        assertThat(BinanceErrorCode.kindOf(-1008)).isEqualTo(ExchangeErrorKind.EXCHANGE_UNAVAILABLE);
        assertThat(BinanceErrorCode.kindOf(-1021)).isEqualTo(ExchangeErrorKind.AUTHENTICATION);
        assertThat(BinanceErrorCode.kindOf(-1022)).isEqualTo(ExchangeErrorKind.AUTHENTICATION);
        assertThat(BinanceErrorCode.kindOf(-1111)).isEqualTo(ExchangeErrorKind.PRECISION);
        assertThat(BinanceErrorCode.kindOf(-2011)).isEqualTo(ExchangeErrorKind.UNKNOWN_ORDER);
        assertThat(BinanceErrorCode.kindOf(-2013)).isEqualTo(ExchangeErrorKind.UNKNOWN_ORDER);
        assertThat(BinanceErrorCode.kindOf(-2015)).isEqualTo(ExchangeErrorKind.AUTHENTICATION);
        assertThat(BinanceErrorCode.kindOf(-2018)).isEqualTo(ExchangeErrorKind.INSUFFICIENT_BALANCE);
        assertThat(BinanceErrorCode.kindOf(-2019)).isEqualTo(ExchangeErrorKind.INSUFFICIENT_BALANCE);
        assertThat(BinanceErrorCode.kindOf(-2022)).isEqualTo(ExchangeErrorKind.REDUCE_ONLY_REJECTED);
        assertThat(BinanceErrorCode.kindOf(-4014)).isEqualTo(ExchangeErrorKind.PRECISION);
        assertThat(BinanceErrorCode.kindOf(-4023)).isEqualTo(ExchangeErrorKind.PRECISION);
        assertThat(BinanceErrorCode.kindOf(-4116)).isEqualTo(ExchangeErrorKind.DUPLICATE_CLIENT_ID);
        assertThat(BinanceErrorCode.kindOf(-4164)).isEqualTo(ExchangeErrorKind.MIN_NOTIONAL);
        assertThat(BinanceErrorCode.kindOf(-5022)).isEqualTo(ExchangeErrorKind.POST_ONLY_WOULD_TAKE);
        assertThat(BinanceErrorCode.kindOf(-4120)).isEqualTo(ExchangeErrorKind.OTHER);
        assertThat(BinanceErrorCode.kindOf(-9999)).isEqualTo(ExchangeErrorKind.OTHER);
        assertThat(BinanceErrorCode.values()).extracting(BinanceErrorCode::code).doesNotHaveDuplicates();
    }

    @Test
    void unreachableVenueIsNetwork() {
        String dead = fake.restUrl();
        fake.close();
        ExchangeException e = refusal(() -> BinanceAdapter.open(
                io.gridbot.exchange.binance.BinanceSettings.defaults(dead, "ws://127.0.0.1:1", FakeBinance.CREDENTIALS)));
        assertThat(e.kind()).isEqualTo(ExchangeErrorKind.NETWORK);
        assertThatThrownBy(() -> { throw e; }).hasMessageNotContaining(FakeBinance.CREDENTIALS.apiKey());
    }
}
