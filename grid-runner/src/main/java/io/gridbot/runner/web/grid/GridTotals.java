package io.gridbot.runner.web.grid;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * The grid list's totals row: every grid's figures summed exactly, as decimal strings, so the page shows a sum
 * it did not compute.
 *
 * @param grids         how many grids
 * @param realizedPnl   realized PnL, before fees
 * @param unrealizedPnl the open positions at their last prices
 * @param totalPnl      total PnL after fees and funding
 * @param fees          fees paid
 * @param trades        fills
 */
public record GridTotals(int grids, String realizedPnl, String unrealizedPnl, String totalPnl, String fees,
        long trades) {

    /** The sums of these rows; the rows' strings are exact decimals, so the sums are too. */
    public static GridTotals of(List<GridRow> rows) {
        return new GridTotals(rows.size(), sum(rows, GridRow::realizedPnl), sum(rows, GridRow::unrealizedPnl),
                sum(rows, GridRow::totalPnl), sum(rows, GridRow::fees), rows.stream().mapToLong(GridRow::trades).sum());
    }

    private static String sum(List<GridRow> rows, Function<GridRow, String> amount) {
        BigDecimal total = BigDecimal.ZERO;
        for (GridRow row : rows) {
            String value = amount.apply(row);
            if (value != null) {
                total = total.add(new BigDecimal(value));
            }
        }
        return Decimals.text(total);
    }
}
