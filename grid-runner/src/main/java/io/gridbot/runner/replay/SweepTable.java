package io.gridbot.runner.replay;

import io.gridbot.stats.metrics.GridStatistics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A sweep's results: one row a configuration, printed as a table (rounded to cents) or written as CSV (exact). */
final class SweepTable {

    private static final List<String> FIGURES = List.of("fills", "realized", "fees", "funding", "total_pnl",
            "max_drawdown", "liquidated");

    /**
     * One configuration's results.
     *
     * @param values      the varied fields' values
     * @param fills       fills over the replay
     * @param realized    realized PnL
     * @param fees        fees paid
     * @param funding     funding settled (positive: received)
     * @param totalPnl    realized + unrealized - fees + funding, marked at the last price
     * @param maxDrawdown the largest fall of equity from a peak
     * @param liquidated  whether the venue liquidated the account
     */
    record Row(Map<String, String> values, long fills, BigDecimal realized, BigDecimal fees, BigDecimal funding,
            BigDecimal totalPnl, BigDecimal maxDrawdown, boolean liquidated) {

        static Row of(Sweep.Configuration configuration, ReplaySession.Result result) {
            GridStatistics s = result.statistics();
            return new Row(configuration.values(), s.totalTrades(), s.realizedPnl(), s.fees(), s.funding(), s.totalPnl(),
                    s.maxDrawdown(), result.liquidation().isPresent());
        }

        List<String> cells(List<String> fields, boolean rounded) {
            List<String> cells = new ArrayList<>();
            fields.forEach(f -> cells.add(values.get(f)));
            cells.add(Long.toString(fills));
            for (BigDecimal d : List.of(realized, fees, funding, totalPnl, maxDrawdown)) {
                cells.add((rounded ? d.setScale(2, RoundingMode.HALF_EVEN) : d).toPlainString());
            }
            cells.add(liquidated ? "yes" : "no");
            return cells;
        }
    }

    private SweepTable() {
    }

    /** The table with aligned columns: the varied fields first, then the figures. */
    static void print(PrintWriter out, List<String> fields, List<Row> rows) {
        List<String> header = new ArrayList<>(fields);
        header.addAll(FIGURES);
        List<List<String>> lines = new ArrayList<>();
        lines.add(header);
        rows.forEach(r -> lines.add(r.cells(fields, true)));
        int[] widths = new int[header.size()];
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        for (List<String> line : lines) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                String cell = line.get(i);
                // words to the left, figures to the right
                b.append(i < fields.size() ? cell + " ".repeat(widths[i] - cell.length())
                        : " ".repeat(widths[i] - cell.length()) + cell).append(i + 1 < line.size() ? "  " : "");
            }
            out.println(b.toString().stripTrailing());
        }
    }

    /** The same as CSV with a header row and exact decimals. */
    static void writeCsv(Writer w, List<String> fields, List<Row> rows) throws IOException {
        List<String> header = new ArrayList<>(fields);
        header.addAll(FIGURES);
        w.write(String.join(",", header) + "\n");
        for (Row r : rows) {
            w.write(String.join(",", r.cells(fields, false).stream().map(SweepTable::csv).toList()) + "\n");
        }
    }

    private static String csv(String cell) {
        return cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
