package io.gridbot.runner.web.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridbot.core.config.GridConfig;
import io.gridbot.persistence.config.GridDocument;
import io.gridbot.runner.config.GridFile;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The configuration form: a stored grid as field values, and field values back to a grid, validated by the
 * same rules as a YAML file ({@link GridFile}) so the dashboard and {@code grid config} never disagree. The
 * fields, their kinds and the drop-downs' choices are those of {@link GridDocument}; the page lays them out.
 */
public final class ConfigForm {

    /** The key of problems that belong to no single field. */
    public static final String WHOLE_FORM = "_form";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Writes a document's values as the form shows them: decimals exact, choices in lower case. */
    private static final ObjectMapper FORM = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
            .build();

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

    /**
     * The choices of the form's drop-downs: the venues found at run time ({@code venues}), the spacings, and the
     * constants of every enum field.
     */
    public static Map<String, List<String>> choices(List<String> venues) {
        Map<String, List<String>> choices = new LinkedHashMap<>();
        choices.put("exchange", List.copyOf(venues));
        GridDocument.FIELDS.forEach((field, type) -> {
            if (field.equals("spacing")) {
                choices.put(field, GridDocument.SPACINGS);
            } else if (type.isEnum()) {
                choices.put(field, Arrays.stream(type.getEnumConstants())
                        .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).toList());
            }
        });
        return choices;
    }

    /**
     * A stored grid as the form's fields, every field of its {@link GridDocument} as text (an absent one blank),
     * except those its spacing does not use.
     */
    public static Map<String, String> fields(GridConfig c) {
        GridDocument document = GridDocument.of(c);
        Map<String, Object> values = FORM.convertValue(document, new TypeReference<LinkedHashMap<String, Object>>() {
        });
        Map<String, String> fields = new LinkedHashMap<>();
        values.forEach((field, value) -> {
            if (document.uses(field)) {
                fields.put(field, value == null ? "" : value instanceof BigDecimal d ? d.toPlainString() : value.toString());
            }
        });
        return fields;
    }

    /**
     * Reads submitted fields as a grid file would be read; blank ones are left out, so the file's defaults apply.
     * A form sends only text, so a whole-number field's digits are given as a number and a true/false field's
     * word as a boolean, as a file would write them; anything else stays text for the field to refuse.
     */
    public static Outcome read(Map<String, String> submitted) {
        ObjectNode grid = JSON.createObjectNode();
        submitted.forEach((name, raw) -> {
            String value = raw == null ? "" : raw.trim();
            if (value.isEmpty()) {
                return;
            }
            Class<?> type = GridDocument.FIELDS.get(name);
            if ((type == Integer.class || type == Long.class) && value.matches("-?\\d{1,18}")) {
                grid.put(name, Long.parseLong(value));
            } else if (type == Boolean.class && (value.equals("true") || value.equals("false"))) {
                grid.put(name, Boolean.parseBoolean(value));
            } else {
                grid.put(name, value);
            }
        });
        ObjectNode file = JSON.createObjectNode();
        file.putArray("grids").add(grid);
        GridFile.Result result = GridFile.read(file);
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
}
