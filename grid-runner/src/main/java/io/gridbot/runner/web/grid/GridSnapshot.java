package io.gridbot.runner.web.grid;

import java.util.List;

/**
 * Everything the grid page shows live, pushed every half second: state, price against the band and the
 * levels, open orders, position and PnL. Amounts are exact decimal strings.
 *
 * @param row            the grid list's figures
 * @param atMs           when this picture was taken
 * @param priceAtMs      when the row's last price was seen on the market (live or recorded by the hosting
 *                       daemon), or {@code null} when it is the last recorded price (a fill's, or a stored replay's
 *                       last mark)
 * @param lowerPrice     the band's bottom
 * @param upperPrice     the band's top
 * @param maxPosition    the position limit
 * @param fees           fees paid
 * @param streamUp       whether the venue's streams are connected (live grids only)
 * @param skippedEntries entries held back by the position limit (live grids only)
 * @param stopLossCount  stop-losses fired
 * @param levels         every line, lowest first
 * @param openOrders     orders the grid has working on the venue
 * @param stopLoss       the stop-loss lines around the band, or {@code null} before the grid has lines
 * @param baseAsset      what the grid buys and sells: the unit of quantities and positions
 * @param quoteAsset     what prices and money are counted in
 */
public record GridSnapshot(GridRow row, long atMs, Long priceAtMs, String lowerPrice, String upperPrice,
        String maxPosition, String fees, boolean streamUp, long skippedEntries, long stopLossCount, List<LevelRow> levels,
        List<OpenOrder> openOrders, StopLoss stopLoss, String baseAsset, String quoteAsset) {

    /**
     * The exact prices at which the grid stops: at or below {@code lower}, at or above {@code upper}.
     *
     * @param lower the stop-loss line below the band
     * @param upper the stop-loss line above the band
     */
    public record StopLoss(String lower, String upper) {
    }

    /**
     * One grid line.
     *
     * @param line     the line's number, from 0 at the lowest: the number the log, the open orders and the client
     *                 order ids use
     * @param price    the line's price
     * @param state    idle, entry working, position open or exit working
     * @param position the signed position the level holds
     */
    public record LevelRow(int line, String price, String state, String position) {
    }

    /**
     * One working order.
     *
     * @param clientOrderId its client id
     * @param side          buy or sell
     * @param intent        entry, exit or protective stop
     * @param price         its limit or stop price
     * @param qty           its quantity
     * @param filled        how much has filled
     * @param line          its grid line
     */
    public record OpenOrder(String clientOrderId, String side, String intent, String price, String qty, String filled,
            int line) {
    }
}
