package io.gridbot.core.testing;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.core.spacing.Spacing;
import java.math.BigDecimal;
import java.util.List;

/**
 * A generated run: the grid's shape, a few options, and the steps that happen to it.
 *
 * @param shape   mode and geometry of the grid
 * @param options spacing kind, protective stop, post-only, partial-fill timeout
 * @param steps   what happens, in order
 */
public record Scenario(Shape shape, Options options, List<Step> steps) {

    public static final BigDecimal TICK = new BigDecimal("0.1");
    public static final BigDecimal STEP = new BigDecimal("0.001");
    public static final BigDecimal LOWER = new BigDecimal("1000.0");
    /** The band's lowest line in ticks. */
    public static final long LOWER_TICKS = 10_000;

    public Scenario {
        steps = List.copyOf(steps);
    }

    /**
     * @param spacingTicks distance between lines, in ticks
     * @param qtySteps     order size, in quantity steps
     * @param maxOrders    the position limit, in orders
     * @param startOffset  where in its bracket the price starts, in ticks above the centre line
     */
    public record Shape(GridMode mode, int levels, int spacingTicks, int qtySteps, int maxOrders, int startOffset) {
    }

    /** How the lines are spaced. */
    public enum SpacingKind {
        ARITHMETIC, GEOMETRIC, PERCENTAGE_OF_MARKET
    }

    /** Configuration choices beyond the shape. */
    public record Options(SpacingKind spacing, boolean protectiveStop, boolean postOnly, boolean quickPartials,
            PositionMode positionMode) {

        /** Options of a one-way account. */
        public Options(SpacingKind spacing, boolean protectiveStop, boolean postOnly, boolean quickPartials) {
            this(spacing, protectiveStop, postOnly, quickPartials, PositionMode.ONE_WAY);
        }

        /** The same options on a hedge-mode account. */
        public Options inHedgeMode() {
            return new Options(spacing, protectiveStop, postOnly, quickPartials, PositionMode.HEDGE);
        }
    }

    public static SymbolRules rules() {
        return new SymbolRules("PROPUSDT", TICK, STEP, STEP, BigDecimal.ZERO, 200);
    }

    /** The band's highest line in ticks. */
    public long upperTicks() {
        return LOWER_TICKS + (long) shape.spacingTicks() * (shape.levels() - 1);
    }

    /** The price the market starts at, in ticks. */
    public long startTicks() {
        long centre = LOWER_TICKS + (long) shape.spacingTicks() * ((shape.levels() - 1) / 2);
        return centre + Math.floorMod(shape.startOffset(), shape.spacingTicks());
    }

    public GridConfig config() {
        BigDecimal qty = STEP.multiply(BigDecimal.valueOf(shape.qtySteps()));
        BigDecimal upper = TICK.multiply(BigDecimal.valueOf(upperTicks()));
        GridConfig.Builder b = GridConfig.builder("prop-" + shape.mode().name().toLowerCase(), rules())
                .mode(shape.mode()).band(LOWER, upper).levels(shape.levels())
                .spacing(switch (options.spacing()) {
                    case ARITHMETIC -> new Spacing.Arithmetic();
                    case GEOMETRIC -> new Spacing.Geometric();
                    // About the shape's spacing at the start price; the lines centre on the first price seen.
                    case PERCENTAGE_OF_MARKET -> new Spacing.Percentage(BigDecimal.valueOf(shape.spacingTicks(), 2), null);
                })
                .orderQty(qty).maxPosition(qty.multiply(BigDecimal.valueOf(shape.maxOrders())))
                .stopLossBufferPct(new BigDecimal("1")).makerFeeRate(BigDecimal.ZERO)
                .protectiveStop(options.protectiveStop()).positionMode(options.positionMode())
                .timeInForce(options.postOnly() ? TimeInForce.GTX : TimeInForce.GTC);
        if (options.quickPartials()) {
            b.partialFillTimeoutMs(20_000);
        }
        return b.build();
    }
}
