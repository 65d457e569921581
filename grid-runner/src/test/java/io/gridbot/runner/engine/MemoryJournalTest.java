package io.gridbot.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.command.GridCommand.RecordOrderChange;
import io.gridbot.core.order.Intent;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.core.order.TimeInForce;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Issue 12: the memory journal stores the core's facts and keeps the order records by the fact's one rule. */
class MemoryJournalTest {

    private final MemoryJournal journal = new MemoryJournal();
    private final OrderRequest entry = OrderRequest.limit("gb_x_ES_8_1", "BTCUSDT", Side.SELL, new BigDecimal("62105.3"),
            new BigDecimal("0.010"), TimeInForce.GTC, false, PositionSide.BOTH);

    private void change(OrderStatus status, String filled, long atMs) {
        journal.orderChanged("g", new RecordOrderChange(entry.clientOrderId(), "77", status, new BigDecimal(filled), atMs));
    }

    @Test
    void aFinalRecordStaysFinalAndTheFilledQuantityNeverGoesBack() {
        journal.orderPlaced("g", new GridCommand.PlaceOrder(entry, new GridCommand.Purpose.Line(Intent.ENTRY, 8)), 10);
        change(OrderStatus.PARTIALLY_FILLED, "0.004", 15);
        change(OrderStatus.NEW, "0", 16); // a late ack
        assertThat(journal.orders()).singleElement().satisfies(o -> {
            assertThat(o.filledQty()).isEqualByComparingTo("0.004");
            assertThat(o.filledAtMs()).isNull();
        });
        change(OrderStatus.CANCELED, "0.002", 17); // reports less filled than recorded: dropped whole
        change(OrderStatus.FILLED, "0.010", 20);
        change(OrderStatus.CANCELED, "0.010", 21);
        assertThat(journal.orders()).singleElement().satisfies(o -> {
            assertThat(o.intent()).isEqualTo(Intent.ENTRY);
            assertThat(o.line()).isEqualTo(8);
            assertThat(o.placedAtMs()).isEqualTo(10);
            assertThat(o.filledQty()).isEqualByComparingTo("0.010");
            assertThat(o.filledAtMs()).isEqualTo(20);
            assertThat(o.canceledAtMs()).isNull();
        });
    }

    @Test
    void theStopAndClosesAreNoLineOrdersAndKeepNoRecord() {
        journal.orderPlaced("g", new GridCommand.PlaceOrder(OrderRequest.protectiveStop("gb_x_SB_0_2", "BTCUSDT",
                Side.BUY, new BigDecimal("63000"), PositionSide.BOTH, StopTrigger.LAST),
                new GridCommand.Purpose.ProtectiveStop()), 10);
        journal.orderPlaced("g", new GridCommand.PlaceOrder(OrderRequest.marketClose("gb_x_CB_0_3", "BTCUSDT", Side.BUY,
                new BigDecimal("0.010"), PositionSide.BOTH), new GridCommand.Purpose.Close()), 11);
        assertThat(journal.orders()).isEmpty();
    }
}
