package io.gridbot.core.spacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridLadderTest {

    private static final BigDecimal TICK = new BigDecimal("0.1");

    @Test
    void arithmeticLinesOfTheWorkedExampleSnapToTheNearestTick() {
        GridLadder ladder = GridLadder.build(new Spacing.Arithmetic(), new BigDecimal("60000"), new BigDecimal("65000"),
                20, TICK, null);

        assertThat(ladder.size()).isEqualTo(20);
        assertThat(ladder.prices().subList(0, 3)).containsExactly(new BigDecimal("60000.0"), new BigDecimal("60263.2"),
                new BigDecimal("60526.3"));
        assertThat(ladder.price(8)).isEqualByComparingTo("62105.3");
        assertThat(ladder.price(7)).isEqualByComparingTo("61842.1");
        assertThat(ladder.highest()).isEqualByComparingTo("65000.0");
    }

    @Test
    void geometricLinesKeepAnEqualRatioAndEndOnTheBounds() {
        GridLadder ladder = GridLadder.build(new Spacing.Geometric(), new BigDecimal("100"), new BigDecimal("400"), 3,
                new BigDecimal("0.01"), null);

        assertThat(ladder.prices()).containsExactly(new BigDecimal("100.00"), new BigDecimal("200.00"),
                new BigDecimal("400.00"));
    }

    @Test
    void geometricRatioIsComputedWithoutFloatingPoint() {
        GridLadder ladder = GridLadder.build(new Spacing.Geometric(), new BigDecimal("1"), new BigDecimal("2"), 13,
                new BigDecimal("0.00001"), null);

        // Twelve equal semitone-like steps: line 6 is the square root of two.
        assertThat(ladder.price(6)).isEqualByComparingTo("1.41421");
        assertThat(ladder.highest()).isEqualByComparingTo("2");
    }

    @Test
    void AC6_2_percentageSpacingIsCentredAndAtLeastOneTick() {
        GridLadder ladder = GridLadder.build(new Spacing.Percentage(new BigDecimal("1"), null), null, null, 5, TICK,
                new BigDecimal("100"));
        assertThat(ladder.prices()).extracting(BigDecimal::toPlainString)
                .containsExactly("98.0", "99.0", "100.0", "101.0", "102.0");

        GridLadder tiny = GridLadder.build(new Spacing.Percentage(new BigDecimal("0.0001"), new BigDecimal("100")), null,
                null, 5, TICK, null);
        assertThat(tiny.prices()).extracting(BigDecimal::toPlainString)
                .containsExactly("99.8", "99.9", "100.0", "100.1", "100.2");
    }

    @Test
    void linesThatSnapToOnePriceAreRejected() {
        assertThatThrownBy(() -> GridLadder.build(new Spacing.Arithmetic(), new BigDecimal("100"), new BigDecimal("100.3"),
                10, TICK, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same price");
    }

    @Test
    void levelIndexIsRelativeToTheCentreLine() {
        GridLadder ladder = new GridLadder(List.of(new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("3"),
                new BigDecimal("4"), new BigDecimal("5")));
        assertThat(ladder.centreLine()).isEqualTo(2);
        assertThat(ladder.levelIndex(0)).isEqualTo(-2);
        assertThat(ladder.levelIndex(4)).isEqualTo(2);
        assertThat(ladder.countBelow(new BigDecimal("3"))).isEqualTo(2);
        assertThat(ladder.countBelow(new BigDecimal("3.5"))).isEqualTo(3);
        assertThat(ladder.lineAt(new BigDecimal("4.0"))).isEqualTo(3);
        assertThat(ladder.lineAt(new BigDecimal("4.5"))).isEqualTo(-1);
    }
}
