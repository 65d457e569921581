package io.gridbot.runner.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.gridbot.persistence.config.GridDocument;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes grids as a grid file that {@link GridFile} reads back to the same configurations: one grid as a mapping,
 * several under {@code grids:}. Each field is written as its kind in {@link GridDocument} asks, decimals exact
 * (as numbers, scale kept), whole numbers and true/false as such, choices and text as text; blank fields are
 * left out, so they take the defaults they had.
 */
public final class GridFileWriter {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS))
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private GridFileWriter() {
    }

    /** The grid file of these grids, each given as field name to value (the API's configuration fields). */
    public static String write(List<Map<String, String>> grids) {
        Object root = grids.size() == 1 ? grid(grids.get(0))
                : Map.of("grids", grids.stream().map(GridFileWriter::grid).toList());
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> grid(Map<String, String> fields) {
        Map<String, Object> node = new LinkedHashMap<>();
        fields.forEach((field, raw) -> {
            if (raw == null || raw.isBlank()) {
                return;
            }
            Class<?> type = GridDocument.FIELDS.get(field);
            if (type == Integer.class || type == Long.class) {
                node.put(field, Long.valueOf(raw));
            } else if (type == Boolean.class) {
                node.put(field, Boolean.valueOf(raw));
            } else if (type == BigDecimal.class) {
                node.put(field, new BigDecimal(raw)); // written plain, its scale kept: 0.010 stays 0.010
            } else {
                node.put(field, raw);
            }
        });
        return node;
    }
}
