package io.gridbot.stats.ledger;

import io.gridbot.core.order.Intent;
import java.math.BigDecimal;

/**
 * One grid order's life as the ledger keeps it: what the fill rate, cancels and time-to-fill are computed from.
 *
 * @param clientOrderId the order's client id
 * @param intent        entry or exit
 * @param line          the grid line
 * @param qty           the order quantity
 * @param placedAtMs    when it was placed
 * @param filledQty     how much filled in all
 * @param filledAtMs    when it filled completely, or {@code null}
 * @param canceledAtMs  when it was cancelled or otherwise ended unfilled, or {@code null}
 */
public record OrderRecord(String clientOrderId, Intent intent, int line, BigDecimal qty, long placedAtMs,
        BigDecimal filledQty, Long filledAtMs, Long canceledAtMs) {
}
