package io.gridbot.exchange.sim;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;

/**
 * How the simulated venue measures a position's risk: the maintenance-margin brackets and the fee it charges
 * on a forced liquidation. An account (cross margin: one wallet for every position) is liquidated when its
 * equity, wallet plus unrealized PnL, falls below the sum of its positions' maintenance margins.
 *
 * <p>{@link #binanceBtcUsdt()} is the simulator's default, an assumption written down rather than read from a
 * venue: Binance USDⓈ-M BTCUSDT's leverage brackets as Binance published them in 2023
 * ({@code GET /fapi/v1/leverageBracket}; Binance changes them from time to time), and the
 * {@code liquidationFee} of 0.0125 that Binance's {@code exchangeInfo} lists for BTCUSDT:
 *
 * <pre>
 *  notional (USDT)                max leverage  maintenance rate  maintenance amount
 *  0 - 50,000                     125           0.40 %            0
 *  50,000 - 500,000               100           0.50 %            50
 *  500,000 - 8,000,000            50            1.00 %            2,550
 *  8,000,000 - 50,000,000         20            2.50 %            122,550
 *  50,000,000 - 80,000,000        10            5.00 %            1,372,550
 *  80,000,000 - 100,000,000       5             10.00 %           5,372,550
 *  100,000,000 - 120,000,000      4             12.50 %           7,872,550
 *  120,000,000 - 200,000,000      3             15.00 %           10,872,550
 *  200,000,000 - 300,000,000      2             25.00 %           30,872,550
 *  300,000,000 and above          1             50.00 %           105,872,550
 * </pre>
 *
 * The brackets must cover every notional from zero, each starting where the one before ends, and the margin
 * must be continuous where they meet (that is what the maintenance amounts are for): the constructor checks.
 *
 * @param tiers              the brackets, smallest notional first
 * @param liquidationFeeRate the fee of a forced liquidation, as a fraction of the notional it closes; the venue
 *                           never takes more than the equity left after the close
 */
public record MarginRules(List<MarginTier> tiers, BigDecimal liquidationFeeRate) {

    private static final MathContext MATH = MathContext.DECIMAL128;

    public MarginRules {
        tiers = List.copyOf(tiers);
        Objects.requireNonNull(liquidationFeeRate, "liquidationFeeRate");
        if (tiers.isEmpty() || tiers.get(0).floor().signum() != 0 || tiers.get(tiers.size() - 1).cap() != null) {
            throw new IllegalArgumentException("margin tiers must start at a notional of 0 and end without a cap");
        }
        for (int i = 1; i < tiers.size(); i++) {
            MarginTier before = tiers.get(i - 1);
            MarginTier tier = tiers.get(i);
            if (before.cap() == null || before.cap().compareTo(tier.floor()) != 0) {
                throw new IllegalArgumentException("margin tier " + (i + 1) + " must start where tier " + i + " ends");
            }
            if (before.maintenanceMargin(tier.floor()).compareTo(tier.maintenanceMargin(tier.floor())) != 0) {
                throw new IllegalArgumentException("the maintenance margin jumps between tiers " + i + " and " + (i + 1)
                        + " at " + tier.floor().toPlainString() + ": check tier " + (i + 1) + "'s maintenance amount");
            }
        }
        if (liquidationFeeRate.signum() < 0 || liquidationFeeRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("the liquidation fee rate must be a fraction from 0 to below 1");
        }
    }

    /** Binance USDⓈ-M BTCUSDT's brackets and liquidation fee (see the table above). */
    public static MarginRules binanceBtcUsdt() {
        return new MarginRules(List.of(
                tier("0", "50000", 125, "0.004", "0"),
                tier("50000", "500000", 100, "0.005", "50"),
                tier("500000", "8000000", 50, "0.01", "2550"),
                tier("8000000", "50000000", 20, "0.025", "122550"),
                tier("50000000", "80000000", 10, "0.05", "1372550"),
                tier("80000000", "100000000", 5, "0.10", "5372550"),
                tier("100000000", "120000000", 4, "0.125", "7872550"),
                tier("120000000", "200000000", 3, "0.15", "10872550"),
                tier("200000000", "300000000", 2, "0.25", "30872550"),
                tier("300000000", null, 1, "0.50", "105872550")), new BigDecimal("0.0125"));
    }

    private static MarginTier tier(String floor, String cap, int maxLeverage, String rate, String amount) {
        return new MarginTier(new BigDecimal(floor), cap == null ? null : new BigDecimal(cap), maxLeverage,
                new BigDecimal(rate), new BigDecimal(amount));
    }

    /** The bracket a position of this notional (its absolute value) falls in. */
    public MarginTier tier(BigDecimal notional) {
        BigDecimal size = notional.abs();
        for (MarginTier t : tiers) {
            if (t.holds(size)) {
                return t;
            }
        }
        throw new IllegalStateException("no margin tier holds " + size); // the constructor rules this out
    }

    /** The maintenance margin of a position of this notional. */
    public BigDecimal maintenanceMargin(BigDecimal notional) {
        BigDecimal size = notional.abs();
        return tier(size).maintenanceMargin(size);
    }

    /**
     * The price at which a cross-margin account whose only position is {@code qty} (signed) at {@code entry}
     * reaches its maintenance margin, with {@code wallet} in the wallet: Binance's formula
     * {@code (wallet + amount − side × |qty| × entry) / (|qty| × rate − side × |qty|)}, with the bracket the
     * position's notional at that price falls in. {@code null} when flat, or for a long that no positive price
     * liquidates; zero for a short that every price liquidates (its wallet is gone already).
     */
    public BigDecimal liquidationPrice(BigDecimal wallet, BigDecimal qty, BigDecimal entry) {
        if (qty.signum() == 0) {
            return null;
        }
        BigDecimal size = qty.abs();
        BigDecimal side = BigDecimal.valueOf(qty.signum());
        BigDecimal fallback = null;
        for (MarginTier t : tiers) {
            BigDecimal price = wallet.add(t.maintenanceAmount()).subtract(side.multiply(size).multiply(entry))
                    .divide(size.multiply(t.maintenanceRate()).subtract(side.multiply(size)), MATH);
            if (price.signum() <= 0) {
                continue; // no price reaches this bracket's margin
            }
            if (t.holds(size.multiply(price))) {
                return price;
            }
            // Rounding can put a root a hair outside its bracket where two meet; both roots are that boundary.
            fallback = fallback == null ? price : fallback;
        }
        return fallback != null ? fallback : qty.signum() > 0 ? null : BigDecimal.ZERO;
    }
}
