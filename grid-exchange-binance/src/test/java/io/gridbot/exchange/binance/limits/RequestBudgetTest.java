package io.gridbot.exchange.binance.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.exchange.ExchangeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The adapter slows itself before the venue has to (AC5.6, edge case 3), on a clock the test moves. */
class RequestBudgetTest {

    private final AtomicLong now = new AtomicLong(1_699_999_990_000L); // 10 s into a minute
    private final List<Long> pauses = new ArrayList<>();
    private final RequestBudget budget = new RequestBudget(now::get, ms -> {
        pauses.add(ms);
        now.addAndGet(ms);
    }, 0.9);

    @Test
    void belowTheHeadroomNothingWaits() throws ExchangeException {
        budget.observe("X-MBX-USED-WEIGHT-1M", "2000");
        budget.acquire(RequestBudget.Traffic.NEW_ORDER);
        assertThat(pauses).isEmpty();
    }

    @Test
    void pastTheWeightHeadroomRequestsWaitForTheMinuteToRoll() throws ExchangeException {
        budget.observe("x-mbx-used-weight-1m", "2200"); // of 2400; headers are case-insensitive
        budget.acquire(RequestBudget.Traffic.WEIGHT_ONLY);
        assertThat(pauses).containsExactly(50_000L);
        budget.acquire(RequestBudget.Traffic.WEIGHT_ONLY);
        assertThat(pauses).hasSize(1); // the window rolled
    }

    @Test
    void orderCountsHoldOrdersButNotReads() throws ExchangeException {
        budget.observe("X-MBX-ORDER-COUNT-10S", "280"); // of 300
        budget.acquire(RequestBudget.Traffic.WEIGHT_ONLY);
        assertThat(pauses).isEmpty();
        budget.acquire(RequestBudget.Traffic.NEW_ORDER);
        assertThat(pauses).containsExactly(10_000L);
    }

    @Test
    void theVenuesOwnLimitsReplaceTheDefaults() throws ExchangeException {
        budget.useLimits(List.of(new RateLimit("REQUEST_WEIGHT", 60_000, 6000)));
        budget.observe("X-MBX-USED-WEIGHT-1M", "2300");
        budget.acquire(RequestBudget.Traffic.NEW_ORDER);
        assertThat(pauses).isEmpty();
        assertThat(new RateLimit("ORDERS", 10_000, 300).header()).isEqualTo("X-MBX-ORDER-COUNT-10S");
    }

    @Test
    void aBackOffRefusesEverythingUntilItEnds() throws ExchangeException {
        budget.backOff(5_000);
        assertThatThrownBy(() -> budget.acquire(RequestBudget.Traffic.WEIGHT_ONLY)).isInstanceOfSatisfying(ExchangeException.class, e -> {
            assertThat(e.kind()).isEqualTo(ExchangeErrorKind.RATE_LIMITED);
            assertThat(e.retryAfterMs()).isEqualTo(5_000);
        });
        now.addAndGet(5_000);
        budget.acquire(RequestBudget.Traffic.NEW_ORDER);
    }

    @Test
    void anOrderRateBackOffHoldsNewOrdersOnly() throws ExchangeException {
        budget.backOffOrders(5_000);
        assertThatThrownBy(() -> budget.acquire(RequestBudget.Traffic.NEW_ORDER))
                .isInstanceOfSatisfying(ExchangeException.class, e -> {
                    assertThat(e.venueCode()).isEqualTo("-1015");
                    assertThat(e.retryAfterMs()).isEqualTo(5_000);
                });
        budget.acquire(RequestBudget.Traffic.WEIGHT_ONLY);
        budget.acquire(RequestBudget.Traffic.PROTECTIVE_STOP);
        now.addAndGet(5_000);
        budget.acquire(RequestBudget.Traffic.NEW_ORDER);
        assertThat(pauses).isEmpty();
    }

    @Test
    void malformedHeadersAreIgnored() throws ExchangeException {
        budget.observe("X-MBX-USED-WEIGHT-1M", "lots");
        budget.observe("X-MBX-USED-WEIGHT-1M", null);
        budget.acquire(RequestBudget.Traffic.NEW_ORDER);
        assertThat(budget.used("X-MBX-USED-WEIGHT-1M")).isEqualTo(-1);
    }
}
