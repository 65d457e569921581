package io.gridbot.exchange.sim;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The simulated account and venue: fees, leverage, starting balance, the reconnect schedule and the fill model.
 *
 * @param makerFeeRate      fee of a resting order's fill, as a fraction
 * @param takerFeeRate      fee of a fill that took liquidity
 * @param leverage          initial margin is notional / leverage
 * @param initialBalance    the starting wallet balance in the quote asset
 * @param quoteAsset        the margin asset, e.g. USDT
 * @param reconnectDelaysMs the delays between reconnect attempts after a stream drop (5, 10, 15 s)
 * @param fillModel         when a trade fills a resting limit order (see {@link FillModel})
 */
public record SimSettings(BigDecimal makerFeeRate, BigDecimal takerFeeRate, BigDecimal leverage,
        BigDecimal initialBalance, String quoteAsset, List<Long> reconnectDelaysMs, FillModel fillModel) {

    public SimSettings {
        reconnectDelaysMs = List.copyOf(reconnectDelaysMs);
        Objects.requireNonNull(fillModel, "fillModel");
    }

    /** Binance's default fees (0.02 % maker, 0.05 % taker), 20× leverage, 10,000 USDT, the {@code through} fill model. */
    public static SimSettings defaults() {
        return new SimSettings(new BigDecimal("0.0002"), new BigDecimal("0.0005"), BigDecimal.valueOf(20),
                new BigDecimal("10000"), "USDT", List.of(5_000L, 10_000L, 15_000L), FillModel.THROUGH);
    }

    public SimSettings withInitialBalance(BigDecimal balance) {
        return new SimSettings(makerFeeRate, takerFeeRate, leverage, balance, quoteAsset, reconnectDelaysMs, fillModel);
    }

    public SimSettings withFillModel(FillModel model) {
        return new SimSettings(makerFeeRate, takerFeeRate, leverage, initialBalance, quoteAsset, reconnectDelaysMs, model);
    }
}
