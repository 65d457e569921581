package io.gridbot.runner.web.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.core.spacing.Spacing;
import io.gridbot.runner.config.GridFile;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The configuration form: a stored grid as field values, and field values back to a grid, validated by the
 * same rules as a YAML file ({@link GridFile}) so the dashboard and {@code grid config} never disagree.
 */
public final class ConfigForm {

    /** The key of problems that belong to no single field. */
    public static final String WHOLE_FORM = "_form";
    private static final Set<String> WHOLE_NUMBERS = Set.of("levels", "refreshIntervalMs", "cooldownMs",
            "partialFillTimeoutMs", "logCapacity", "maxOpenOrders");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A submitted form's outcome: the grid when valid, else each field's problem.
     *
     * @param config   the grid, or {@code null}
     * @param problems field name to reason; empty when valid
     */
    public record Outcome(GridConfig config, Map<String, String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private ConfigForm() {
    }

    /** The choices of the form's drop-downs. */
    public static Map<String, List<String>> choices() {
        return Map.of("mode", names(GridMode.values()), "spacing", List.of("arithmetic", "geometric", "percentage"),
                "timeInForce", names(TimeInForce.values()), "positionMode", names(PositionMode.values()),
                "protectiveStopTrigger", names(StopTrigger.values()));
    }

    /** A stored grid as the form's fields. */
    public static Map<String, String> fields(GridConfig c) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", c.name());
        f.put("exchange", c.exchange());
        f.put("symbol", c.symbol());
        f.put("mode", c.mode().name().toLowerCase(Locale.ROOT));
        switch (c.spacing()) {
            case Spacing.Arithmetic a -> f.put("spacing", "arithmetic");
            case Spacing.Geometric g -> f.put("spacing", "geometric");
            case Spacing.Percentage p -> {
                f.put("spacing", "percentage");
                f.put("spacingPct", plain(p.percent()));
                f.put("centrePrice", plain(p.centre()));
            }
        }
        f.put("lowerPrice", plain(c.lowerPrice()));
        f.put("upperPrice", plain(c.upperPrice()));
        f.put("levels", Integer.toString(c.levels()));
        f.put("orderQty", plain(c.orderQty()));
        f.put("maxPosition", plain(c.maxPosition()));
        f.put("stopLossBufferPct", plain(c.stopLossBufferPct()));
        f.put("refreshIntervalMs", Long.toString(c.refreshIntervalMs()));
        f.put("timeInForce", c.timeInForce().name().toLowerCase(Locale.ROOT));
        f.put("positionMode", c.positionMode().name().toLowerCase(Locale.ROOT));
        f.put("makerFeeRate", plain(c.makerFeeRate()));
        f.put("protectiveStop", Boolean.toString(c.protectiveStop()));
        f.put("protectiveStopTrigger", c.protectiveStopTrigger().name().toLowerCase(Locale.ROOT));
        f.put("cooldownMs", Long.toString(c.cooldownMs()));
        f.put("partialFillTimeoutMs", Long.toString(c.partialFillTimeoutMs()));
        f.put("logCapacity", Integer.toString(c.logCapacity()));
        f.put("priceTick", plain(c.rules().tickSize()));
        f.put("qtyStep", plain(c.rules().stepSize()));
        f.put("minQty", plain(c.rules().minQty()));
        f.put("minNotional", plain(c.rules().minNotional()));
        f.put("maxOpenOrders", Integer.toString(c.rules().maxOpenOrders()));
        return f;
    }

    /** Reads submitted fields; blank ones are left out, so the file format's defaults apply. */
    public static Outcome read(Map<String, String> submitted) {
        ObjectNode grid = JSON.createObjectNode();
        submitted.forEach((name, raw) -> {
            String value = raw == null ? "" : raw.trim();
            if (value.isEmpty()) {
                return;
            }
            if (WHOLE_NUMBERS.contains(name) && value.matches("-?\\d{1,18}")) {
                grid.put(name, Long.parseLong(value));
            } else if (name.equals("protectiveStop") && (value.equals("true") || value.equals("false"))) {
                grid.put(name, Boolean.parseBoolean(value));
            } else {
                grid.put(name, value);
            }
        });
        ObjectNode file = JSON.createObjectNode();
        file.putArray("grids").add(grid);
        GridFile.Result result = GridFile.read(new StringReader(file.toString()));
        if (result.ok()) {
            return new Outcome(result.grids().get(0), Map.of());
        }
        return new Outcome(null, problems(result.problems()));
    }

    /** Problems by field, for the form to show each under its field. */
    public static Map<String, String> problems(List<GridFile.Problem> found) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (GridFile.Problem p : found) {
            problems.merge(p.field() == null ? WHOLE_FORM : p.field(), p.reason(), (a, b) -> a + "; " + b);
        }
        return problems;
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
    }
}
