package io.gridbot.runner.web.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A configuration form's JSON body as field values, with the fields sent more than once: a body that names a
 * field twice is refused, as a grid file is, never read as its last value.
 *
 * @param fields   each field's value as text, blank for null
 * @param repeated the fields that appeared more than once
 */
@JsonDeserialize(using = SubmittedFields.Reader.class)
public record SubmittedFields(Map<String, String> fields, List<String> repeated) {

    /** Reads a JSON object field by field, keeping the first value of a repeated field. */
    static final class Reader extends JsonDeserializer<SubmittedFields> {
        @Override
        public SubmittedFields deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Map<String, String> fields = new LinkedHashMap<>();
            List<String> repeated = new ArrayList<>();
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                return new SubmittedFields(fields, repeated);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                JsonNode value = p.readValueAsTree();
                String text = value == null || value.isNull() ? "" : value.asText();
                if (fields.putIfAbsent(name, text) != null && !repeated.contains(name)) {
                    repeated.add(name);
                }
            }
            return new SubmittedFields(fields, repeated);
        }
    }
}
