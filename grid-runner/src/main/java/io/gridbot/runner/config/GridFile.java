package io.gridbot.runner.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gridbot.core.config.ConfigViolation;
import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.core.spacing.Spacing;
import io.gridbot.persistence.config.ConfigColumns;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads grid configurations from YAML: one grid as a mapping, or several under {@code grids:}. Every
 * problem is reported with the grid and the field at fault, and a file with any problem yields no grid, so
 * a half-valid file never starts half a fleet.
 */
public final class GridFile {

    /** The fields a grid may have, as written in YAML. */
    public static final Set<String> FIELDS = Set.of("name", "exchange", "symbol", "mode", "spacing", "spacingPct",
            "centrePrice", "lowerPrice", "upperPrice", "levels", "orderQty", "maxPosition", "stopLossBufferPct",
            "refreshIntervalMs", "timeInForce", "positionMode", "makerFeeRate", "protectiveStop", "protectiveStopTrigger", "cooldownMs",
            "partialFillTimeoutMs", "logCapacity", "priceTick", "qtyStep", "minQty", "minNotional", "maxOpenOrders");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION); // a key given twice is a mistake, not the last word

    /**
     * One problem in a file.
     *
     * @param grid   the grid's name, or its position ({@code #2}) when it has none
     * @param field  the field at fault, or {@code null} for the file as a whole
     * @param reason what is wrong
     */
    public record Problem(String grid, String field, String reason) {
        @Override
        public String toString() {
            return (grid == null ? "" : "grid " + grid + ": ") + (field == null ? "" : field + ": ") + reason;
        }
    }

    /** The outcome: the grids when there is no problem, else only the problems. */
    public record Result(List<GridConfig> grids, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private GridFile() {
    }

    /** Parses and validates; never throws for bad content. */
    public static Result read(Reader reader) {
        JsonNode root;
        try {
            root = YAML.readTree(reader);
        } catch (IOException e) {
            return new Result(List.of(), List.of(YamlFailure.of(e)));
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new Result(List.of(), List.of(new Problem(null, null, "the file is empty")));
        }
        if (root.has("grids")) {
            if (!root.get("grids").isArray()) {
                return new Result(List.of(), List.of(new Problem(null, "grids", "must be a list of grids")));
            }
            root.get("grids").forEach(nodes::add);
        } else {
            nodes.add(root);
        }
        List<GridConfig> grids = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            GridConfig config = parse(nodes.get(i), "#" + (i + 1), problems);
            if (config != null) {
                if (!names.add(config.name())) {
                    problems.add(new Problem(config.name(), "name", "appears twice in the file"));
                }
                grids.add(config);
            }
        }
        return problems.isEmpty() ? new Result(List.copyOf(grids), List.of()) : new Result(List.of(), problems);
    }

    private static GridConfig parse(JsonNode node, String position, List<Problem> problems) {
        if (!(node instanceof ObjectNode object)) {
            problems.add(new Problem(position, null, "must be a mapping of fields"));
            return null;
        }
        String label = node.hasNonNull("name") ? node.get("name").asText() : position;
        GridFields f = new GridFields(object, label, problems);
        for (var property : object.properties()) {
            String key = property.getKey();
            if (!FIELDS.contains(key)) {
                problems.add(new Problem(label, key, "is not a grid field"));
            }
        }
        int before = problems.size();
        f.require("name", "exchange", "symbol", "mode", "levels", "orderQty", "priceTick", "qtyStep");
        // Every field is read before giving up, so one run lists every problem.
        BigDecimal tick = f.decimal("priceTick", null);
        BigDecimal step = f.decimal("qtyStep", null);
        BigDecimal minQty = f.decimal("minQty", BigDecimal.ZERO);
        BigDecimal minNotional = f.decimal("minNotional", BigDecimal.ZERO);
        int maxOpenOrders = f.integer("maxOpenOrders", SymbolRules.DEFAULT_MAX_OPEN_ORDERS);
        GridMode mode = f.enumValue("mode", GridMode.class, null);
        Spacing spacing = switch (f.text("spacing", "arithmetic").toLowerCase(Locale.ROOT)) {
            case "arithmetic" -> new Spacing.Arithmetic();
            case "geometric" -> new Spacing.Geometric();
            case "percentage" -> new Spacing.Percentage(f.decimal("spacingPct", null), f.decimal("centrePrice", null));
            default -> {
                problems.add(new Problem(label, "spacing", "must be arithmetic, geometric or percentage"));
                yield null;
            }
        };
        BigDecimal lower = f.decimal("lowerPrice", null);
        BigDecimal upper = f.decimal("upperPrice", null);
        int levels = f.integer("levels", 0);
        BigDecimal orderQty = f.decimal("orderQty", null);
        BigDecimal maxPosition = f.decimal("maxPosition", null);
        GridConfig.Builder builder = GridConfig.builder(f.text("name", null), null);
        f.ifPresent("stopLossBufferPct", n -> builder.stopLossBufferPct(f.decimal("stopLossBufferPct", null)));
        f.ifPresent("refreshIntervalMs", n -> builder.refreshIntervalMs(f.integer("refreshIntervalMs", 0)));
        f.ifPresent("timeInForce", n -> builder.timeInForce(f.enumValue("timeInForce", TimeInForce.class, TimeInForce.GTC)));
        f.ifPresent("positionMode", n -> builder.positionMode(
                f.enumValue("positionMode", PositionMode.class, PositionMode.ONE_WAY)));
        f.ifPresent("makerFeeRate", n -> builder.makerFeeRate(f.decimal("makerFeeRate", null)));
        f.ifPresent("protectiveStop", n -> builder.protectiveStop(f.bool("protectiveStop")));
        f.ifPresent("protectiveStopTrigger", n -> builder.protectiveStopTrigger(
                f.enumValue("protectiveStopTrigger", StopTrigger.class, StopTrigger.LAST)));
        f.ifPresent("cooldownMs", n -> builder.cooldownMs(f.integer("cooldownMs", 0)));
        f.ifPresent("partialFillTimeoutMs", n -> builder.partialFillTimeoutMs(f.integer("partialFillTimeoutMs", 0)));
        f.ifPresent("logCapacity", n -> builder.logCapacity(f.integer("logCapacity", 0)));
        if (problems.size() > before) {
            return null;
        }
        SymbolRules rules = new SymbolRules(f.text("symbol", ""), tick, step, minQty, minNotional, maxOpenOrders);
        builder.rules(rules).exchange(f.text("exchange", null)).mode(mode).spacing(spacing).band(lower, upper)
                .levels(levels).orderQty(orderQty).maxPosition(maxPosition);
        GridConfig config = builder.build();
        List<ConfigViolation> misfits = ConfigColumns.misfits(config); // the texts; decimals were checked as read
        for (ConfigViolation v : misfits.isEmpty() ? config.validate() : misfits) {
            problems.add(new Problem(label, v.field(), v.reason()));
        }
        return problems.size() > before ? null : config;
    }

}
