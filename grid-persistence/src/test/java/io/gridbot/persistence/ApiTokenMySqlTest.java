package io.gridbot.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The API tokens on MySQL/MariaDB ({@code GRID_TEST_JDBC_URL}); skipped without a server. */
class ApiTokenMySqlTest extends ApiTokenContract {

    @RegisterExtension
    final ContractDatabase store = ContractDatabase.server();

    @Override
    protected Database database() {
        return store.db();
    }
}
