package io.gridbot.exchange.binance.wire;

import io.gridbot.exchange.Balance;
import java.math.BigDecimal;

/** One entry of {@code GET /fapi/v2/balance}. */
public record BalanceWire(String asset, BigDecimal balance, BigDecimal crossWalletBalance, BigDecimal availableBalance,
        long updateTime) {

    public Balance toBalance() {
        return new Balance(asset, OrderWire.zeroIfNull(balance), OrderWire.zeroIfNull(availableBalance));
    }
}
