package io.gridbot.persistence;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The API tokens on MySQL/MariaDB ({@code GRID_TEST_JDBC_URL}); skipped without a server. */
class ApiTokenMySqlTest extends ApiTokenContract {

    private Database db;
    private String name;

    @BeforeEach
    void open() throws Exception {
        name = TestDatabases.newName();
        db = Database.open(TestDatabases.freshServerDatabase(name));
    }

    @AfterEach
    void close() throws Exception {
        if (db != null) {
            db.close();
            TestDatabases.dropServerDatabase(name);
        }
    }

    @Override
    protected Database database() {
        return db;
    }
}
