package io.gridbot.core.machine;

import static io.gridbot.core.testing.Book.entries;
import static io.gridbot.core.testing.Book.exits;
import static io.gridbot.core.testing.Book.prices;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridMode;
import io.gridbot.core.level.LevelState;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.Side;
import io.gridbot.core.testing.Configs;
import io.gridbot.core.testing.GridDriver;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** FR-4 on a grid of lines 100, 101, … 110, size 1, max position 3. */
class LongGridTest {

    private final GridDriver grid = GridDriver.started(Configs.small(GridMode.LONG).build(), new BigDecimal("105.5"));

    @Test
    void AC4_1_buyEntriesRestBelowThePriceNearestFirst() {
        assertThat(prices(entries(grid, Side.BUY))).containsExactly("103.0", "104.0", "105.0");
        assertThat(entries(grid, Side.SELL)).isEmpty();
    }

    @Test
    void AC4_2_aFilledBuyGetsAReduceOnlySellOneLineAbove() {
        grid.price("105");

        assertThat(exits(grid, Side.SELL)).singleElement().satisfies(exit -> {
            assertThat(exit.price()).isEqualByComparingTo("106");
            assertThat(exit.reduceOnly()).isTrue();
        });
    }

    @Test
    void AC4_3_whenTheExitFillsTheLevelIsIdleAndBuysAgain() {
        grid.price("105").price("106").price("105.5");

        assertThat(grid.venue.position()).isEqualByComparingTo("0");
        assertThat(grid.view().levels().get(5).state()).isEqualTo(LevelState.ENTRY_WORKING);
        assertThat(prices(entries(grid, Side.BUY))).contains("105.0");
    }

    @Test
    void AC4_4_and_AC4_5_atTheLongLimitOnlyExitsRest() {
        grid.price("102.5");

        assertThat(grid.venue.position()).isEqualByComparingTo("3");
        assertThat(entries(grid, Side.BUY)).isEmpty();
        assertThat(prices(exits(grid, Side.SELL))).containsExactly("104.0", "105.0", "106.0");
    }

    @Test
    void AC4_6_entriesAreNotReduceOnlyAndExitsAre() {
        grid.price("104.5");

        assertThat(entries(grid, Side.BUY)).noneMatch(OrderRequest::reduceOnly);
        assertThat(exits(grid, Side.SELL)).isNotEmpty().allMatch(OrderRequest::reduceOnly);
    }

    @Test
    void theHighestLineNeverHoldsALongEntry() {
        GridDriver high = GridDriver.started(Configs.small(GridMode.LONG).maxPosition(new BigDecimal("20")).build(),
                new BigDecimal("110.5"));

        assertThat(prices(entries(high, Side.BUY))).hasSize(10).doesNotContain("110.0");
    }
}
