package io.gridbot.exchange.sim;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The simulated account and venue: fees, leverage, starting balance, the reconnect schedule, the margin rules
 * that decide when a position is liquidated, and the fill model.
 *
 * @param makerFeeRate      fee of a resting order's fill, as a fraction
 * @param takerFeeRate      fee of a fill that took liquidity
 * @param leverage          the leverage of every symbol unless one is
 *                          {@link SimMargin#leverage(String, BigDecimal) set} for it: initial margin is
 *                          notional / leverage
 * @param initialBalance    the starting wallet balance in the quote asset
 * @param quoteAsset        the margin asset, e.g. USDT
 * @param reconnectDelaysMs the delays between reconnect attempts after a stream drop (5, 10, 15 s)
 * @param margin            the maintenance-margin brackets and the liquidation fee
 * @param fillModel         when a trade fills a resting limit order (see {@link FillModel})
 */
public record SimSettings(BigDecimal makerFeeRate, BigDecimal takerFeeRate, BigDecimal leverage,
        BigDecimal initialBalance, String quoteAsset, List<Long> reconnectDelaysMs, MarginRules margin,
        FillModel fillModel) {

    public SimSettings {
        reconnectDelaysMs = List.copyOf(reconnectDelaysMs);
        Objects.requireNonNull(margin, "margin");
        Objects.requireNonNull(fillModel, "fillModel");
    }

    /**
     * Binance's default fees (0.02 % maker, 0.05 % taker), 20× leverage, 10,000 USDT, BTCUSDT's margin brackets,
     * the {@code through} fill model.
     */
    public static SimSettings defaults() {
        return new SimSettings(new BigDecimal("0.0002"), new BigDecimal("0.0005"), BigDecimal.valueOf(20),
                new BigDecimal("10000"), "USDT", List.of(5_000L, 10_000L, 15_000L), MarginRules.binanceBtcUsdt(),
                FillModel.THROUGH);
    }

    /** Whether a fee rate can be charged: a fraction from 0 to below 1 (0.0005 is 0.05 %). */
    public static boolean isFeeRate(BigDecimal rate) {
        return rate.signum() >= 0 && rate.compareTo(BigDecimal.ONE) < 0;
    }

    public SimSettings withInitialBalance(BigDecimal balance) {
        return new SimSettings(makerFeeRate, takerFeeRate, leverage, balance, quoteAsset, reconnectDelaysMs, margin,
                fillModel);
    }

    /** These settings with other fee rates: a grid's replay charges the grid's own maker rate. */
    public SimSettings withFees(BigDecimal maker, BigDecimal taker) {
        return new SimSettings(maker, taker, leverage, initialBalance, quoteAsset, reconnectDelaysMs, margin, fillModel);
    }

    /** These settings with another default leverage. */
    public SimSettings withLeverage(BigDecimal defaultLeverage) {
        return new SimSettings(makerFeeRate, takerFeeRate, defaultLeverage, initialBalance, quoteAsset,
                reconnectDelaysMs, margin, fillModel);
    }

    /** These settings with other margin brackets or another liquidation fee. */
    public SimSettings withMargin(MarginRules rules) {
        return new SimSettings(makerFeeRate, takerFeeRate, leverage, initialBalance, quoteAsset, reconnectDelaysMs,
                rules, fillModel);
    }

    /** These settings with another fill model. */
    public SimSettings withFillModel(FillModel model) {
        return new SimSettings(makerFeeRate, takerFeeRate, leverage, initialBalance, quoteAsset, reconnectDelaysMs,
                margin, model);
    }
}
