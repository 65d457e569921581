package io.gridbot.runner.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.Side;
import io.gridbot.core.spacing.GridLadder;
import io.gridbot.exchange.TradeRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The soak's recomputation of realized PnL, on the line histories the soak reported (issue 14): the checker
 * must follow a line that keeps what it held when a second entry order fills, and one that a neutral grid
 * netted without a trade, and still catch a PnL booked wrong.
 */
class VenueTruthTest {

    private static final GridLadder LADDER = new GridLadder(IntStream.range(0, 60)
            .mapToObj(i -> new BigDecimal("25250").add(new BigDecimal("12.5").multiply(BigDecimal.valueOf(i)))).toList());

    private final List<TradeRecord> trades = new ArrayList<>();
    private final List<Fill> fills = new ArrayList<>();

    private void fill(String order, ClientOrderId.Kind kind, Side side, String qty, String price, String realized) {
        String trade = Integer.toString(trades.size() + 1);
        trades.add(new TradeRecord(order, "x" + order, trade, side, new BigDecimal(price), new BigDecimal(qty),
                BigDecimal.ZERO, "USDT", trades.size()));
        fills.add(new Fill(trades.size(), order, "x" + order, trade, kind, side, 40, new BigDecimal(price),
                new BigDecimal(qty), BigDecimal.ZERO, "USDT", new BigDecimal(realized)));
    }

    @Test
    void aShortLineThatBoughtTwiceKeepsWhatItHeldAtItsAverageCost() {
        fill("e0", ClientOrderId.Kind.ENTRY, Side.SELL, "3", "7.3", "0");
        fill("e1", ClientOrderId.Kind.ENTRY, Side.SELL, "3", "7.3", "0"); // a second entry while the line held 3
        fill("x1", ClientOrderId.Kind.EXIT, Side.BUY, "3", "7.29", "0.03");
        fill("e2", ClientOrderId.Kind.ENTRY, Side.SELL, "3", "7.306", "0");
        fill("x2", ClientOrderId.Kind.EXIT, Side.BUY, "3", "7.29", "0.039");
        fill("e3", ClientOrderId.Kind.ENTRY, Side.SELL, "1.5", "7.3", "0");
        fill("e3", ClientOrderId.Kind.ENTRY, Side.SELL, "1.5", "7.3", "0");
        fill("x3", ClientOrderId.Kind.EXIT, Side.BUY, "3", "7.29", "0.0345"); // as the 2-hour soak booked it
        assertThat(VenueTruth.realizedPnl(trades, fills, LADDER)).isEmpty();
    }

    @Test
    void aLineNettedWithoutATradeStartsAfreshAtItsNextEntry() {
        fill("e1", ClientOrderId.Kind.ENTRY, Side.BUY, "0.005", "25750", "0");
        // netted against a short leg in one-way mode: no trade closes it
        fill("e2", ClientOrderId.Kind.ENTRY, Side.BUY, "0.005", "25762.5", "0");
        fill("x2", ClientOrderId.Kind.EXIT, Side.SELL, "0.005", "25775", "0.0625");
        assertThat(VenueTruth.realizedPnl(trades, fills, LADDER)).isEmpty();
    }

    @Test
    void aPnlThatNoHoldingOfTheLineExplainsIsReportedWithTheLinesFills() {
        fill("e1", ClientOrderId.Kind.ENTRY, Side.BUY, "0.005", "25750", "0");
        fill("e2", ClientOrderId.Kind.ENTRY, Side.BUY, "0.005", "25762.5", "0");
        fill("x2", ClientOrderId.Kind.EXIT, Side.SELL, "0.005", "25775", "0.07");
        fill("e3", ClientOrderId.Kind.ENTRY, Side.BUY, "0.005", "25762.5", "0");
        fill("x3", ClientOrderId.Kind.EXIT, Side.SELL, "0.005", "25775", "0");
        assertThat(VenueTruth.realizedPnl(trades, fills, LADDER)).satisfiesExactly(
                d -> assertThat(d).startsWith("exit x2 trade 3 booked realized PnL 0.07, recomputed 0.09375")
                        .contains("ENTRY BUY 0.005 @ 25750 (e1)"),
                d -> assertThat(d).startsWith("exit x3 trade 5 booked realized PnL 0, recomputed"));
    }
}
