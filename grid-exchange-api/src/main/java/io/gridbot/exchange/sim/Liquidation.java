package io.gridbot.exchange.sim;

import io.gridbot.core.order.Side;
import java.math.BigDecimal;

/**
 * A forced liquidation the simulated venue carried out: the account's equity fell below its maintenance
 * margin, so the venue cancelled the account's orders on the symbol and closed the position at market with
 * the liquidation fee. The venue tells it as Binance does, on the streams every client hears: the order
 * update of a market order whose client id starts with {@value #CLIENT_ID_PREFIX}, then the account update;
 * this record is what a host that runs the venue (a replay) is told besides, first.
 *
 * @param symbol            the symbol whose position was closed
 * @param atMs              the venue's time
 * @param side              the side of the closing order (SELL closes a long)
 * @param qty               the quantity closed
 * @param price             the price it was closed at: the trade that breached the margin
 * @param fee               the liquidation fee charged
 * @param equity            the account's equity (wallet plus unrealized PnL) at that trade, before the close
 * @param maintenanceMargin the maintenance margin the equity fell below
 * @param liquidationPrice  the price at which equity met the maintenance margin, as the formula tells it;
 *                          {@code null} in hedge mode, where the simulator does not solve it for two legs
 * @param clientOrderId     the liquidation order's client id
 * @param exchangeOrderId   the liquidation order's venue id
 * @param tradeId           the execution's trade id in the venue's history
 */
public record Liquidation(String symbol, long atMs, Side side, BigDecimal qty, BigDecimal price, BigDecimal fee,
        BigDecimal equity, BigDecimal maintenanceMargin, BigDecimal liquidationPrice, String clientOrderId,
        String exchangeOrderId, String tradeId) {

    /** How the client ids of the venue's liquidation orders begin, as on Binance. */
    public static final String CLIENT_ID_PREFIX = "autoclose-";

    /** Whether a client order id is one of a venue's liquidation orders. */
    public static boolean isLiquidationOrder(String clientOrderId) {
        return clientOrderId != null && clientOrderId.startsWith(CLIENT_ID_PREFIX);
    }
}
