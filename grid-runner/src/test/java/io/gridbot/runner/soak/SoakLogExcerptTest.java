package io.gridbot.runner.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.log.LogEntry;
import io.gridbot.core.log.LogType;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.testing.StoredGrids;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A soak break's message carries the grid's log of the orders and lines it names, oldest first. */
class SoakLogExcerptTest {

    @TempDir
    Path dir;

    @Test
    void theEntriesOfTheNamedOrdersAndTheirLinesAreQuotedOldestFirst() {
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            long id = StoredGrids.longBtc(db, "soak-link-short");
            db.tradeLog().append(id, List.of(
                    new LogEntry(1, LogType.FILL, "entry sell filled 3 @ 7.316", "gb_64gf8djy_ES_41_mx981prq", 41),
                    new LogEntry(2, LogType.ORDER, "place entry sell 3 @ 7.35", "gb_64gf8djy_ES_45_mx981prs", 45),
                    new LogEntry(3, LogType.WARN, "reconciliation: line 41: its exit filled while the grid was down",
                            null, null),
                    new LogEntry(4, LogType.FILL, "exit buy filled 3 @ 7.3", "gb_64gf8djy_XB_41_mx982tow", 41)), 5);

            String excerpt = SoakLogExcerpt.of(db, id, "exit gb_64gf8djy_XB_41_mx982tow trade 152 booked realized PnL");

            assertThat(excerpt.lines().filter(l -> !l.isBlank()).map(String::strip).toList()).containsExactly(
                    "1 FILL gb_64gf8djy_ES_41_mx981prq entry sell filled 3 @ 7.316",
                    "3 WARN - reconciliation: line 41: its exit filled while the grid was down",
                    "4 FILL gb_64gf8djy_XB_41_mx982tow exit buy filled 3 @ 7.3");
        }
    }
}
