package io.gridbot.runner.web.grid;

/**
 * One line of the grid list; amounts are exact decimal strings.
 *
 * @param name           the grid
 * @param exchange       the venue it trades on
 * @param symbol         its contract
 * @param mode           long, short or neutral
 * @param status         its lifecycle state
 * @param hostedHere     whether this process runs it (live price) or it is read from the database
 * @param lastPrice      the live price, or the last recorded price (a fill's or a stored mark's), or {@code null}
 * @param position       the signed position
 * @param realizedPnl    realized PnL, before fees
 * @param unrealizedPnl  the open position at the last price
 * @param totalPnl       realized − fees + funding + unrealized
 * @param trades         fills so far
 * @param workingEntries levels with an entry order working
 * @param workingExits   levels with an exit order working
 * @param lowerPrice     the band's bottom
 * @param upperPrice     the band's top
 * @param fees           fees paid so far
 * @param apr            the annualised return in percent, or {@code null}: it needs the capital the grid works
 *                       with, which no stored configuration records
 * @param runningSinceMs when the grid last entered running (a start or a resume), as its state was recorded;
 *                       {@code null} unless it is running
 * @param uptimeMs       how long it has been running since then, by the server's clock; {@code null} unless running
 */
public record GridRow(String name, String exchange, String symbol, String mode, String status, boolean hostedHere,
        String lastPrice, String position, String realizedPnl, String unrealizedPnl, String totalPnl, long trades,
        long workingEntries, long workingExits, String lowerPrice, String upperPrice, String fees, String apr,
        Long runningSinceMs, Long uptimeMs) {
}
