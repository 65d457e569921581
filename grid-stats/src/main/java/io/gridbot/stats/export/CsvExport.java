package io.gridbot.stats.export;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.order.Fill;
import io.gridbot.core.stoploss.StopLossReport;
import io.gridbot.stats.ledger.EquityLedger;
import io.gridbot.stats.ledger.OrderRecord;
import io.gridbot.stats.metrics.GridStatistics;
import io.gridbot.stats.metrics.LegStatistics;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CSV export of fills, orders, stop-losses and statistics: RFC 4180, a header row, booked decimals in
 * plain notation exactly as booked (derived statistics to eight decimals), times both as epoch milliseconds and
 * as ISO-8601 UTC. The column sets are
 * listed in {@code docs/statistics.md} and never reordered; new columns are only appended.
 */
public final class CsvExport {

    /** Columns of the fills file. */
    public static final List<String> FILL_COLUMNS = List.of("time_ms", "time_utc", "client_order_id",
            "exchange_order_id", "trade_id", "kind", "side", "line", "price", "qty", "fee", "fee_asset", "realized_pnl",
            "line_pnl");
    /** Columns of the orders file. */
    public static final List<String> ORDER_COLUMNS = List.of("client_order_id", "intent", "line", "qty",
            "placed_ms", "placed_utc", "filled_qty", "filled_ms", "canceled_ms");
    /** Columns of the stop-loss file. */
    public static final List<String> STOP_LOSS_COLUMNS = List.of("triggered_ms", "triggered_utc", "trigger_price",
            "stop_line", "position", "close_price", "closed_ms", "closed_utc", "slippage", "slippage_cost", "reason", "long_leg",
            "short_leg");
    /** Columns of the statistics file. */
    public static final List<String> STATISTICS_COLUMNS = List.of("grid", "period", "from_utc", "to_utc",
            "total_trades", "filled_entries", "filled_exits", "canceled_orders", "realized_pnl", "fees", "funding",
            "unrealized_pnl", "total_pnl", "yield_pct_per_day", "max_drawdown", "max_drawdown_pct", "max_position",
            "avg_position", "current_position", "stop_loss_count", "fill_rate", "avg_time_to_fill_ms",
            "position_per_level", "position_mode", "long_realized_pnl", "long_fills", "long_position",
            "short_realized_pnl", "short_fills", "short_position");

    private CsvExport() {
    }

    /**
     * The fills of a grid on an account in {@code mode}. {@code realized_pnl} is what each realized by average
     * cost, as the statistics book it (on the net position in one-way mode, on the fill's leg in hedge mode), so
     * the column adds up to their realized PnL, a stop-loss's close included; {@code line_pnl} is the grid's own
     * figure, an exit's profit against its line's entry.
     */
    public static void writeFills(Writer out, List<Fill> fills, PositionMode mode) throws IOException {
        row(out, FILL_COLUMNS);
        List<BigDecimal> realized = EquityLedger.realizedByFill(fills, mode);
        for (int i = 0; i < fills.size(); i++) {
            Fill f = fills.get(i);
            row(out, List.of(Long.toString(f.atMs()), utc(f.atMs()), text(f.clientOrderId()), text(f.exchangeOrderId()),
                    text(f.tradeId()), f.kind().name(), f.side().name(), Integer.toString(f.line()), plain(f.price()),
                    plain(f.qty()), plain(f.fee()), text(f.feeAsset()), plain(realized.get(i)), plain(f.realizedPnl())));
        }
        out.flush();
    }

    /**
     * The stop-loss reports: when and where each fired, the position it closed, at what price and slippage; a hedge
     * grid's also each leg's position (empty for a one-way grid, whose position is its net).
     */
    public static void writeStopLosses(Writer out, List<StopLossReport> reports) throws IOException {
        row(out, STOP_LOSS_COLUMNS);
        for (StopLossReport r : reports) {
            row(out, List.of(Long.toString(r.triggeredAtMs()), utc(r.triggeredAtMs()), plain(r.triggerPrice()),
                    plain(r.stopLine()), plain(r.position()), computed(r.closePrice()), Long.toString(r.closedAtMs()),
                    utc(r.closedAtMs()), computed(r.slippage()), computed(r.slippageCost()), text(r.reason()),
                    r.legs().heldOnLegs() ? plain(r.legs().longLeg()) : "",
                    r.legs().heldOnLegs() ? plain(r.legs().shortLeg()) : ""));
        }
        out.flush();
    }

    public static void writeOrders(Writer out, List<OrderRecord> orders) throws IOException {
        row(out, ORDER_COLUMNS);
        for (OrderRecord o : orders) {
            row(out, List.of(o.clientOrderId(), o.intent().name(), Integer.toString(o.line()), plain(o.qty()),
                    Long.toString(o.placedAtMs()), utc(o.placedAtMs()), plain(o.filledQty()), number(o.filledAtMs()),
                    number(o.canceledAtMs())));
        }
        out.flush();
    }

    /**
     * Statistics rows, one a period. Each row ends with the position mode its realized PnL was booked in and the
     * long and the short leg's realized PnL, fills and position: in hedge mode the legs' realized PnL adds up to
     * the row's.
     */
    public static void writeStatistics(Writer out, List<GridStatistics> report) throws IOException {
        row(out, STATISTICS_COLUMNS);
        for (GridStatistics s : report) {
            List<String> cells = new ArrayList<>(List.of(s.grid(), s.period().name(), utc(s.fromMs()), utc(s.toMs()),
                    Long.toString(s.totalTrades()), Long.toString(s.filledEntries()), Long.toString(s.filledExits()),
                    Long.toString(s.canceledOrders()), computed(s.realizedPnl()), computed(s.fees()),
                    computed(s.funding()), computed(s.unrealizedPnl()), computed(s.totalPnl()),
                    computed(s.yieldPctPerDay()), computed(s.maxDrawdown()), computed(s.maxDrawdownPct()),
                    plain(s.maxPosition()), computed(s.avgPosition()), plain(s.currentPosition()),
                    Long.toString(s.stopLossCount()), plain(s.fillRate()), number(s.avgTimeToFillMs()),
                    levels(s.positionPerLevel()), s.positionMode().name()));
            for (LegStatistics leg : List.of(s.longLeg(), s.shortLeg())) {
                cells.addAll(List.of(computed(leg.realizedPnl()), Long.toString(leg.fills()), plain(leg.position())));
            }
            row(out, cells);
        }
        out.flush();
    }

    private static String levels(Map<Integer, BigDecimal> perLevel) {
        return perLevel.entrySet().stream().filter(e -> e.getValue().signum() != 0)
                .map(e -> e.getKey() + ":" + e.getValue().toPlainString()).collect(Collectors.joining(" "));
    }

    private static void row(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells.get(i)));
        }
        out.write("\r\n");
    }

    private static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /** A derived figure (an average price went into it): eight decimals, trailing zeros dropped. */
    private static String computed(BigDecimal value) {
        return value == null ? "" : value.setScale(8, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String number(Long value) {
        return value == null ? "" : Long.toString(value);
    }

    private static String utc(long ms) {
        return ms == Long.MIN_VALUE ? "" : Instant.ofEpochMilli(ms).toString();
    }
}
