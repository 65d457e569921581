package io.gridbot.stats.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.Side;
import io.gridbot.core.risk.PositionLegs;
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
                new BigDecimal("2.632"))), PositionMode.ONE_WAY);

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
        CsvExport.writeFills(out, fills, PositionMode.ONE_WAY);

        int column = CsvExport.FILL_COLUMNS.indexOf("realized_pnl");
        BigDecimal sum = Arrays.stream(out.toString().split("\r\n")).skip(1)
                .map(line -> new BigDecimal(line.split(",", -1)[column])).reduce(BigDecimal.ZERO, BigDecimal::add);
        GridStatistics s = StatisticsCalculator.compute(new StatisticsInput("g", PositionMode.ONE_WAY, fills, List.of(),
                List.of(), List.of(), List.of(), List.of(), BigDecimal.ZERO), Period.ALL, 10);

        assertThat(sum).isEqualByComparingTo(s.realizedPnl());
        assertThat(s.realizedPnl()).isNotZero();
        assertThat(s.currentPosition()).isEqualByComparingTo("-0.010");
    }

    /**
     * Issue 16: a hedge grid's statistics row ends with its position mode and each leg's realized PnL, fills and
     * position, appended after the columns there were; its fills file has what each fill realized on its leg.
     */
    @Test
    void aHedgeGridsStatisticsRowEndsWithItsModeAndEachLegsFigures() throws Exception {
        List<Fill> fills = List.of(
                fill(1, "e1", ClientOrderId.Kind.ENTRY, Side.BUY, "100", "0.01", "0"),   // long leg
                fill(2, "e2", ClientOrderId.Kind.ENTRY, Side.SELL, "102", "0.01", "0"),  // short leg
                fill(3, "x1", ClientOrderId.Kind.EXIT, Side.SELL, "101", "0.01", "0.01")); // long exits: +0.01
        GridStatistics s = StatisticsCalculator.compute(new StatisticsInput("g", PositionMode.HEDGE, fills, List.of(),
                List.of(), List.of(), List.of(), List.of(), BigDecimal.ZERO), Period.ALL, 3);
        StringWriter stats = new StringWriter();
        CsvExport.writeStatistics(stats, List.of(s));
        StringWriter fillsOut = new StringWriter();
        CsvExport.writeFills(fillsOut, fills, PositionMode.HEDGE);

        String[] lines = stats.toString().split("\r\n");
        assertThat(CsvExport.STATISTICS_COLUMNS.subList(0, 23)).last().isEqualTo("position_per_level");
        assertThat(CsvExport.STATISTICS_COLUMNS.subList(23, CsvExport.STATISTICS_COLUMNS.size())).containsExactly(
                "position_mode", "long_realized_pnl", "long_fills", "long_position", "short_realized_pnl", "short_fills",
                "short_position");
        assertThat(lines[0]).isEqualTo(String.join(",", CsvExport.STATISTICS_COLUMNS));
        String[] row = lines[1].split(",", -1);
        assertThat(row).hasSameSizeAs(CsvExport.STATISTICS_COLUMNS.toArray());
        assertThat(row[CsvExport.STATISTICS_COLUMNS.indexOf("realized_pnl")]).isEqualTo("0.01");
        assertThat(row[CsvExport.STATISTICS_COLUMNS.indexOf("unrealized_pnl")]).as("-0.01 × (101 − 102)").isEqualTo("0.01");
        assertThat(Arrays.copyOfRange(row, 23, row.length))
                .containsExactly("HEDGE", "0.01", "2", "0.00", "0", "1", "-0.01");
        int realized = CsvExport.FILL_COLUMNS.indexOf("realized_pnl");
        assertThat(Arrays.stream(fillsOut.toString().split("\r\n")).skip(1).map(line -> line.split(",", -1)[realized]))
                .containsExactly("0", "0", "0.01");
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
                + "1970-01-01T00:00:02Z,56,6.16,\"price 26720.0 crossed the stop-loss line 26664, above the band\",,");
    }

    @Test
    void aHedgeGridsStopLossRowKeepsEachLegsPosition() throws Exception { // issue 16
        StringWriter out = new StringWriter();
        CsvExport.writeStopLosses(out, List.of(new StopLossReport("g", 1_000, new BigDecimal("23000"),
                new BigDecimal("23750"), "the venue-side protective stop fired at 23750", new BigDecimal("0.010"),
                new BigDecimal("23000"), 2_000, new BigDecimal("-10"), new BigDecimal("-0.2"),
                PositionLegs.hedge(new BigDecimal("0.020"), new BigDecimal("-0.010")))));

        assertThat(out.toString().split("\r\n")[1]).endsWith(",0.020,-0.010");
    }
}
