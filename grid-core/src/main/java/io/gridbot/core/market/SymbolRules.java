package io.gridbot.core.market;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A symbol's trading rules as the venue states them: price tick, quantity step, minimum quantity and
 * notional, and the cap on open orders. Every price and quantity the core sends is snapped with these.
 *
 * @param symbol        the venue's symbol, e.g. {@code BTCUSDT}
 * @param tickSize      the price increment
 * @param stepSize      the quantity increment
 * @param minQty        the smallest order quantity
 * @param minNotional   the smallest order value (price times quantity), zero if none
 * @param maxOpenOrders the most open orders the venue allows on the symbol (200 on Binance)
 */
public record SymbolRules(
        String symbol,
        BigDecimal tickSize,
        BigDecimal stepSize,
        BigDecimal minQty,
        BigDecimal minNotional,
        int maxOpenOrders) {

    /** Binance's cap on open orders per symbol. */
    public static final int DEFAULT_MAX_OPEN_ORDERS = 200;

    public SymbolRules {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(tickSize, "tickSize");
        Objects.requireNonNull(stepSize, "stepSize");
        Objects.requireNonNull(minQty, "minQty");
        Objects.requireNonNull(minNotional, "minNotional");
    }

    /** Snaps a price down to the tick (toward zero). */
    public BigDecimal floorPrice(BigDecimal price) {
        return snap(price, tickSize, RoundingMode.FLOOR);
    }

    /** Snaps a price up to the tick. */
    public BigDecimal ceilPrice(BigDecimal price) {
        return snap(price, tickSize, RoundingMode.CEILING);
    }

    /** Snaps a price to the nearest tick, halves going up. */
    public BigDecimal roundPrice(BigDecimal price) {
        return snap(price, tickSize, RoundingMode.HALF_UP);
    }

    /** Snaps a quantity down to the step: never sends more than was asked for. */
    public BigDecimal floorQty(BigDecimal qty) {
        return snap(qty, stepSize, RoundingMode.FLOOR);
    }

    /** True when the price is a whole number of ticks. */
    public boolean onTick(BigDecimal price) {
        return isMultiple(price, tickSize);
    }

    /** True when the quantity is a whole number of steps. */
    public boolean onStep(BigDecimal qty) {
        return isMultiple(qty, stepSize);
    }

    /** True when an order of this quantity at this price meets the minimum quantity and notional. */
    public boolean meetsMinimums(BigDecimal price, BigDecimal qty) {
        return qty.compareTo(minQty) >= 0 && price.multiply(qty).compareTo(minNotional) >= 0;
    }

    private static BigDecimal snap(BigDecimal value, BigDecimal increment, RoundingMode mode) {
        BigDecimal units = value.divide(increment, 0, mode);
        return units.multiply(increment).setScale(Math.max(increment.stripTrailingZeros().scale(), 0), RoundingMode.UNNECESSARY);
    }

    private static boolean isMultiple(BigDecimal value, BigDecimal increment) {
        return value.remainder(increment).signum() == 0;
    }
}
