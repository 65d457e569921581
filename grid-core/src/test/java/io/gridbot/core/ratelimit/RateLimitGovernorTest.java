package io.gridbot.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimitGovernorTest {

    @Test
    void EC3_aHitPausesNewOrdersForThirtySecondsOrTheVenuesRetryAfter() {
        RateLimitGovernor governor = new RateLimitGovernor();

        assertThat(governor.hit(1_000, 0)).isEqualTo(31_000);
        assertThat(governor.paused(30_999)).isTrue();
        assertThat(governor.paused(31_000)).isFalse();
        assertThat(governor.hit(40_000, 120_000)).isEqualTo(160_000);
    }

    @Test
    void EC3_moreThanThreeHitsInTenMinutesSlowTheRefreshToThreeSeconds() {
        RateLimitGovernor governor = new RateLimitGovernor();
        for (int i = 0; i < 3; i++) {
            governor.hit(i * 60_000L, 0);
        }
        assertThat(governor.refreshIntervalMs(200_000, 1_000)).isEqualTo(1_000);

        governor.hit(240_000, 0);
        assertThat(governor.refreshIntervalMs(240_000, 1_000)).isEqualTo(3_000);
        // ten minutes after the first hits, they fall out of the window
        assertThat(governor.refreshIntervalMs(780_000, 1_000)).isEqualTo(1_000);
    }
}
