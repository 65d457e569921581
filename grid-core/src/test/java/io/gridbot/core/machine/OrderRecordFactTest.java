package io.gridbot.core.machine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.command.GridCommand.RecordOrderChange;
import io.gridbot.core.event.GridEvent;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.Side;
import io.gridbot.core.testing.Configs;
import io.gridbot.core.testing.GridDriver;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: the order records come out of the core as facts. Every update of one of the grid's orders that says
 * its status and filled quantity gives a {@link RecordOrderChange}, first among the update's commands, whatever
 * the core then does with it; the rule "a final state stays final, the filled quantity never goes back" is the
 * fact's.
 */
class OrderRecordFactTest {

    private final GridDriver grid = GridDriver.started(Configs.workedExample().build(), new BigDecimal("62000"));

    private GridCommand.PlaceOrder lineOrder() {
        return grid.recorded(GridCommand.PlaceOrder.class).stream()
                .filter(p -> p.purpose() instanceof GridCommand.Purpose.Line).findFirst().orElseThrow();
    }

    private static GridEvent.OrderUpdate update(long atMs, String id, OrderStatus status, String cum, String last,
            String tradeId) {
        BigDecimal lastQty = last == null ? null : new BigDecimal(last);
        return new GridEvent.OrderUpdate(atMs, id, "77", status, cum == null ? null : new BigDecimal(cum), lastQty,
                lastQty == null || lastQty.signum() == 0 ? null : new BigDecimal("62105.3"), BigDecimal.ZERO, "USDT",
                tradeId);
    }

    private static void assertFactFirst(List<GridCommand> out, GridEvent.OrderUpdate u) {
        assertThat(out).isNotEmpty();
        assertThat(out.get(0)).isEqualTo(new RecordOrderChange(u.clientOrderId(), u.exchangeOrderId(), u.status(),
                u.cumFilledQty(), u.atMs()));
        assertThat(out.subList(1, out.size())).noneMatch(RecordOrderChange.class::isInstance);
    }

    @Test
    void aCreateAcknowledgementAFillAndALateAcknowledgementEachComeOutAsTheFirstCommand() {
        grid.manual();
        String id = lineOrder().request().clientOrderId();
        String qty = lineOrder().request().quantity().toPlainString();
        long t = grid.now();

        var ack = update(t + 1, id, OrderStatus.NEW, "0", "0", null);
        assertFactFirst(grid.deliver(ack), ack);

        var partial = update(t + 2, id, OrderStatus.PARTIALLY_FILLED, "0.004", "0.004", "t1");
        List<GridCommand> out = grid.deliver(partial);
        assertFactFirst(out, partial);
        assertThat(out).anyMatch(GridCommand.RecordFill.class::isInstance);

        var filled = update(t + 3, id, OrderStatus.FILLED, qty, new BigDecimal(qty).subtract(new BigDecimal("0.004"))
                .toPlainString(), "t2");
        out = grid.deliver(filled);
        assertFactFirst(out, filled);
        assertThat(out).anyMatch(c -> c instanceof GridCommand.PlaceOrder p && !p.equals(lineOrder()));

        var late = update(t + 4, id, OrderStatus.NEW, "0", "0", null); // a late ack of an order already settled
        assertFactFirst(grid.deliver(late), late);
    }

    @Test
    void aQueryAnswerComesOutAsTheFirstCommand() {
        grid.manual();
        String id = lineOrder().request().clientOrderId();
        var answer = new GridEvent.OrderUpdate(grid.now() + 1, id, "77", OrderStatus.CANCELED, BigDecimal.ZERO,
                BigDecimal.ZERO, null, BigDecimal.ZERO, null, null);
        assertFactFirst(grid.deliver(answer), answer);
    }

    @Test
    void anUpdateOfAnOrderOfThisGridThatNothingTracksComesOutToo() {
        String id = ClientOrderId.of(grid.machine.tag(), ClientOrderId.Kind.ENTRY, Side.BUY, 3, 999);
        var stray = update(grid.now() + 1, id, OrderStatus.CANCELED, "0", "0", null);
        assertFactFirst(grid.deliver(stray), stray);
    }

    @Test
    void noFactForAnotherGridsOrderNorForAnUpdateThatDoesNotSayHowMuchFilled() {
        String theirs = ClientOrderId.of(ClientOrderId.tagOf("another"), ClientOrderId.Kind.ENTRY, Side.BUY, 3, 1);
        assertThat(grid.deliver(update(grid.now() + 1, theirs, OrderStatus.NEW, "0", "0", null)))
                .noneMatch(RecordOrderChange.class::isInstance);

        grid.manual();
        String id = lineOrder().request().clientOrderId();
        assertThat(grid.deliver(update(grid.now() + 2, id, OrderStatus.NEW, null, null, null)))
                .noneMatch(RecordOrderChange.class::isInstance);
    }

    @Test
    void aFinalRecordStaysFinalAndTheFilledQuantityNeverGoesBack() {
        var partial = new RecordOrderChange("x", "77", OrderStatus.PARTIALLY_FILLED, new BigDecimal("0.004"), 15);
        assertThat(partial.advances(false, BigDecimal.ZERO)).isTrue();
        assertThat(partial.advances(false, null)).isTrue();
        assertThat(partial.advances(false, new BigDecimal("0.004"))).isTrue();
        assertThat(partial.advances(false, new BigDecimal("0.005"))).isFalse();
        assertThat(partial.advances(true, BigDecimal.ZERO)).isFalse();
        var lateAck = new RecordOrderChange("x", "77", OrderStatus.NEW, BigDecimal.ZERO, 16);
        assertThat(lateAck.advances(false, new BigDecimal("0.004"))).isFalse();
    }
}
