package io.gridbot.exchange.binance.wire;

import java.math.BigDecimal;

/** One entry of {@code GET /fapi/v2/balance}. */
public record BalanceWire(String asset, BigDecimal balance, BigDecimal crossWalletBalance, BigDecimal availableBalance,
        long updateTime) {
}
