package io.gridbot.runner.web.grid;

/**
 * One line of the grid list; amounts are exact decimal strings.
 *
 * @param name          the grid
 * @param exchange      the venue it trades on
 * @param symbol        its contract
 * @param mode          long, short or neutral
 * @param status        its lifecycle state
 * @param hostedHere    whether this process runs it (live price) or it is read from the database
 * @param lastPrice     the live price, or the last recorded price (a fill's or a stored mark's), or {@code null}
 * @param position      the signed position
 * @param realizedPnl   realized PnL, before fees
 * @param unrealizedPnl the open position at the last price
 * @param totalPnl      realized − fees + funding + unrealized
 * @param trades        fills so far
 * @param workingEntries levels with an entry order working
 * @param workingExits  levels with an exit order working
 */
public record GridRow(String name, String exchange, String symbol, String mode, String status, boolean hostedHere,
        String lastPrice, String position, String realizedPnl, String unrealizedPnl, String totalPnl, long trades,
        long workingEntries, long workingExits) {
}
