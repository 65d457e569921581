package io.gridbot.persistence.config;

import static io.gridbot.persistence.jooq.Tables.GRID_CONFIG;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.TestDatabases;
import io.gridbot.persistence.jooq.tables.records.GridConfigRecord;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.jooq.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration field is added in one place (issue 12): the {@link GridDocument} and its column in
 * {@link ConfigColumns}. With every field away from its default, the configuration goes to the document, to
 * the row and back unchanged, every column of the row is written, and every field of the core's
 * {@link GridConfig} is one the document carries (a field the document forgot would come back as its default).
 */
class GridDocumentColumnsTest {

    /** The row's own bookkeeping, not configuration. */
    private static final Set<String> BOOKKEEPING = Set.of("id", "is_active", "created_at", "updated_at");

    @TempDir
    Path dir;

    @Test
    void theTestConfigurationSetsEveryFieldOfTheCoreAndOfTheDocumentAwayFromItsDefault() throws Exception {
        GridConfig full = EveryField.config();
        GridConfig plain = EveryField.defaults();
        for (RecordComponent c : GridConfig.class.getRecordComponents()) {
            assertThat(c.getAccessor().invoke(full)).as("GridConfig." + c.getName())
                    .isNotEqualTo(c.getAccessor().invoke(plain));
        }
        GridDocument document = GridDocument.of(full);
        GridDocument plainDocument = GridDocument.of(plain);
        for (RecordComponent c : GridDocument.class.getRecordComponents()) {
            assertThat(c.getAccessor().invoke(document)).as("GridDocument." + c.getName()).isNotNull()
                    .isNotEqualTo(c.getAccessor().invoke(plainDocument));
        }
        assertThat(GridDocument.FIELDS.keySet()).containsExactly(java.util.Arrays
                .stream(GridDocument.class.getRecordComponents()).map(RecordComponent::getName).toArray(String[]::new));
    }

    @Test
    void aConfigurationGoesToTheDocumentAndBackUnchanged() {
        GridConfig full = EveryField.config();

        assertThat(GridDocument.of(full).toConfig()).isEqualTo(full);
        assertThat(GridDocument.of(EveryField.defaults()).toConfig()).isEqualTo(EveryField.defaults());
    }

    @Test
    void theDocumentGoesToEveryColumnOfTheRowAndBackUnchanged() {
        GridDocument document = GridDocument.of(EveryField.config());
        GridConfigRecord row = new GridConfigRecord();

        ConfigColumns.write(row, document);

        List<String> unwritten = java.util.Arrays.stream(row.fields())
                .filter(f -> !BOOKKEEPING.contains(f.getName().toLowerCase(java.util.Locale.ROOT)))
                .filter(f -> row.get(f) == null).map(Field::getName).toList();
        assertThat(unwritten).as("columns no field writes").isEmpty();
        assertThat(ConfigColumns.read(row)).isEqualTo(document);
    }

    @Test
    void theRowAsTheDatabaseKeepsItReadsBackAsTheSameConfiguration() {
        GridConfig full = EveryField.config();
        try (Database db = Database.open(TestDatabases.embedded(dir))) {
            // Stored around the repository's validation (hedge mode is refused there), to cover every field.
            GridConfigRecord row = db.dsl().newRecord(GRID_CONFIG);
            ConfigColumns.write(row, GridDocument.of(full));
            row.setIsActive(true);
            row.setCreatedAt(1L);
            row.setUpdatedAt(1L);
            row.store();

            assertThat(db.configs().find("every_field").orElseThrow().config()).isEqualTo(full);
            GridConfig valid = full.toBuilder().positionMode(PositionMode.ONE_WAY).build().renamed("valid");
            db.configs().create(valid.toBuilder().rules(new SymbolRules("SOLUSDT", new BigDecimal("0.01"),
                    new BigDecimal("0.01"), new BigDecimal("0.02"), new BigDecimal("20"), 150)).build(), 2);
            assertThat(db.configs().find("valid").orElseThrow().config().toBuilder().rules(full.rules()).build())
                    .isEqualTo(valid);
        }
    }
}
