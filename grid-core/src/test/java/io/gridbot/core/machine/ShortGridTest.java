package io.gridbot.core.machine;

import static io.gridbot.core.testing.Book.entries;
import static io.gridbot.core.testing.Book.exits;
import static io.gridbot.core.testing.Book.prices;
import static io.gridbot.core.testing.Book.total;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.event.GridEvent;
import io.gridbot.core.level.Level;
import io.gridbot.core.level.LevelState;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.Side;
import io.gridbot.core.status.GridStatus;
import io.gridbot.core.testing.Configs;
import io.gridbot.core.testing.GridDriver;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** FR-2, on the spec's worked example: short, 60,000 to 65,000, 20 lines, 0.010 each, max 0.200. */
class ShortGridTest {

    private final GridDriver grid = GridDriver.started(Configs.workedExample().build(), new BigDecimal("62000"));

    @Test
    void AC2_1_sellEntriesRestOnEveryLineAboveThePrice() {
        assertThat(grid.view().status()).isEqualTo(GridStatus.RUNNING);
        var sells = entries(grid, Side.SELL);
        assertThat(sells).hasSize(12);
        assertThat(prices(sells)).startsWith("62105.3", "62368.4").endsWith("65000.0");
        assertThat(total(sells)).isEqualByComparingTo("0.120");
        assertThat(entries(grid, Side.BUY)).isEmpty();
    }

    @Test
    void AC2_2_aFilledEntryGetsAReduceOnlyBuyExitOneLineBelow() {
        grid.price("62105.3");

        assertThat(exits(grid, Side.BUY)).singleElement().satisfies(exit -> {
            assertThat(exit.price()).isEqualByComparingTo("61842.1");
            assertThat(exit.quantity()).isEqualByComparingTo("0.010");
            assertThat(exit.reduceOnly()).isTrue();
        });
        assertThat(grid.venue.position()).isEqualByComparingTo("-0.010");
        assertThat(level(8).state()).isEqualTo(LevelState.EXIT_WORKING);
    }

    @Test
    void anEntryThePriceHasPassedIsLeftToFillNotCancelled() {
        // The market stream reports 62,200 before the order stream reports the fill at 62,105.3 (FR-7).
        grid.clearRecorded().manual().send(new GridEvent.PriceTick(grid.now(), new BigDecimal("62200")));

        assertThat(grid.recorded(GridCommand.CancelOrder.class)).isEmpty();
        assertThat(grid.recorded(GridCommand.PlaceOrder.class))
                .as("nothing new on the line the price passed").noneMatch(p -> p.request().price().compareTo(
                        new BigDecimal("62105.3")) == 0);
    }

    @Test
    void AC2_3_whenTheExitFillsTheLevelIsIdleAndItsEntryReturns() {
        grid.price("62105.3").price("61842.1");

        assertThat(exits(grid, Side.BUY)).isEmpty();
        assertThat(grid.venue.position()).isEqualByComparingTo("0");
        assertThat(prices(entries(grid, Side.SELL))).startsWith("62105.3");
        assertThat(level(8).state()).isEqualTo(LevelState.ENTRY_WORKING);
        assertThat(level(8).orderSeq()).isEqualTo(3);
        assertThat(grid.recorded(GridCommand.RecordFill.class))
                .filteredOn(f -> f.fill().realizedPnl().signum() > 0).singleElement()
                .satisfies(f -> assertThat(f.fill().realizedPnl()).isEqualByComparingTo("2.632")); // 263.2 x 0.010
    }

    @Test
    void AC2_4_worstCasePositionStaysUnderTheLimit() {
        GridDriver tight = GridDriver.started(Configs.workedExample().maxPosition(new BigDecimal("0.030")).build(),
                new BigDecimal("62000"));

        assertThat(prices(entries(tight, Side.SELL))).containsExactly("62105.3", "62368.4", "62631.6");
        assertThat(tight.view().skippedEntries()).isEqualTo(9);
        tight.price("62105.3");
        assertThat(total(entries(tight, Side.SELL)).add(tight.venue.position().negate())).isEqualByComparingTo("0.030");
        assertThat(prices(entries(tight, Side.SELL))).containsExactly("62368.4", "62631.6");
    }

    @Test
    void AC9_6_entriesHeldBackByTheLimitAreLoggedOncePerPositionNotAtEverySwingOfThePrice() {
        GridDriver tight = GridDriver.started(Configs.workedExample().maxPosition(new BigDecimal("0.030")).build(),
                new BigDecimal("62000"));
        tight.price("62700").clearRecorded(); // three entries filled: at the limit
        for (int swing = 0; swing < 5; swing++) {
            tight.price("62650").price("62950");
        }

        assertThat(tight.recorded(GridCommand.RecordLog.class)).filteredOn(l -> l.entry().detail().contains("held back"))
                .hasSizeLessThanOrEqualTo(1);
        assertThat(tight.venue.position()).as("the swings filled nothing").isEqualByComparingTo("-0.030");
    }

    @Test
    void AC2_5_atTheLimitNoSellEntryIsPlacedButExitsAre() {
        GridDriver tight = GridDriver.started(Configs.workedExample().maxPosition(new BigDecimal("0.030")).build(),
                new BigDecimal("62000"));

        tight.price("62700");

        assertThat(tight.venue.position()).isEqualByComparingTo("-0.030");
        assertThat(entries(tight, Side.SELL)).isEmpty();
        assertThat(prices(exits(tight, Side.BUY))).containsExactly("61842.1", "62105.3", "62368.4");
    }

    @Test
    void AC2_6_entriesAreNotReduceOnlyAndExitsAre() {
        grid.price("62400");

        assertThat(entries(grid, Side.SELL)).allMatch(o -> !o.reduceOnly());
        assertThat(exits(grid, Side.BUY)).hasSize(2).allMatch(OrderRequest::reduceOnly);
    }

    @Test
    void theLowestLineNeverHoldsAShortEntryBecauseItHasNoExitLine() {
        GridDriver low = GridDriver.started(Configs.workedExample().build(), new BigDecimal("59900"));

        assertThat(prices(entries(low, Side.SELL))).doesNotContain("60000.0").hasSize(19);
    }

    private Level level(int line) {
        return grid.view().levels().get(line);
    }
}
