package io.gridbot.exchange.sim;

import java.math.BigDecimal;
import java.util.List;

/**
 * The simulated account and venue: fees, leverage, starting balance and the reconnect schedule.
 *
 * @param makerFeeRate      fee of a resting order's fill, as a fraction
 * @param takerFeeRate      fee of a fill that took liquidity
 * @param leverage          initial margin is notional / leverage
 * @param initialBalance    the starting wallet balance in the quote asset
 * @param quoteAsset        the margin asset, e.g. USDT
 * @param reconnectDelaysMs the delays between reconnect attempts after a stream drop (5, 10, 15 s)
 */
public record SimSettings(BigDecimal makerFeeRate, BigDecimal takerFeeRate, BigDecimal leverage,
        BigDecimal initialBalance, String quoteAsset, List<Long> reconnectDelaysMs) {

    public SimSettings {
        reconnectDelaysMs = List.copyOf(reconnectDelaysMs);
    }

    /** Binance's default fees (0.02 % maker, 0.05 % taker), 20× leverage, 10,000 USDT. */
    public static SimSettings defaults() {
        return new SimSettings(new BigDecimal("0.0002"), new BigDecimal("0.0005"), BigDecimal.valueOf(20),
                new BigDecimal("10000"), "USDT", List.of(5_000L, 10_000L, 15_000L));
    }

    public SimSettings withInitialBalance(BigDecimal balance) {
        return new SimSettings(makerFeeRate, takerFeeRate, leverage, balance, quoteAsset, reconnectDelaysMs);
    }
}
