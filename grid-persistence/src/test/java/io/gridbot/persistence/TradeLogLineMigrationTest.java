package io.gridbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: V18 turns the trade log's centre-relative level index into the line numbered from 0 at the
 * bottom, on the embedded database and on MariaDB: from the entry's order where it names one, else from the
 * grid's stored levels, else none.
 */
class TradeLogLineMigrationTest {

    @TempDir
    Path dir;

    @Test
    void oldEntriesTakeTheirOrdersLineOrAreShiftedByTheStoredCentreOnTheEmbeddedDatabase() throws Exception {
        convertsOldEntries(DatabaseSettings.embedded(dir));
    }

    @Test
    void oldEntriesTakeTheirOrdersLineOrAreShiftedByTheStoredCentreOnMariaDb() throws Exception {
        String name = TestDatabases.newName();
        DatabaseSettings settings = TestDatabases.freshServerDatabase(name);
        try {
            convertsOldEntries(settings);
        } finally {
            TestDatabases.dropServerDatabase(name);
        }
    }

    private static void convertsOldEntries(DatabaseSettings settings) throws Exception {
        Flyway before = Flyway.configure().dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations("classpath:db/migration").target("16").load();
        before.migrate();
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
                Statement s = c.createStatement()) {
            // Grid 1 has 21 lines, its centre line 10; grid 2 has no stored levels.
            s.execute("INSERT INTO grid_level (config_id, line, level_index, price, status, order_seq, entry_filled,"
                    + " exit_filled, blocked_until, updated_at) VALUES (1, 10, 0, 26000, 'IDLE', 0, 0, 0, 0, 0),"
                    + " (1, 3, -7, 25300, 'IDLE', 0, 0, 0, 0, 0)");
            s.execute("INSERT INTO order_intent (config_id, client_order_id, line, level_index, side, order_type,"
                    + " reduce_only, status, filled, created_at) VALUES (1, 'c12', 12, 2, 'BUY', 'LIMIT', FALSE,"
                    + " 'NEW', 0, 0)");
            s.execute("INSERT INTO trade_log (config_id, log_type, detail, ts, order_id, level_index, created_at) VALUES"
                    + " (1, 'FILL', 'by its order', 1, 'c12', 2, 0),"
                    + " (1, 'WARN', 'by the centre', 2, NULL, -3, 0),"
                    + " (1, 'ORDER', 'an order not recorded', 3, 'gone', -1, 0),"
                    + " (1, 'INFO', 'no level', 4, NULL, NULL, 0),"
                    + " (2, 'INFO', 'a grid without levels', 5, NULL, 1, 0)");
        }
        Flyway.configure().dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations("classpath:db/migration").load().migrate();

        Map<String, Integer> lines = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
                Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT detail, line FROM trade_log ORDER BY ts")) {
            while (r.next()) {
                int line = r.getInt(2);
                Integer stored = r.wasNull() ? null : line;
                lines.put(r.getString(1), stored);
            }
        }
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("by its order", 12);
        expected.put("by the centre", 7);
        expected.put("an order not recorded", 9);
        expected.put("no level", null);
        expected.put("a grid without levels", null);
        assertThat(lines).containsExactlyEntriesOf(expected);
    }
}
