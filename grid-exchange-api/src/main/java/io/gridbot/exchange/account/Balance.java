package io.gridbot.exchange.account;

import java.math.BigDecimal;

/**
 * A margin asset's balance.
 *
 * @param asset     e.g. USDT
 * @param wallet    the wallet balance (deposits plus realized PnL, fees and funding)
 * @param available what new orders may still use
 */
public record Balance(String asset, BigDecimal wallet, BigDecimal available) {
}
