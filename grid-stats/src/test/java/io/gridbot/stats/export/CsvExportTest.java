package io.gridbot.stats.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.Side;
import io.gridbot.core.stoploss.StopLossReport;
import io.gridbot.stats.metrics.GridStatistics;
import io.gridbot.stats.metrics.Period;
import io.gridbot.stats.metrics.StatisticsCalculator;
import io.gridbot.stats.metrics.StatisticsInput;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvExportTest {

    private static Fill fill(long at, String id, ClientOrderId.Kind kind, Side side, String price, String qty,
            String linePnl) {
        return new Fill(at, id, "x" + id, "t" + id, kind, side, 7, new BigDecimal(price), new BigDecimal(qty),
                new BigDecimal("0.01"), "USDT", new BigDecimal(linePnl));
    }

    @Test
    void AC11_8_fillsAreWrittenWithAHeaderAndExactDecimals() throws Exception {
        StringWriter out = new StringWriter();
        CsvExport.writeFills(out, List.of(new Fill(0, "gb_x", "1", "t,1", ClientOrderId.Kind.EXIT, Side.BUY, 7,
                new BigDecimal("61842.1"), new BigDecimal("0.010"), new BigDecimal("0.12368420"), "USDT",
                new BigDecimal("2.632"))));

        String[] lines = out.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", CsvExport.FILL_COLUMNS));
        // alone in the ledger, the buy opens a position: it realizes nothing by average cost
        assertThat(lines[1]).isEqualTo(
                "0,1970-01-01T00:00:00Z,gb_x,1,\"t,1\",EXIT,BUY,7,61842.1,0.010,0.12368420,USDT,0,2.632");
    }

    /**
     * Issue 15: the stop-loss's close was booked with 0, so the column summed left it out. It now holds what each
     * fill realized by average cost, the statistics' own figure, and adds up to their realized PnL.
     */
    @Test
    void theRealizedPnlColumnSummedIsTheStatisticsRealizedPnlTheStopLossCloseIncluded() throws Exception {
        List<Fill> fills = List.of(
                fill(1, "e1", ClientOrderId.Kind.ENTRY, Side.SELL, "100", "0.010", "0"),
                fill(2, "e2", ClientOrderId.Kind.ENTRY, Side.SELL, "102", "0.010", "0"),
                fill(3, "x2", ClientOrderId.Kind.EXIT, Side.BUY, "99", "0.010", "0.03"),   // its line: 102 - 99
                fill(5, "c1", ClientOrderId.Kind.CLOSE, Side.BUY, "108.5", "0.005", "0"),
                fill(6, "s1", ClientOrderId.Kind.STOP, Side.BUY, "109", "0.005", "0"),
                fill(4, "e3", ClientOrderId.Kind.ENTRY, Side.SELL, "104", "0.010", "0")); // booked late, by time
        StringWriter out = new StringWriter();
        CsvExport.writeFills(out, fills);

        int column = CsvExport.FILL_COLUMNS.indexOf("realized_pnl");
        BigDecimal sum = Arrays.stream(out.toString().split("\r\n")).skip(1)
                .map(line -> new BigDecimal(line.split(",", -1)[column])).reduce(BigDecimal.ZERO, BigDecimal::add);
        GridStatistics s = StatisticsCalculator.compute(new StatisticsInput("g", fills, List.of(), List.of(), List.of(),
                List.of(), List.of(), BigDecimal.ZERO), Period.ALL, 10);

        assertThat(sum).isEqualByComparingTo(s.realizedPnl());
        assertThat(s.realizedPnl()).isNotZero();
        assertThat(s.currentPosition()).isEqualByComparingTo("-0.010");
    }

    @Test
    void stopLossReportsAreWrittenOneARow() throws Exception {
        StringWriter out = new StringWriter();
        CsvExport.writeStopLosses(out, List.of(new StopLossReport("g", 1_000, new BigDecimal("26720.0"),
                new BigDecimal("26664.0"), "price 26720.0 crossed the stop-loss line 26664, above the band",
                new BigDecimal("-0.110"), new BigDecimal("26720.0"), 2_000, new BigDecimal("56.0"),
                new BigDecimal("6.160"))));

        String[] lines = out.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", CsvExport.STOP_LOSS_COLUMNS));
        assertThat(lines[1]).isEqualTo("1000,1970-01-01T00:00:01Z,26720.0,26664.0,-0.110,26720,2000,"
                + "1970-01-01T00:00:02Z,56,6.16,\"price 26720.0 crossed the stop-loss line 26664, above the band\"");
    }
}
