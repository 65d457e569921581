package io.gridbot.exchange.stream;

import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import java.math.BigDecimal;

/**
 * An order changed (Binance's ORDER_TRADE_UPDATE, in venue-neutral terms).
 *
 * @param symbol          the symbol
 * @param clientOrderId   the order's client id
 * @param exchangeOrderId the venue's id
 * @param side            buy or sell
 * @param type            limit, market or stop
 * @param status          its status after this change
 * @param price           the limit price, {@code null} otherwise
 * @param origQty         the ordered quantity, {@code null} for close-position stops
 * @param cumFilledQty    total filled so far
 * @param lastFillQty     the quantity of the execution this event reports, zero if none
 * @param lastFillPrice   its price, {@code null} if none
 * @param fee             its fee, zero if none
 * @param feeAsset        the fee's asset, {@code null} if none
 * @param tradeId         the venue's trade id, {@code null} if none
 * @param reduceOnly      whether the order is reduce-only
 * @param atMs            the venue's event time
 * @param positionSide    the position leg the order trades: {@code BOTH} in one-way mode, {@code LONG} or
 *                        {@code SHORT} in hedge mode
 */
public record OrderEvent(String symbol, String clientOrderId, String exchangeOrderId, Side side, OrderType type,
        OrderStatus status, BigDecimal price, BigDecimal origQty, BigDecimal cumFilledQty, BigDecimal lastFillQty,
        BigDecimal lastFillPrice, BigDecimal fee, String feeAsset, String tradeId, boolean reduceOnly, long atMs,
        PositionSide positionSide) {

    public OrderEvent {
        java.util.Objects.requireNonNull(positionSide, "positionSide");
    }
}
