package io.gridbot.core.config;

import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.core.spacing.Spacing;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Everything the core needs to know about one grid (the spec's {@code GridConfig} entity). Build one
 * with {@link #builder(String, SymbolRules)}; {@link #validate()} lists every violation with its field.
 *
 * @param name                 unique name of the grid
 * @param exchange             the venue code, e.g. {@code binance} or {@code simulated}
 * @param rules                the symbol and its tick, step and minimums
 * @param mode                 short, neutral or long
 * @param spacing              how the lines are spread
 * @param lowerPrice           the lowest line (unused by percentage spacing)
 * @param upperPrice           the highest line (unused by percentage spacing)
 * @param levels               the number of lines, both bounds included (at least 5)
 * @param orderQty             the quantity of every entry, on the step
 * @param maxPosition          the largest position the grid may hold in either direction
 * @param stopLossBufferPct    how far outside the band the stop-loss lines are, in percent (0.5 = 0.5 %)
 * @param refreshIntervalMs    how often the grid re-synchronises its orders, at least 500 ms
 * @param timeInForce          GTC or GTX (post-only) for the grid's limit orders
 * @param positionMode         one-way or hedge
 * @param makerFeeRate         the maker fee as a fraction (0.0002 = 0.02 %), for the break-even check
 * @param protectiveStop       keep a venue-side stop at the stop-loss line while a position is open
 * @param protectiveStopTrigger the price that stop watches: the last trade (as the grid's own stop-loss rule
 *                             does) or the venue's mark price
 * @param cooldownMs           how long a line rests after a failed create
 * @param partialFillTimeoutMs how long a partly filled entry may wait before its rest is cancelled
 * @param logCapacity          the in-memory event log's size
 */
public record GridConfig(
        String name,
        String exchange,
        SymbolRules rules,
        GridMode mode,
        Spacing spacing,
        BigDecimal lowerPrice,
        BigDecimal upperPrice,
        int levels,
        BigDecimal orderQty,
        BigDecimal maxPosition,
        BigDecimal stopLossBufferPct,
        long refreshIntervalMs,
        TimeInForce timeInForce,
        PositionMode positionMode,
        BigDecimal makerFeeRate,
        boolean protectiveStop,
        StopTrigger protectiveStopTrigger,
        long cooldownMs,
        long partialFillTimeoutMs,
        int logCapacity) {

    /** Default refresh interval. */
    public static final long DEFAULT_REFRESH_MS = 1_000;
    /** Smallest refresh interval the spec allows (constraint 3). */
    public static final long MIN_REFRESH_MS = 500;
    /** Default cool-down after a failed create. */
    public static final long DEFAULT_COOLDOWN_MS = 5_000;
    /** Default wait before the rest of a partly filled entry is cancelled. */
    public static final long DEFAULT_PARTIAL_FILL_TIMEOUT_MS = 600_000;
    /** Default and largest event-log sizes. */
    public static final int DEFAULT_LOG_CAPACITY = 200;
    public static final int MAX_LOG_CAPACITY = 1_000;

    public GridConfig {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(spacing, "spacing");
        Objects.requireNonNull(timeInForce, "timeInForce");
        Objects.requireNonNull(positionMode, "positionMode");
        Objects.requireNonNull(protectiveStopTrigger, "protectiveStopTrigger");
    }

    /** The venue symbol. */
    public String symbol() {
        return rules.symbol();
    }

    /** Every reason this configuration cannot run, empty when it can. */
    public List<ConfigViolation> validate() {
        return ConfigValidation.check(this);
    }

    /** Throws {@link InvalidConfigException} with every violation unless the configuration is valid. */
    public GridConfig requireValid() {
        List<ConfigViolation> violations = validate();
        if (!violations.isEmpty()) {
            throw new InvalidConfigException(violations);
        }
        return this;
    }

    /** This configuration under another name. */
    public GridConfig renamed(String newName) {
        return new GridConfig(newName, exchange, rules, mode, spacing, lowerPrice, upperPrice, levels, orderQty,
                maxPosition, stopLossBufferPct, refreshIntervalMs, timeInForce, positionMode, makerFeeRate,
                protectiveStop, protectiveStopTrigger, cooldownMs, partialFillTimeoutMs, logCapacity);
    }

    /** A builder with the spec's defaults for the optional fields. */
    public static Builder builder(String name, SymbolRules rules) {
        return new Builder(name, rules);
    }

    /** A builder seeded with this configuration, to change a few fields. */
    public Builder toBuilder() {
        return new Builder(name, rules).exchange(exchange).mode(mode).spacing(spacing).band(lowerPrice, upperPrice)
                .levels(levels).orderQty(orderQty).maxPosition(maxPosition).stopLossBufferPct(stopLossBufferPct)
                .refreshIntervalMs(refreshIntervalMs).timeInForce(timeInForce).positionMode(positionMode)
                .makerFeeRate(makerFeeRate).protectiveStop(protectiveStop).protectiveStopTrigger(protectiveStopTrigger)
                .cooldownMs(cooldownMs)
                .partialFillTimeoutMs(partialFillTimeoutMs).logCapacity(logCapacity);
    }

    /** Builds a {@link GridConfig}; unset optional fields take the spec's defaults. */
    public static final class Builder {
        private final String name;
        private SymbolRules rules;
        private String exchange = "simulated";
        private GridMode mode = GridMode.SHORT;
        private Spacing spacing = new Spacing.Arithmetic();
        private BigDecimal lowerPrice;
        private BigDecimal upperPrice;
        private int levels;
        private BigDecimal orderQty;
        private BigDecimal maxPosition;
        private BigDecimal stopLossBufferPct = new BigDecimal("0.5");
        private long refreshIntervalMs = DEFAULT_REFRESH_MS;
        private TimeInForce timeInForce = TimeInForce.GTC;
        private PositionMode positionMode = PositionMode.ONE_WAY;
        private BigDecimal makerFeeRate = new BigDecimal("0.0002");
        private boolean protectiveStop = true;
        private StopTrigger protectiveStopTrigger = StopTrigger.LAST;
        private long cooldownMs = DEFAULT_COOLDOWN_MS;
        private long partialFillTimeoutMs = DEFAULT_PARTIAL_FILL_TIMEOUT_MS;
        private int logCapacity = DEFAULT_LOG_CAPACITY;

        private Builder(String name, SymbolRules rules) {
            this.name = name;
            this.rules = rules;
        }

        public Builder rules(SymbolRules value) { this.rules = value; return this; }
        public Builder exchange(String value) { this.exchange = value; return this; }
        public Builder mode(GridMode value) { this.mode = value; return this; }
        public Builder spacing(Spacing value) { this.spacing = value; return this; }
        public Builder band(BigDecimal lower, BigDecimal upper) { this.lowerPrice = lower; this.upperPrice = upper; return this; }
        public Builder levels(int value) { this.levels = value; return this; }
        public Builder orderQty(BigDecimal value) { this.orderQty = value; return this; }
        /** The position cap; {@code null} means the most the grid could hold, one order per line. */
        public Builder maxPosition(BigDecimal value) { this.maxPosition = value; return this; }
        public Builder stopLossBufferPct(BigDecimal value) { this.stopLossBufferPct = value; return this; }
        public Builder refreshIntervalMs(long value) { this.refreshIntervalMs = value; return this; }
        public Builder timeInForce(TimeInForce value) { this.timeInForce = value; return this; }
        public Builder positionMode(PositionMode value) { this.positionMode = value; return this; }
        public Builder makerFeeRate(BigDecimal value) { this.makerFeeRate = value; return this; }
        public Builder protectiveStop(boolean value) { this.protectiveStop = value; return this; }
        public Builder protectiveStopTrigger(StopTrigger value) { this.protectiveStopTrigger = value; return this; }
        public Builder cooldownMs(long value) { this.cooldownMs = value; return this; }
        public Builder partialFillTimeoutMs(long value) { this.partialFillTimeoutMs = value; return this; }
        public Builder logCapacity(int value) { this.logCapacity = value; return this; }

        /** The configuration, not yet validated. */
        public GridConfig build() {
            BigDecimal cap = maxPosition;
            if (cap == null && orderQty != null && levels > 1) {
                cap = orderQty.multiply(BigDecimal.valueOf(levels - 1L));
            }
            return new GridConfig(name, exchange, rules, mode, spacing, lowerPrice, upperPrice, levels, orderQty, cap,
                    stopLossBufferPct, refreshIntervalMs, timeInForce, positionMode, makerFeeRate, protectiveStop,
                    protectiveStopTrigger, cooldownMs, partialFillTimeoutMs, logCapacity);
        }
    }
}
