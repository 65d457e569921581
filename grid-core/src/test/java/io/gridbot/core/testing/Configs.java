package io.gridbot.core.testing;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.market.SymbolRules;
import java.math.BigDecimal;

/** Configurations used across the core's tests. */
public final class Configs {

    private Configs() {
    }

    /** BTCUSDT-like rules: tick 0.1, step 0.001, minimum notional 5. */
    public static SymbolRules btcRules() {
        return new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"), new BigDecimal("0.001"),
                new BigDecimal("5"), 200);
    }

    /** The spec's worked example (FR-2, scenario 1): short, 60,000 to 65,000, 20 lines, 0.010, max 0.200. */
    public static GridConfig.Builder workedExample() {
        return GridConfig.builder("my_short_grid", btcRules())
                .mode(GridMode.SHORT)
                .band(new BigDecimal("60000"), new BigDecimal("65000"))
                .levels(20)
                .orderQty(new BigDecimal("0.010"))
                .maxPosition(new BigDecimal("0.200"))
                .stopLossBufferPct(new BigDecimal("0.5"));
    }

    /** A small grid: 100 to 110 in 11 lines of 1.0, size 1, tick 0.1, step 1. */
    public static GridConfig.Builder small(GridMode mode) {
        SymbolRules rules = new SymbolRules("TESTUSDT", new BigDecimal("0.1"), BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ZERO, 200);
        return GridConfig.builder("small-" + mode.name().toLowerCase(), rules)
                .mode(mode)
                .band(new BigDecimal("100"), new BigDecimal("110"))
                .levels(11)
                .orderQty(BigDecimal.ONE)
                .maxPosition(new BigDecimal("3"))
                .stopLossBufferPct(new BigDecimal("5"));
    }
}
