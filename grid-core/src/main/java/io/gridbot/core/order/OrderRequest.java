package io.gridbot.core.order;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One order as sent to a venue, in venue-neutral terms. Limit orders carry a price; market orders do not;
 * a {@link OrderType#STOP_MARKET} protective stop carries a stop price and closes the whole position.
 *
 * @param clientOrderId the id the grid chose, unique among the venue's open orders
 * @param symbol        the venue symbol
 * @param side          buy or sell
 * @param type          limit, market or stop-market
 * @param timeInForce   for limit orders; {@code null} otherwise
 * @param price         the limit price; {@code null} for market and stop orders
 * @param quantity      the quantity; {@code null} for a close-position stop
 * @param stopPrice     the trigger of a stop order; {@code null} otherwise
 * @param reduceOnly    true when the order may only reduce the position (every exit and close)
 * @param closePosition true for a stop that closes whatever position exists when it fires
 * @param positionSide  {@code BOTH} in one-way mode, the leg in hedge mode
 * @param trigger       the price a stop order watches; {@code null} for other orders
 */
public record OrderRequest(
        String clientOrderId,
        String symbol,
        Side side,
        OrderType type,
        TimeInForce timeInForce,
        BigDecimal price,
        BigDecimal quantity,
        BigDecimal stopPrice,
        boolean reduceOnly,
        boolean closePosition,
        PositionSide positionSide,
        StopTrigger trigger) {

    public OrderRequest {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(positionSide, "positionSide");
        switch (type) {
            case LIMIT -> {
                Objects.requireNonNull(price, "price of a limit order");
                Objects.requireNonNull(quantity, "quantity of a limit order");
                Objects.requireNonNull(timeInForce, "timeInForce of a limit order");
            }
            case MARKET -> Objects.requireNonNull(quantity, "quantity of a market order");
            case STOP_MARKET -> {
                Objects.requireNonNull(stopPrice, "stopPrice of a stop order");
                Objects.requireNonNull(trigger, "trigger of a stop order");
            }
        }
    }

    /** A resting limit order. */
    public static OrderRequest limit(String clientOrderId, String symbol, Side side, BigDecimal price,
            BigDecimal quantity, TimeInForce tif, boolean reduceOnly, PositionSide positionSide) {
        return new OrderRequest(clientOrderId, symbol, side, OrderType.LIMIT, tif, price, quantity, null,
                reduceOnly, false, positionSide, null);
    }

    /**
     * A market order that closes an exact quantity: how a grid flattens its position. Reduce-only in one-way mode;
     * in hedge mode its position side names the leg it closes, and the venue refuses reduce-only there.
     */
    public static OrderRequest marketClose(String clientOrderId, String symbol, Side side, BigDecimal quantity,
            PositionSide positionSide) {
        return new OrderRequest(clientOrderId, symbol, side, OrderType.MARKET, null, null, quantity, null,
                positionSide == PositionSide.BOTH, false, positionSide, null);
    }

    /** A venue-side stop that closes the whole position when the {@code trigger} price reaches the stop price. */
    public static OrderRequest protectiveStop(String clientOrderId, String symbol, Side side, BigDecimal stopPrice,
            PositionSide positionSide, StopTrigger trigger) {
        return new OrderRequest(clientOrderId, symbol, side, OrderType.STOP_MARKET, null, null, null, stopPrice,
                false, true, positionSide, trigger);
    }
}
