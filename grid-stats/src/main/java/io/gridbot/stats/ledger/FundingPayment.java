package io.gridbot.stats.ledger;

import java.math.BigDecimal;

/**
 * A funding payment on the grid's position, in the quote asset: positive when received, negative when paid.
 *
 * @param atMs   the funding time
 * @param amount the signed amount
 */
public record FundingPayment(long atMs, BigDecimal amount) {
}
