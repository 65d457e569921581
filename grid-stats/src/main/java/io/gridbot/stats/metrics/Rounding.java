package io.gridbot.stats.metrics;

import io.gridbot.core.market.SymbolRules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * How figures are written for people: money to the quote asset's precision (two places for the dollar
 * stablecoins, eight otherwise), percentages to two places, quantities to the symbol's step and prices to its
 * tick, halves to even. The one place every summary and command rounds; the CSV files and the API's documents
 * keep the exact values. A missing figure reads {@code -}.
 *
 * @param quotePlaces decimal places of the quote asset
 * @param tickSize    the price increment
 * @param stepSize    the quantity increment
 */
public record Rounding(int quotePlaces, BigDecimal tickSize, BigDecimal stepSize) {

    private static final List<String> DOLLARS = List.of("USDT", "USDC", "BUSD", "FDUSD", "USD");
    private static final int PERCENT_PLACES = 2;

    /** The rounding of a symbol's figures. */
    public static Rounding of(SymbolRules rules) {
        return new Rounding(quotePlaces(rules.symbol()), rules.tickSize(), rules.stepSize());
    }

    /** The rounding of a symbol's money when its rules are not at hand: quantities and prices are left exact. */
    public static Rounding quote(String symbol) {
        return new Rounding(quotePlaces(symbol), null, null);
    }

    private static int quotePlaces(String symbol) {
        String s = symbol.toUpperCase(java.util.Locale.ROOT);
        return DOLLARS.stream().anyMatch(s::endsWith) ? 2 : 8;
    }

    /** An amount of the quote asset. */
    public String money(BigDecimal amount) {
        return amount == null ? "-" : amount.setScale(quotePlaces, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** A percentage, already times 100. */
    public static String percent(BigDecimal pct) {
        return pct == null ? "-" : pct.setScale(PERCENT_PLACES, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** A quantity of the base asset, to the step. */
    public String quantity(BigDecimal qty) {
        return qty == null ? "-" : snap(qty, stepSize);
    }

    /** A price, to the tick. */
    public String price(BigDecimal price) {
        return price == null ? "-" : snap(price, tickSize);
    }

    private static String snap(BigDecimal value, BigDecimal increment) {
        if (increment == null) {
            return value.stripTrailingZeros().toPlainString();
        }
        BigDecimal units = value.divide(increment, 0, RoundingMode.HALF_EVEN);
        return units.multiply(increment).setScale(Math.max(increment.stripTrailingZeros().scale(), 0), RoundingMode.HALF_EVEN)
                .toPlainString();
    }
}
