package io.gridbot.persistence.config;

import io.gridbot.core.config.ConfigViolation;
import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.config.InvalidConfigException;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.core.spacing.Spacing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One grid's configuration as a user writes it: the fields of a grid file and of the dashboard's form, with
 * their names, in the order they are shown. It is the one list of configuration fields: the file and the form
 * are bound to it by Jackson (grid-runner's {@code GridFile} and {@code ConfigForm}, which take the field
 * names and kinds from its components), the {@code grid_config} row is mapped to and from it by
 * {@link ConfigColumns}, and the core's {@link GridConfig} is made from it by {@link #toConfig()} and back by
 * {@link #of(GridConfig)}. An absent field is {@code null} and takes the core's default.
 *
 * <p><b>A new field</b> (once the core's {@link GridConfig} has it) is added here (a component, its default or
 * "is required" in {@link #toConfig()}, and its value in {@link #of(GridConfig)}), as one column in
 * {@link ConfigColumns} (its read and write, and its limit if it is a decimal or text column), and in a Flyway
 * migration; nowhere else. The file, the form and the errors they report follow from the component's name and
 * type: decimals are {@link BigDecimal}, whole numbers {@link Integer} or {@link Long}, true/false a
 * {@link Boolean}, choices an enum, free text a {@link String}. Tests take a configuration with every field
 * away from its default through all of these and back, so a field left out of one of them fails.
 *
 * @param name                  unique name of the grid (required)
 * @param exchange              the venue code (required)
 * @param symbol                the venue's symbol (required)
 * @param mode                  short, neutral or long (required)
 * @param spacing               arithmetic (the default), geometric or percentage
 * @param spacingPct            percentage spacing only: the spacing in percent of the centre
 * @param centrePrice           percentage spacing only: the centre, or none for the first market price
 * @param lowerPrice            the lowest line
 * @param upperPrice            the highest line
 * @param levels                the number of lines (required)
 * @param orderQty              the quantity of every entry (required)
 * @param maxPosition           the position cap; none for one order per line
 * @param stopLossBufferPct     how far outside the band the stop-loss lines are, in percent
 * @param refreshIntervalMs     how often the grid re-synchronises its orders
 * @param timeInForce           GTC or GTX
 * @param positionMode          one-way or hedge
 * @param makerFeeRate          the maker fee as a fraction
 * @param protectiveStop        whether a venue-side stop guards an open position
 * @param protectiveStopTrigger the price that stop watches
 * @param cooldownMs            how long a line rests after a failed create
 * @param partialFillTimeoutMs  how long a partly filled entry may wait
 * @param logCapacity           the in-memory event log's size
 * @param priceTick             the symbol's price tick (required)
 * @param qtyStep               the symbol's quantity step (required)
 * @param minQty                the smallest order quantity, zero if none
 * @param minNotional           the smallest order value, zero if none
 * @param maxOpenOrders         the venue's cap on open orders for the symbol
 */
public record GridDocument(
        String name,
        String exchange,
        String symbol,
        GridMode mode,
        String spacing,
        BigDecimal spacingPct,
        BigDecimal centrePrice,
        BigDecimal lowerPrice,
        BigDecimal upperPrice,
        Integer levels,
        BigDecimal orderQty,
        BigDecimal maxPosition,
        BigDecimal stopLossBufferPct,
        Long refreshIntervalMs,
        TimeInForce timeInForce,
        PositionMode positionMode,
        BigDecimal makerFeeRate,
        Boolean protectiveStop,
        StopTrigger protectiveStopTrigger,
        Long cooldownMs,
        Long partialFillTimeoutMs,
        Integer logCapacity,
        BigDecimal priceTick,
        BigDecimal qtyStep,
        BigDecimal minQty,
        BigDecimal minNotional,
        Integer maxOpenOrders) {

    /** Every field's name and type, in the order of the components (the order the form shows them). */
    public static final Map<String, Class<?>> FIELDS = fieldTypes();

    /** The names {@link #spacing} may take, in any case. */
    public static final List<String> SPACINGS = List.of("arithmetic", "geometric", "percentage");

    /** The fields only percentage spacing reads; with another spacing they are ignored, unchecked. */
    private static final Set<String> PERCENTAGE_ONLY = Set.of("spacingPct", "centrePrice");
    private static final String PERCENTAGE = "percentage";

    /** The document of a configuration, every field set (the percentage fields only for percentage spacing). */
    public static GridDocument of(GridConfig c) {
        Spacing.Percentage pct = c.spacing() instanceof Spacing.Percentage p ? p : null;
        SymbolRules r = c.rules();
        return new GridDocument(c.name(), c.exchange(), r.symbol(), c.mode(), spacingName(c.spacing()),
                pct == null ? null : pct.percent(), pct == null ? null : pct.centre(), c.lowerPrice(),
                c.upperPrice(), c.levels(), c.orderQty(), c.maxPosition(), c.stopLossBufferPct(),
                c.refreshIntervalMs(), c.timeInForce(), c.positionMode(), c.makerFeeRate(), c.protectiveStop(),
                c.protectiveStopTrigger(), c.cooldownMs(), c.partialFillTimeoutMs(), c.logCapacity(), r.tickSize(),
                r.stepSize(), r.minQty(), r.minNotional(), r.maxOpenOrders());
    }

    /**
     * What keeps this document from being a configuration: each required field without a value ("is
     * required"), in field order, then a spacing of no known name. Empty when {@link #toConfig()} can build one.
     */
    public List<ConfigViolation> gaps() {
        List<ConfigViolation> out = new ArrayList<>();
        require(name, "name", out);
        require(exchange, "exchange", out);
        require(symbol, "symbol", out);
        require(mode, "mode", out);
        require(levels, "levels", out);
        require(orderQty, "orderQty", out);
        require(priceTick, "priceTick", out);
        require(qtyStep, "qtyStep", out);
        if (spacing != null && !SPACINGS.contains(spacingKey())) {
            out.add(new ConfigViolation("spacing", "must be arithmetic, geometric or percentage"));
        }
        return out;
    }

    /**
     * The configuration, absent fields taking the core's defaults; not yet validated ({@link GridConfig#validate()}).
     *
     * @throws InvalidConfigException with the {@link #gaps()} when there are any
     */
    public GridConfig toConfig() {
        List<ConfigViolation> gaps = gaps();
        if (!gaps.isEmpty()) {
            throw new InvalidConfigException(gaps);
        }
        SymbolRules rules = new SymbolRules(symbol, priceTick, qtyStep, orZero(minQty), orZero(minNotional),
                maxOpenOrders == null ? SymbolRules.DEFAULT_MAX_OPEN_ORDERS : maxOpenOrders);
        Spacing kind = switch (spacing == null ? "arithmetic" : spacingKey()) {
            case "geometric" -> new Spacing.Geometric();
            case PERCENTAGE -> new Spacing.Percentage(spacingPct, centrePrice);
            default -> new Spacing.Arithmetic();
        };
        GridConfig.Builder b = GridConfig.builder(name, rules).exchange(exchange).mode(mode).spacing(kind)
                .band(lowerPrice, upperPrice).levels(levels).orderQty(orderQty).maxPosition(maxPosition);
        ifGiven(stopLossBufferPct, b::stopLossBufferPct);
        ifGiven(refreshIntervalMs, b::refreshIntervalMs);
        ifGiven(timeInForce, b::timeInForce);
        ifGiven(positionMode, b::positionMode);
        ifGiven(makerFeeRate, b::makerFeeRate);
        ifGiven(protectiveStop, b::protectiveStop);
        ifGiven(protectiveStopTrigger, b::protectiveStopTrigger);
        ifGiven(cooldownMs, b::cooldownMs);
        ifGiven(partialFillTimeoutMs, b::partialFillTimeoutMs);
        ifGiven(logCapacity, b::logCapacity);
        return b.build();
    }

    /**
     * Whether a field counts in this document: every field does, except those of percentage spacing when the
     * spacing is another (they are then neither checked, nor stored, nor shown).
     */
    public boolean uses(String field) {
        return !PERCENTAGE_ONLY.contains(field) || (spacing != null && spacingKey().equals(PERCENTAGE));
    }

    private String spacingKey() {
        return spacing.toLowerCase(Locale.ROOT);
    }

    private static String spacingName(Spacing spacing) {
        return switch (spacing) {
            case Spacing.Arithmetic a -> "arithmetic";
            case Spacing.Geometric g -> "geometric";
            case Spacing.Percentage p -> PERCENTAGE;
        };
    }

    private static void require(Object value, String field, List<ConfigViolation> out) {
        if (value == null) {
            out.add(new ConfigViolation(field, "is required"));
        }
    }

    /** An optional field: absent, the builder keeps the core's default. */
    private static <T> void ifGiven(T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static Map<String, Class<?>> fieldTypes() {
        Map<String, Class<?>> fields = new LinkedHashMap<>();
        Arrays.stream(GridDocument.class.getRecordComponents()).forEach(c -> fields.put(c.getName(), c.getType()));
        return Collections.unmodifiableMap(fields);
    }
}
