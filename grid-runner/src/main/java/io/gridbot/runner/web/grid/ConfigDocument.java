package io.gridbot.runner.web.grid;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gridbot.core.config.GridConfig;
import io.gridbot.core.status.GridStatus;
import io.gridbot.persistence.config.GridDocument;
import io.gridbot.runner.web.config.ConfigForm;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stored grid's configuration as the API serves it: every field of its {@link GridDocument} as text (an absent
 * one blank), the form's fields, and its lifecycle state.
 *
 * @param fields field name to value, in the document's order
 * @param status the grid's state, e.g. {@code RUNNING}
 */
public record ConfigDocument(Map<String, String> fields, String status) {

    /** Reads the fields back as written by {@link ConfigForm#fields}: exact decimals, choices in any case. */
    private static final ObjectMapper FIELDS = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    public ConfigDocument {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The document of a stored configuration in this state. */
    public static ConfigDocument of(GridConfig config, GridStatus status) {
        return new ConfigDocument(ConfigForm.fields(config), status.name());
    }

    /** The grid's name. */
    public String name() {
        return fields.get("name");
    }

    /**
     * The configuration these fields describe. They are a stored grid's, already checked when it was stored, so
     * they are read as they are written, without the checks of a file a person wrote.
     */
    public GridConfig config() {
        Map<String, String> given = new LinkedHashMap<>();
        fields.forEach((field, value) -> {
            if (value != null && !value.isBlank()) {
                given.put(field, value);
            }
        });
        return FIELDS.convertValue(given, GridDocument.class).toConfig();
    }
}
