package io.gridbot.persistence.config;

import static io.gridbot.persistence.column.StoredDecimal.plain;

import io.gridbot.core.config.ConfigViolation;
import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.persistence.jooq.tables.records.GridConfigRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code grid_config} columns: which field of a {@link GridDocument} each one keeps ({@link #write} and
 * {@link #read}, the one mapping between the row and the document), and what each can keep, field by field,
 * as the migrations declare them (a test reads the schema back and compares). A value that does not fit would
 * be rounded or refused by the database, so every way a configuration comes in (file, form, code) is checked
 * against this one table first. A new field's column is added here, in both directions, and in a migration.
 */
public final class ConfigColumns {

    private ConfigColumns() {
    }

    /** The DECIMAL(p,s) columns and the configuration field each one stores. */
    public enum Decimal {
        SPACING_PCT("spacingPct", "spacing_pct", GridDocument::spacingPct),
        CENTRE_PRICE("centrePrice", "centre_price", GridDocument::centrePrice),
        LOWER_PRICE("lowerPrice", "lower_price", GridDocument::lowerPrice),
        UPPER_PRICE("upperPrice", "upper_price", GridDocument::upperPrice),
        ORDER_QTY("orderQty", "trade_amount", GridDocument::orderQty),
        MAX_POSITION("maxPosition", "max_position_size", GridDocument::maxPosition),
        STOP_LOSS_BUFFER_PCT("stopLossBufferPct", "stop_loss_buffer_pct", GridDocument::stopLossBufferPct),
        MAKER_FEE_RATE("makerFeeRate", "maker_fee_rate", GridDocument::makerFeeRate),
        PRICE_TICK("priceTick", "price_tick", GridDocument::priceTick),
        QTY_STEP("qtyStep", "qty_step", GridDocument::qtyStep),
        MIN_QTY("minQty", "min_qty", GridDocument::minQty),
        MIN_NOTIONAL("minNotional", "min_notional", GridDocument::minNotional);

        private final String field;
        private final String column;
        private final Function<GridDocument, BigDecimal> value;

        Decimal(String field, String column, Function<GridDocument, BigDecimal> value) {
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
        NAME("name", "name", 64, GridDocument::name),
        EXCHANGE("exchange", "exchange", 32, GridDocument::exchange),
        SYMBOL("symbol", "symbol", 32, GridDocument::symbol);

        private final String field;
        private final String column;
        private final int length;
        private final Function<GridDocument, String> value;

        Text(String field, String column, int length, Function<GridDocument, String> value) {
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

    /** Writes every field of the document to its column; an absent field leaves its column empty. */
    static void write(GridConfigRecord r, GridDocument d) {
        r.setName(d.name());
        r.setExchange(d.exchange());
        r.setSymbol(d.symbol());
        r.setGridMode(name(d.mode()));
        r.setSpacing(d.spacing());
        r.setSpacingPct(d.spacingPct());
        r.setCentrePrice(d.centrePrice());
        r.setLowerPrice(d.lowerPrice());
        r.setUpperPrice(d.upperPrice());
        r.setGridLevels(d.levels());
        r.setTradeAmount(d.orderQty());
        r.setMaxPositionSize(d.maxPosition());
        r.setStopLossBufferPct(d.stopLossBufferPct());
        r.setRefreshIntervalMs(d.refreshIntervalMs());
        r.setTimeInForce(name(d.timeInForce()));
        r.setPositionMode(name(d.positionMode()));
        r.setMakerFeeRate(d.makerFeeRate());
        r.setProtectiveStop(d.protectiveStop());
        r.setProtectiveStopTrigger(name(d.protectiveStopTrigger()));
        r.setCooldownMs(d.cooldownMs());
        r.setPartialFillTimeoutMs(d.partialFillTimeoutMs());
        r.setLogCapacity(d.logCapacity());
        r.setPriceTick(d.priceTick());
        r.setQtyStep(d.qtyStep());
        r.setMinQty(d.minQty());
        r.setMinNotional(d.minNotional());
        r.setMaxOpenOrders(d.maxOpenOrders());
    }

    /** The document a row keeps; decimals come back as stored, without the column's padding. */
    static GridDocument read(GridConfigRecord r) {
        return new GridDocument(r.getName(), r.getExchange(), r.getSymbol(), GridMode.valueOf(r.getGridMode()),
                r.getSpacing(), plain(r.getSpacingPct()), plain(r.getCentrePrice()), plain(r.getLowerPrice()),
                plain(r.getUpperPrice()), r.getGridLevels(), plain(r.getTradeAmount()), plain(r.getMaxPositionSize()),
                plain(r.getStopLossBufferPct()), r.getRefreshIntervalMs(), TimeInForce.valueOf(r.getTimeInForce()),
                PositionMode.valueOf(r.getPositionMode()), plain(r.getMakerFeeRate()), r.getProtectiveStop(),
                StopTrigger.valueOf(r.getProtectiveStopTrigger()), r.getCooldownMs(), r.getPartialFillTimeoutMs(),
                r.getLogCapacity(), plain(r.getPriceTick()), plain(r.getQtyStep()), plain(r.getMinQty()),
                plain(r.getMinNotional()), r.getMaxOpenOrders());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** Every field of the configuration that its column cannot keep as it is. */
    public static List<ConfigViolation> misfits(GridConfig config) {
        GridDocument document = GridDocument.of(config);
        List<ConfigViolation> out = new ArrayList<>();
        for (Text t : Text.values()) {
            String v = t.value.apply(document);
            if (v != null && v.length() > t.length) {
                out.add(new ConfigViolation(t.field, "is " + v.length() + " characters long; at most " + t.length
                        + " are kept"));
            }
        }
        for (Decimal d : Decimal.values()) {
            BigDecimal v = d.value.apply(document);
            if (v != null) {
                d.misfit(v).ifPresent(reason -> out.add(new ConfigViolation(d.field, reason)));
            }
        }
        return out;
    }
}
