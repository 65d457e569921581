package io.gridbot.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The API tokens on MySQL/MariaDB ({@code GRID_TEST_JDBC_URL}); skipped without a server. */
class ApiTokenMySqlTest extends ApiTokenContract {

    @RegisterExtension
    final FreshServerDatabase server = new FreshServerDatabase();

    @Override
    protected Database database() {
        return server.db();
    }
}
