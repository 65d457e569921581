package io.gridbot.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The persistence suite on MySQL/MariaDB ({@code GRID_TEST_JDBC_URL}); skipped without a server. */
class PersistenceMySqlTest extends PersistenceContract {

    @RegisterExtension
    final FreshServerDatabase server = new FreshServerDatabase();

    @Override
    protected Database database() {
        return server.db();
    }
}
