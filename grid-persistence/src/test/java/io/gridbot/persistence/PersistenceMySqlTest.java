package io.gridbot.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The persistence suite on MySQL/MariaDB ({@code GRID_TEST_JDBC_URL}); skipped without a server. */
class PersistenceMySqlTest extends PersistenceContract {

    @RegisterExtension
    final ContractDatabase store = ContractDatabase.server();

    @Override
    protected Database database() {
        return store.db();
    }
}
