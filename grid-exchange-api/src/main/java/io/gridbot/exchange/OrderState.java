package io.gridbot.exchange;

import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.Side;
import java.math.BigDecimal;

/**
 * One order as a query returns it (open or recently closed).
 *
 * @param clientOrderId   the order's client id
 * @param exchangeOrderId the venue's id
 * @param side            buy or sell
 * @param status          its status now
 * @param price           the limit price, {@code null} for market and stop orders
 * @param origQty         the ordered quantity, {@code null} for close-position stops
 * @param cumFilledQty    how much has filled
 * @param avgPrice        the average fill price, {@code null} before any fill
 * @param updateTimeMs    the venue's time of its last change
 */
public record OrderState(String clientOrderId, String exchangeOrderId, Side side, OrderStatus status, BigDecimal price,
        BigDecimal origQty, BigDecimal cumFilledQty, BigDecimal avgPrice, long updateTimeMs) {
}
