package io.gridbot.persistence.config;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.core.spacing.Spacing;
import java.math.BigDecimal;

/**
 * Two configurations for the tests that prove a field is added in one place (issue 12): one with every field
 * away from its default, one with only what has no default. Shared with grid-runner's tests (test-jar).
 */
public final class EveryField {

    private EveryField() {
    }

    /**
     * Every field set, and none to its default (hedge mode is refused by validation, but stored as any other);
     * decimals without trailing zeros, which the columns do not keep.
     */
    public static GridConfig config() {
        SymbolRules eth = new SymbolRules("ETHUSDT", new BigDecimal("0.01"), new BigDecimal("0.01"),
                new BigDecimal("0.02"), new BigDecimal("20"), 150);
        return GridConfig.builder("every_field", eth).exchange("binance").mode(GridMode.LONG)
                .spacing(new Spacing.Percentage(new BigDecimal("0.4"), new BigDecimal("2000")))
                .band(new BigDecimal("1900"), new BigDecimal("2100")).levels(21).orderQty(new BigDecimal("0.05"))
                .maxPosition(new BigDecimal("0.5")).stopLossBufferPct(new BigDecimal("1.5")).refreshIntervalMs(2_000)
                .timeInForce(TimeInForce.GTX).positionMode(PositionMode.HEDGE).makerFeeRate(new BigDecimal("0.0001"))
                .protectiveStop(false).protectiveStopTrigger(StopTrigger.MARK).cooldownMs(7_000)
                .partialFillTimeoutMs(300_000).logCapacity(500).build();
    }

    /** Only what has no default. */
    public static GridConfig defaults() {
        return GridConfig.builder("defaults", new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
                BigDecimal.ZERO, BigDecimal.ZERO, SymbolRules.DEFAULT_MAX_OPEN_ORDERS)).levels(20)
                .orderQty(new BigDecimal("0.010")).band(new BigDecimal("60000"), new BigDecimal("65000")).build();
    }
}
