package io.gridbot.core.machine;

import static io.gridbot.core.testing.Book.entries;
import static io.gridbot.core.testing.Book.prices;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Intent;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.Side;
import io.gridbot.core.testing.Configs;
import io.gridbot.core.testing.GridDriver;
import java.math.BigDecimal;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

/** FR-7: the sync of ideal and actual orders. */
class SyncTest {

    private final GridDriver grid = GridDriver.started(Configs.workedExample().build(), new BigDecimal("62000"));

    @Test
    void AC7_1_and_AC7_5_repeatedSyncsChangeNothing() {
        grid.clearRecorded();

        for (int i = 0; i < 10; i++) {
            grid.advance(1_000);
        }
        grid.price("62000.5").price("61999.9");

        assertThat(grid.recorded(GridCommand.PlaceOrder.class)).isEmpty();
        assertThat(grid.recorded(GridCommand.CancelOrder.class)).isEmpty();
    }

    @Test
    void AC7_4_eachOrderIdentityMapsToOneClientIdThatNamesItsLevel() {
        grid.price("62400");

        var places = grid.recorded(GridCommand.PlaceOrder.class).stream()
                .filter(p -> p.purpose() instanceof GridCommand.Purpose.Line).toList();
        assertThat(new HashSet<>(places.stream().map(p -> p.request().clientOrderId()).toList())).hasSize(places.size());
        for (GridCommand.PlaceOrder p : places) {
            ClientOrderId.Parsed id = ClientOrderId.parse(p.request().clientOrderId()).orElseThrow();
            GridCommand.Purpose.Line on = (GridCommand.Purpose.Line) p.purpose();
            assertThat(id.line()).isEqualTo(on.line());
            assertThat(id.kind()).isEqualTo(on.intent() == Intent.ENTRY ? ClientOrderId.Kind.ENTRY : ClientOrderId.Kind.EXIT);
            assertThat(id.side()).isEqualTo(p.request().side());
        }
    }

    @Test
    void AC7_6_aFailedCreateCoolsItsLevelDownFiveSeconds() {
        grid.price("62105.3");
        grid.venue.rejectNextCreates(ExchangeErrorKind.OTHER);

        grid.price("61842.1"); // the exit fills; the entry that returns at 62105.3 is rejected

        assertThat(prices(entries(grid, Side.SELL))).doesNotContain("62105.3");
        grid.advance(1_000).advance(1_000).advance(1_000).advance(1_000);
        assertThat(prices(entries(grid, Side.SELL))).doesNotContain("62105.3");
        grid.advance(1_000);
        assertThat(prices(entries(grid, Side.SELL))).contains("62105.3");
        assertThat(grid.recorded(GridCommand.RecordLog.class))
                .anySatisfy(l -> assertThat(l.entry().detail()).contains("cools down 5 s"));
    }

    @Test
    void AC12_2_aRejectedLevelDoesNotStopTheOthers() {
        GridDriver fresh = new GridDriver(GridMachine.create(Configs.workedExample().build()), new BigDecimal("62000"), 0);
        fresh.venue.rejectNextCreates(ExchangeErrorKind.PRECISION);
        fresh.send(new io.gridbot.core.event.GridEvent.ControlRequested(0,
                io.gridbot.core.event.GridEvent.Control.START));
        fresh.price("62000");

        assertThat(prices(entries(fresh, Side.SELL))).hasSize(11).doesNotContain("62105.3");
        fresh.advance(5_000);
        assertThat(prices(entries(fresh, Side.SELL))).hasSize(12).contains("62105.3");
    }

    @Test
    void everyOrderPriceIsALineAndEveryQuantityOnTheStep() {
        grid.price("62400").price("61000").price("63000");

        for (GridCommand.PlaceOrder p : grid.recorded(GridCommand.PlaceOrder.class)) {
            OrderRequest r = p.request();
            if (r.price() != null) {
                assertThat(grid.view().ladder().lineAt(r.price())).isNotNegative();
            }
            if (r.quantity() != null) {
                assertThat(grid.machine.config().rules().onStep(r.quantity())).isTrue();
            }
        }
    }
}
