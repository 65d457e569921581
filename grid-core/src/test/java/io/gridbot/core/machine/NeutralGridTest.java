package io.gridbot.core.machine;

import static io.gridbot.core.testing.Book.entries;
import static io.gridbot.core.testing.Book.exits;
import static io.gridbot.core.testing.Book.prices;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridMode;
import io.gridbot.core.order.Side;
import io.gridbot.core.testing.Configs;
import io.gridbot.core.testing.GridDriver;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** FR-3 on a grid of lines 100, 101, … 110, size 1, max position 3. */
class NeutralGridTest {

    private final GridDriver grid = GridDriver.started(Configs.small(GridMode.NEUTRAL).build(), new BigDecimal("105.5"));

    @Test
    void AC3_1_sellsRestAboveThePriceAndBuysBelow() {
        assertThat(prices(entries(grid, Side.SELL))).containsExactly("106.0", "107.0", "108.0");
        assertThat(prices(entries(grid, Side.BUY))).containsExactly("103.0", "104.0", "105.0");
    }

    @Test
    void AC3_2_aFilledBuyIsExitedBySellOneLineAbove() {
        grid.price("105");

        assertThat(prices(exits(grid, Side.SELL))).containsExactly("106.0");
        assertThat(grid.venue.position()).isEqualByComparingTo("1");
    }

    @Test
    void AC3_3_aFilledSellIsExitedByABuyOneLineBelow() {
        grid.price("106");

        assertThat(prices(exits(grid, Side.BUY))).containsExactly("105.0");
        assertThat(grid.venue.position()).isEqualByComparingTo("-1");
    }

    @Test
    void AC3_4_eachDirectionIsLimitedWhileThePriceFalls() {
        grid.price("102.5");

        assertThat(grid.venue.position()).isEqualByComparingTo("3");
        assertThat(entries(grid, Side.BUY)).isEmpty();
        assertThat(prices(exits(grid, Side.SELL))).containsExactly("104.0", "105.0", "106.0");
    }

    @Test
    void AC3_5_atTheShortLimitNoNewSellIsPlaced() {
        grid.price("108.5");

        assertThat(grid.venue.position()).isEqualByComparingTo("-3");
        assertThat(entries(grid, Side.SELL)).isEmpty();
        assertThat(prices(exits(grid, Side.BUY))).containsExactly("105.0", "106.0", "107.0");
    }

    @Test
    void sellEntriesWaitAboveTheHighestLongExitInOneWayMode() {
        GridDriver wide = GridDriver.started(Configs.small(GridMode.NEUTRAL).maxPosition(new BigDecimal("10")).build(),
                new BigDecimal("105.5"));
        wide.price("105");
        wide.price("105.5");

        // Line 106 carries the long's reduce-only exit; a sell entry there would share the one-way position.
        assertThat(prices(exits(wide, Side.SELL))).containsExactly("106.0");
        assertThat(prices(entries(wide, Side.SELL))).doesNotContain("106.0");
    }
}
