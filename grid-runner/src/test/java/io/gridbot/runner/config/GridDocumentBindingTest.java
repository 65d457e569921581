package io.gridbot.runner.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.PositionMode;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.persistence.config.EveryField;
import io.gridbot.persistence.config.GridDocument;
import io.gridbot.runner.web.config.ConfigForm;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration field is added in one place (issue 12): the file and the form are bound to the
 * {@link GridDocument} by its components, so a configuration with every field away from its default goes file →
 * document → configuration → form → configuration → database → configuration unchanged, and the form shows
 * exactly the document's fields. (grid-persistence's {@code GridDocumentColumnsTest} covers the columns.)
 */
class GridDocumentBindingTest {

    /** How a user would write the document as a file: choices in lower case, decimals as written. */
    private static final ObjectMapper YAML_OUT = JsonMapper.builder(new YAMLFactory())
            .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE).enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    /** How {@link GridFile} reads a file into a tree: decimals exact, as written. */
    private static final ObjectMapper YAML_IN = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false).build();

    @TempDir
    Path dir;

    private static String file(GridConfig config) throws Exception {
        return YAML_OUT.writeValueAsString(GridDocument.of(config));
    }

    @Test
    void everyFieldOfAFileIsBoundToTheDocument() throws Exception {
        GridConfig full = EveryField.config(); // hedge mode too: binding does not validate
        ObjectNode tree = (ObjectNode) YAML_IN.readTree(file(full));
        assertThat(tree.properties()).extracting(Map.Entry::getKey)
                .containsExactlyElementsOf(GridDocument.FIELDS.keySet());

        DocumentBinding.Bound bound = DocumentBinding.bind(tree);

        assertThat(bound.problems()).isEmpty();
        assertThat(bound.unknown()).isEmpty();
        assertThat(bound.document()).isEqualTo(GridDocument.of(full));
        assertThat(bound.document().toConfig()).isEqualTo(full);
    }

    @Test
    void aConfigurationWithEveryFieldSetGoesThroughTheFileTheFormAndTheDatabaseUnchanged() throws Exception {
        GridConfig full = EveryField.config().toBuilder().positionMode(PositionMode.ONE_WAY).build(); // hedge is refused

        GridFile.Result read = GridFile.read(new StringReader(file(full)));
        assertThat(read.problems()).isEmpty();
        assertThat(read.grids()).containsExactly(full);

        Map<String, String> fields = ConfigForm.fields(full);
        assertThat(fields.keySet()).containsExactlyElementsOf(GridDocument.FIELDS.keySet());
        assertThat(fields.values()).doesNotContain("");
        ConfigForm.Outcome submitted = ConfigForm.read(fields);
        assertThat(submitted.problems()).isEmpty();
        assertThat(submitted.config()).isEqualTo(full);

        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            db.configs().create(full, 1);
            assertThat(db.configs().find(full.name()).orElseThrow().config()).isEqualTo(full);
        }
    }

    @Test
    void aFieldsKindInTheDocumentDecidesWhatTheFileAndTheFormAccept() {
        assertThat(DocumentBinding.bind(tree("levels: '20'\nprotectiveStop: 'true'\norderQty: '0.010'\nmode: Long\n"))
                .problems()).extracting(Object::toString).contains("levels: must be a whole number, was '20'",
                        "protectiveStop: must be true or false").noneMatch(p -> p.startsWith("orderQty")
                        || p.startsWith("mode"));
        assertThat(ConfigForm.read(Map.of("levels", "20", "protectiveStop", "true")).problems())
                .doesNotContainKeys("levels", "protectiveStop");
    }

    private static ObjectNode tree(String yaml) {
        try {
            return (ObjectNode) YAML_IN.readTree(yaml);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
