package io.gridbot.runner.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gridbot.core.config.GridConfig;
import io.gridbot.persistence.config.GridDocument;
import io.gridbot.runner.config.GridFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The configurations of a sweep: one base grid and, for some of its fields, lists of values; every combination
 * of the values is one configuration, validated as a grid file's grid is. A combination that fails validation
 * is kept with its problems, so that the sweep can name it and go on with the others.
 */
final class Sweep {

    /** Values are read as YAML scalars, as in a grid file: {@code 10} is a number, {@code long} a word. */
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private static final Set<String> FIELDS = Arrays.stream(GridDocument.class.getRecordComponents())
            .map(c -> c.getName()).collect(Collectors.toUnmodifiableSet());

    /** One {@code --vary field=v1,v2,...}. */
    record Variation(String field, List<String> values) {

        /** The option's value taken apart; an {@link IllegalArgumentException} says what is wrong with it. */
        static Variation parse(String option) {
            int eq = option.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--vary " + option + ": write field=value,value,... (e.g. levels=10,20,40)");
            }
            String field = option.substring(0, eq).trim();
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("--vary " + option + ": '" + field + "' is not a grid field (the grid "
                        + "file's names: " + FIELDS.stream().sorted().collect(Collectors.joining(", ")) + ")");
            }
            List<String> values = Arrays.stream(option.substring(eq + 1).split(",", -1)).map(String::trim).toList();
            if (values.stream().anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException("--vary " + option + ": a value is empty");
            }
            return new Variation(field, values);
        }
    }

    /**
     * One combination: the varied values by field, in the order of the options, and the grid they make or the
     * problems that keep them from making one.
     */
    record Configuration(Map<String, String> values, GridConfig grid, List<GridFile.Problem> problems) {

        boolean valid() {
            return grid != null;
        }

        /** {@code levels=10 mode=long}: how the table and the error lines name it. */
        String label() {
            return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        }
    }

    private Sweep() {
    }

    /** Every combination of the variations applied to the base grid (a mapping of grid fields), the first varying slowest. */
    static List<Configuration> configurations(ObjectNode base, List<Variation> variations) {
        List<Map<String, String>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (Variation v : variations) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> combo : combos) {
                for (String value : v.values()) {
                    Map<String, String> more = new LinkedHashMap<>(combo);
                    more.put(v.field(), value);
                    next.add(more);
                }
            }
            combos = next;
        }
        List<Configuration> out = new ArrayList<>();
        for (Map<String, String> combo : combos) {
            ObjectNode node = base.deepCopy();
            combo.forEach((field, value) -> node.set(field, scalar(value)));
            GridFile.Result read = GridFile.read(node);
            out.add(read.ok() ? new Configuration(combo, read.grids().get(0), List.of())
                    : new Configuration(combo, null, read.problems()));
        }
        return out;
    }

    private static JsonNode scalar(String value) {
        try {
            JsonNode node = YAML.readTree(value);
            return node == null || !node.isValueNode() ? YAML.getNodeFactory().textNode(value) : node;
        } catch (JsonProcessingException e) {
            return YAML.getNodeFactory().textNode(value);
        }
    }
}
