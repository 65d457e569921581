package io.gridbot.core.order;

import java.math.BigDecimal;

/**
 * An order resting on the venue, as a snapshot reports it: what restart reconciliation maps back
 * to grid lines.
 *
 * @param clientOrderId   the id the order was created with
 * @param exchangeOrderId the venue's id
 * @param side            buy or sell
 * @param type            limit, market or stop
 * @param price           the limit price, {@code null} for stops
 * @param origQty         the original quantity, {@code null} for close-position stops
 * @param filledQty       how much has filled so far
 * @param reduceOnly      whether the order may only reduce the position
 * @param stopPrice       the trigger of a stop order, else {@code null}
 * @param positionSide    the leg the order belongs to: {@code BOTH} in one-way mode
 */
public record OpenOrder(
        String clientOrderId,
        String exchangeOrderId,
        Side side,
        OrderType type,
        BigDecimal price,
        BigDecimal origQty,
        BigDecimal filledQty,
        boolean reduceOnly,
        BigDecimal stopPrice,
        PositionSide positionSide) {

    public OpenOrder {
        positionSide = positionSide == null ? PositionSide.BOTH : positionSide;
    }

    /** An order of a one-way account. */
    public OpenOrder(String clientOrderId, String exchangeOrderId, Side side, OrderType type, BigDecimal price,
            BigDecimal origQty, BigDecimal filledQty, boolean reduceOnly, BigDecimal stopPrice) {
        this(clientOrderId, exchangeOrderId, side, type, price, origQty, filledQty, reduceOnly, stopPrice,
                PositionSide.BOTH);
    }
}
