package io.gridbot.persistence;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A database of its own on the MySQL/MariaDB server of {@code GRID_TEST_JDBC_URL} for each test, dropped after
 * it; the test is skipped when no server is configured. Registered with {@code @RegisterExtension} by the
 * contracts' MySQL variants.
 */
final class FreshServerDatabase implements BeforeEachCallback, AfterEachCallback {

    private Database db;
    private String name;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        name = TestDatabases.newName();
        db = Database.open(TestDatabases.freshServerDatabase(name));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (db != null) {
            db.close();
            TestDatabases.dropServerDatabase(name);
            db = null;
        }
    }

    /** This test's database. */
    Database db() {
        return db;
    }
}
