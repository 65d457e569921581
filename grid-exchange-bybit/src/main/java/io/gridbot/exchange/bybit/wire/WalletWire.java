package io.gridbot.exchange.bybit.wire;

import java.math.BigDecimal;
import java.util.List;

/** One account of {@code GET /v5/account/wallet-balance?accountType=UNIFIED} or the {@code wallet} topic. */
public record WalletWire(String accountType, List<Coin> coin) {

    public WalletWire {
        coin = coin == null ? List.of() : List.copyOf(coin);
    }

    /** One coin of the account. */
    public record Coin(String coin, BigDecimal walletBalance, BigDecimal equity, BigDecimal totalPositionIM,
            BigDecimal totalOrderIM, BigDecimal locked) {
    }
}
