package io.gridbot.exchange.bybit.wire;

import io.gridbot.core.preview.MarginTable;
import io.gridbot.core.preview.MarginTier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One tier of {@code GET /v5/market/risk-limit?category=linear}: the notional in USDT up to which it applies, its
 * maintenance margin rate as a fraction ({@code 0.005} is 0.5 %), and the maintenance deduction in USDT that keeps
 * the margin continuous where tiers meet ({@code ""} for the first tier).
 */
public record RiskLimitWire(String symbol, BigDecimal riskLimitValue, BigDecimal maintenanceMargin,
        BigDecimal mmDeduction) {

    /**
     * The tiers as maintenance-margin brackets, smallest limit first: each starts where the one below ends, and the
     * last has no cap, since Bybit applies its top tier's rate to any larger position (the shipped table's reading
     * of Bybit's margin parameters).
     *
     * @throws IllegalArgumentException when a tier lacks a figure, or the tiers do not make a continuous table
     */
    public static MarginTable brackets(List<RiskLimitWire> tiers, String source) {
        List<RiskLimitWire> sorted = tiers.stream().sorted(Comparator.comparing(RiskLimitWire::riskLimitValue,
                Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
        List<MarginTier> brackets = new ArrayList<>(sorted.size());
        BigDecimal floor = BigDecimal.ZERO;
        for (int i = 0; i < sorted.size(); i++) {
            RiskLimitWire t = sorted.get(i);
            if (t.riskLimitValue() == null || t.maintenanceMargin() == null) {
                throw new IllegalArgumentException("a risk limit tier of " + t.symbol() + " lacks its limit or rate");
            }
            BigDecimal cap = i == sorted.size() - 1 ? null : t.riskLimitValue();
            BigDecimal amount = t.mmDeduction() == null ? BigDecimal.ZERO : t.mmDeduction();
            brackets.add(new MarginTier(floor, cap, t.maintenanceMargin(), amount));
            floor = t.riskLimitValue();
        }
        return new MarginTable(brackets, source);
    }
}
