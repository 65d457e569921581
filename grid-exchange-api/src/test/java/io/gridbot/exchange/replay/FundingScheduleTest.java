package io.gridbot.exchange.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 15: a replay walks the funding times as its clock passes them. */
class FundingScheduleTest {

    private static final FundingRate A = new FundingRate(1_000, new BigDecimal("0.0001"));
    private static final FundingRate B = new FundingRate(2_000, new BigDecimal("-0.0002"));
    private static final FundingRate C = new FundingRate(3_000, new BigDecimal("0.0003"));

    @Test
    void theCursorHandsOutEachFundingOnceWhenTheClockReachesIt() {
        FundingSchedule.Cursor cursor = FundingSchedule.of("f", List.of(A, B, C)).cursor();

        assertThat(cursor.dueBy(999)).isNull();
        assertThat(cursor.dueBy(2_500)).isEqualTo(A);
        assertThat(cursor.dueBy(2_500)).isEqualTo(B);
        assertThat(cursor.dueBy(2_500)).isNull();
        assertThat(cursor.dueBy(9_000)).isEqualTo(C);
        assertThat(cursor.dueBy(9_000)).isNull();
    }

    @Test
    void fundingBeforeTheReplayStartsIsSkipped() {
        FundingSchedule s = FundingSchedule.of("f", List.of(A, B, C));

        assertThat(s.cursor().from(2_000).dueBy(9_000)).isEqualTo(B);
        assertThat(s.countWithin(1_500, 3_000)).isEqualTo(2);
    }

    @Test
    void timesMustIncrease() {
        assertThatThrownBy(() -> FundingSchedule.of("f", List.of(B, A))).isInstanceOf(IllegalArgumentException.class);
        assertThat(FundingSchedule.NONE.isEmpty()).isTrue();
        assertThat(FundingSchedule.NONE.span()).isEmpty();
    }
}
