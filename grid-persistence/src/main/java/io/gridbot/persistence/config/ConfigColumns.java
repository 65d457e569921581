package io.gridbot.persistence.config;

import io.gridbot.core.config.ConfigViolation;
import io.gridbot.core.config.GridConfig;
import io.gridbot.core.spacing.Spacing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the {@code grid_config} columns can keep, field by field, as the migrations declare them (a test reads
 * the schema back and compares). A value that does not fit would be rounded or refused by the database, so
 * every way a configuration comes in (file, form, code) is checked against this one table first.
 */
public final class ConfigColumns {

    private ConfigColumns() {
    }

    /** The DECIMAL(p,s) columns and the configuration field each one stores. */
    public enum Decimal {
        SPACING_PCT("spacingPct", "spacing_pct", c -> c.spacing() instanceof Spacing.Percentage p ? p.percent() : null),
        CENTRE_PRICE("centrePrice", "centre_price", c -> c.spacing() instanceof Spacing.Percentage p ? p.centre() : null),
        LOWER_PRICE("lowerPrice", "lower_price", GridConfig::lowerPrice),
        UPPER_PRICE("upperPrice", "upper_price", GridConfig::upperPrice),
        ORDER_QTY("orderQty", "trade_amount", GridConfig::orderQty),
        MAX_POSITION("maxPosition", "max_position_size", GridConfig::maxPosition),
        STOP_LOSS_BUFFER_PCT("stopLossBufferPct", "stop_loss_buffer_pct", GridConfig::stopLossBufferPct),
        MAKER_FEE_RATE("makerFeeRate", "maker_fee_rate", GridConfig::makerFeeRate),
        PRICE_TICK("priceTick", "price_tick", c -> c.rules().tickSize()),
        QTY_STEP("qtyStep", "qty_step", c -> c.rules().stepSize()),
        MIN_QTY("minQty", "min_qty", c -> c.rules().minQty()),
        MIN_NOTIONAL("minNotional", "min_notional", c -> c.rules().minNotional());

        private final String field;
        private final String column;
        private final Function<GridConfig, BigDecimal> value;

        Decimal(String field, String column, Function<GridConfig, BigDecimal> value) {
            this.field = field;
            this.column = column;
            this.value = value;
        }

        /** The field as named in YAML and on the form. */
        public String field() {
            return field;
        }

        /** The column in {@code grid_config}. */
        public String column() {
            return column;
        }

        /** Total digits the column keeps (V1: DECIMAL(38,18)). */
        public int precision() {
            return 38;
        }

        /** Digits after the decimal point the column keeps; more would be rounded away. */
        public int scale() {
            return 18;
        }

        /** The column for a field, if it is a decimal one. */
        public static Optional<Decimal> of(String field) {
            return Arrays.stream(values()).filter(d -> d.field.equals(field)).findFirst();
        }

        /**
         * Why the value cannot be stored as it is, or empty when it can. Looks only at the digit count and the
         * exponent, so a value such as {@code 1.0e+999999999} is judged without ever being expanded.
         */
        public Optional<String> misfit(BigDecimal v) {
            BigDecimal exact;
            try {
                exact = v.stripTrailingZeros();
            } catch (ArithmeticException e) {
                return Optional.of("is beyond any number the database can keep");
            }
            long wholeDigits = (long) exact.precision() - exact.scale();
            int maxWhole = precision() - scale();
            if (wholeDigits > maxWhole) {
                return Optional.of("is too large: the database keeps at most " + maxWhole
                        + " digits before the decimal point");
            }
            if (exact.scale() > scale()) {
                return Optional.of("has " + exact.scale() + " decimals: the database keeps " + scale()
                        + ", so it would be stored rounded");
            }
            return Optional.empty();
        }
    }

    /** The VARCHAR columns that hold free text of a configuration. */
    public enum Text {
        NAME("name", "name", 64, GridConfig::name),
        EXCHANGE("exchange", "exchange", 32, GridConfig::exchange),
        SYMBOL("symbol", "symbol", 32, GridConfig::symbol);

        private final String field;
        private final String column;
        private final int length;
        private final Function<GridConfig, String> value;

        Text(String field, String column, int length, Function<GridConfig, String> value) {
            this.field = field;
            this.column = column;
            this.length = length;
            this.value = value;
        }

        public String field() {
            return field;
        }

        public String column() {
            return column;
        }

        /** The most characters the column keeps. */
        public int length() {
            return length;
        }
    }

    /** Every field of the configuration that its column cannot keep as it is. */
    public static List<ConfigViolation> misfits(GridConfig config) {
        List<ConfigViolation> out = new ArrayList<>();
        for (Text t : Text.values()) {
            String v = t.value.apply(config);
            if (v != null && v.length() > t.length) {
                out.add(new ConfigViolation(t.field, "is " + v.length() + " characters long; at most " + t.length
                        + " are kept"));
            }
        }
        for (Decimal d : Decimal.values()) {
            BigDecimal v = d.value.apply(config);
            if (v != null) {
                d.misfit(v).ifPresent(reason -> out.add(new ConfigViolation(d.field, reason)));
            }
        }
        return out;
    }
}
