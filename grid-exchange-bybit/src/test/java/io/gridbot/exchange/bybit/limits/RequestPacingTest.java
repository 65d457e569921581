package io.gridbot.exchange.bybit.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.exchange.ExchangeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The pacing on a manual clock: a rolling second per endpoint at the headroom's share of its limit, a wait instead of
 * a refusal, the reset Bybit names when nothing is left, and a hold after a 10006 that refuses at once (issue 18).
 */
class RequestPacingTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final List<Long> waits = new ArrayList<>();
    private final RequestPacing pacing = new RequestPacing(now::get, ms -> {
        waits.add(ms);
        now.addAndGet(ms);
    }, 0.9);

    @Test
    void aFullWindowWaitsForItsOldestRequestToLeave() throws ExchangeException {
        for (int i = 0; i < 9; i++) {
            pacing.acquire("/v5/order/create", 10);
            now.addAndGet(10);
        }
        assertThat(waits).isEmpty();
        pacing.acquire("/v5/order/create", 10);
        assertThat(waits).containsExactly(910L);
        assertThat(pacing.used("/v5/order/create")).isEqualTo(9);
        pacing.acquire("/v5/order/realtime", 50);
        assertThat(waits).as("another endpoint has its own window").hasSize(1);
    }

    @Test
    void nothingLeftHoldsTheEndpointUntilTheResetBybitNamed() throws ExchangeException {
        pacing.observe("/v5/order/create", 0, now.get() + 400, 0);
        assertThatThrownBy(() -> pacing.acquire("/v5/order/create", 10)).isInstanceOfSatisfying(ExchangeException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(ExchangeErrorKind.RATE_LIMITED);
                    assertThat(e.retryAfterMs()).isEqualTo(400);
                });
        now.addAndGet(400);
        pacing.acquire("/v5/order/create", 10);
        pacing.observe("/v5/order/cancel", 3, now.get() + 400, 0);
        pacing.acquire("/v5/order/cancel", 10);
    }

    @Test
    void aRefusalHoldsOnlyItsEndpointForTheHold() throws ExchangeException {
        pacing.backOff("/v5/order/create", 1_000);
        assertThatThrownBy(() -> pacing.acquire("/v5/order/create", 10)).isInstanceOf(ExchangeException.class);
        pacing.acquire("/v5/order/cancel", 10);
        now.addAndGet(1_000);
        pacing.acquire("/v5/order/create", 10);
    }
}
