package io.gridbot.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When the comparison with the venue falls due: every interval, or, for a venue that cannot fail unseen, on a doubt. */
class DriftCheckCadenceTest {

    @Test
    void aPeriodicCheckFallsDueEveryIntervalOfRunning() {
        DriftCheck check = new DriftCheck();
        check.start(0);

        assertThat(check.due(DriftCheck.INTERVAL_MS - 1)).isFalse();
        assertThat(check.due(DriftCheck.INTERVAL_MS)).isTrue();
        check.asked(DriftCheck.INTERVAL_MS, true);
        assertThat(check.due(2 * DriftCheck.INTERVAL_MS)).isTrue();
    }

    @Test
    void aCheckOnDoubtNeverFallsDueOnItsOwnButSoonAfterADoubt() {
        DriftCheck check = new DriftCheck(false);
        check.start(0);

        assertThat(check.due(Long.MAX_VALUE - 1)).isFalse();
        check.doubt(1_000);
        assertThat(check.due(1_000 + DriftCheck.DOUBT_INTERVAL_MS)).isTrue();
        check.asked(1_000 + DriftCheck.DOUBT_INTERVAL_MS, true);
        assertThat(check.due(Long.MAX_VALUE - 1)).isFalse();
    }

    @Test
    void aCheckOnDoubtIgnoresDoubtsBeforeTheGridRuns() {
        DriftCheck check = new DriftCheck(false);
        check.doubt(1_000);

        assertThat(check.due(Long.MAX_VALUE - 1)).isFalse();
    }
}
