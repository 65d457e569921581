package io.gridbot.exchange;

import io.gridbot.core.order.OrderStatus;
import java.math.BigDecimal;

/**
 * The venue's immediate answer to an accepted create. Fills arrive on the order stream as well; the ack is
 * not a substitute for it.
 *
 * @param clientOrderId   the order's client id
 * @param exchangeOrderId the venue's id
 * @param status          the status right after the create (NEW, or FILLED for an order that took at once)
 * @param cumFilledQty    how much filled at once
 */
public record OrderAck(String clientOrderId, String exchangeOrderId, OrderStatus status, BigDecimal cumFilledQty) {
}
