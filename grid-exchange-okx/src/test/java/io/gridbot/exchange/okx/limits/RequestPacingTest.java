package io.gridbot.exchange.okx.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.exchange.ExchangeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Pacing under OKX's documented limits, on a clock the test moves. */
class RequestPacingTest {

    private static final RateRule PLACE = RateRule.perTwoSeconds(60, RateRule.Scope.USER_INSTRUMENT);

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final List<Long> pauses = new ArrayList<>();
    private final RequestPacing pacing = new RequestPacing(now::get, ms -> {
        pauses.add(ms);
        now.addAndGet(ms);
    }, 0.9);

    @Test
    void requestsPastTheHeadroomWaitForTheOldestToLeaveTheWindow() throws ExchangeException {
        String key = RequestPacing.key("/api/v5/trade/order", PLACE, "BTC-USDT-SWAP");
        for (int i = 0; i < 54; i++) {
            pacing.acquire(key, PLACE, 1, true);
            now.addAndGet(10);
        }
        assertThat(pauses).isEmpty();
        pacing.acquire(key, PLACE, 1, true);
        assertThat(pauses).hasSize(1);
        assertThat(now.get()).isGreaterThanOrEqualTo(1_000_000 + 2_000);
        assertThat(pacing.used(key, PLACE)).isLessThanOrEqualTo(54);
    }

    @Test
    void eachInstrumentHasItsOwnWindowWhereTheRuleCountsPerInstrument() throws ExchangeException {
        for (int i = 0; i < 54; i++) {
            pacing.acquire(RequestPacing.key("/api/v5/trade/order", PLACE, "BTC-USDT-SWAP"), PLACE, 1, true);
        }
        pacing.acquire(RequestPacing.key("/api/v5/trade/order", PLACE, "ETH-USDT-SWAP"), PLACE, 1, true);
        assertThat(pauses).isEmpty();
        RateRule perUser = RateRule.perTwoSeconds(10, RateRule.Scope.USER);
        assertThat(RequestPacing.key("/api/v5/account/balance", perUser, "BTC-USDT-SWAP")).isEqualTo("/api/v5/account/balance");
    }

    @Test
    void aBatchCountsItsOrders() throws ExchangeException {
        RateRule batch = RateRule.perTwoSeconds(300, RateRule.Scope.USER_INSTRUMENT);
        String key = RequestPacing.key("/api/v5/trade/batch-orders", batch, "BTC-USDT-SWAP");
        for (int i = 0; i < 13; i++) {
            pacing.acquire(key, batch, 20, true);
        }
        assertThat(pauses).isEmpty();
        pacing.acquire(key, batch, 20, true);
        assertThat(pauses).hasSize(1);
    }

    @Test
    void afterTheVenuesRefusalTheKeyIsRefusedLocallyForTheHold() throws ExchangeException {
        String key = RequestPacing.key("/api/v5/trade/order", PLACE, "BTC-USDT-SWAP");
        pacing.backOff(key, 2_000);
        assertThatThrownBy(() -> pacing.acquire(key, PLACE, 1, true)).isInstanceOfSatisfying(ExchangeException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(ExchangeErrorKind.RATE_LIMITED);
                    assertThat(e.retryAfterMs()).isEqualTo(2_000);
                });
        pacing.acquire(RequestPacing.key("/api/v5/trade/order", PLACE, "ETH-USDT-SWAP"), PLACE, 1, true);
        now.addAndGet(2_000);
        pacing.acquire(key, PLACE, 1, true);
    }

    @Test
    void theOrderRateBackOffHoldsNewOrdersButNotCancelsOrTheStop() throws ExchangeException {
        pacing.backOffOrders(2_000);
        assertThatThrownBy(() -> pacing.acquire("/api/v5/trade/order|BTC-USDT-SWAP", PLACE, 1, true))
                .isInstanceOfSatisfying(ExchangeException.class, e -> assertThat(e.venueCode()).isEqualTo("50061"));
        pacing.acquire("/api/v5/trade/cancel-order|BTC-USDT-SWAP", PLACE, 1, false);
        pacing.acquire("/api/v5/trade/order-algo|BTC-USDT-SWAP", PLACE, 1, false);
    }
}
