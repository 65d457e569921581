package io.gridbot.core.machine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.risk.PositionLegs;
import java.math.BigDecimal;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

/**
 * What lets a sync be skipped: a bracket whose sync found nothing to do is quiet only in the same state of the
 * grid and before the wake that sync saw. Every property test of the machine also checks, by assertion, that a
 * skipped sync would have done nothing.
 */
class QuietBracketsTest {

    private static final PositionLegs POSITION = PositionLegs.oneWay(new BigDecimal("0.010"));
    private static final PositionLegs FLAT = PositionLegs.FLAT;
    private final Slot[] slots = {new Slot(0, 0, BigDecimal.ONE, null, BigDecimal.TEN)};
    private final QuietBrackets quiet = new QuietBrackets();
    private final BitSet blocked = new BitSet();

    @Test
    void aBracketIsQuietInTheStateAndBeforeTheWakeItsSyncSaw() {
        quiet.remember(4, 5_000, slots, 7, POSITION, POSITION, FLAT, blocked);

        assertThat(quiet.quiet(4, 4_999, slots, 7, PositionLegs.oneWay(new BigDecimal("0.0100")), POSITION, FLAT)).isSameAs(blocked);
        assertThat(quiet.quiet(4, 5_000, slots, 7, POSITION, POSITION, FLAT)).isNull();
        assertThat(quiet.quiet(5, 1_000, slots, 7, POSITION, POSITION, FLAT)).isNull();
    }

    @Test
    void anyChangeOfTheLinesOrOfAPositionForgetsEveryBracket() {
        quiet.remember(4, 5_000, slots, 7, POSITION, POSITION, FLAT, blocked);
        quiet.remember(6, 5_000, slots, 7, POSITION, POSITION, FLAT, blocked);

        assertThat(quiet.quiet(6, 1_000, slots, 8, POSITION, POSITION, FLAT)).isNull();
        assertThat(quiet.quiet(6, 1_000, slots, 7, FLAT, POSITION, FLAT)).isNull();
        assertThat(quiet.quiet(6, 1_000, slots, 7, POSITION, null, FLAT)).isNull();
        assertThat(quiet.quiet(6, 1_000, slots, 7, POSITION, POSITION, POSITION)).isNull();
        assertThat(quiet.quiet(6, 1_000, slots.clone(), 7, POSITION, POSITION, FLAT)).isNull();

        quiet.remember(8, 5_000, slots, 9, POSITION, POSITION, FLAT, blocked);
        assertThat(quiet.quiet(4, 1_000, slots, 9, POSITION, POSITION, FLAT)).isNull();
        assertThat(quiet.quiet(8, 1_000, slots, 9, POSITION, POSITION, FLAT)).isSameAs(blocked);
    }

    @Test
    void aNewLadderForgetsEveryBracket() {
        quiet.remember(4, 5_000, slots, 7, POSITION, POSITION, FLAT, blocked);
        quiet.forget();

        assertThat(quiet.quiet(4, 1_000, slots, 7, POSITION, POSITION, FLAT)).isNull();
    }

    @Test
    void aBracketSyncedAgainAfterItsWakeIsQuietUntilTheNewWake() {
        quiet.remember(4, 5_000, slots, 7, POSITION, POSITION, FLAT, blocked);
        BitSet later = new BitSet();
        later.set(0);
        quiet.remember(4, 9_000, slots, 7, POSITION, POSITION, FLAT, later);

        assertThat(quiet.quiet(4, 6_000, slots, 7, POSITION, POSITION, FLAT)).isSameAs(later);
    }
}
