package io.gridbot.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Stored notifiers on MySQL/MariaDB ({@code GRID_TEST_JDBC_URL}); skipped without a server. */
class NotifierStoreMySqlTest extends NotifierStoreContract {

    @RegisterExtension
    final ContractDatabase store = ContractDatabase.server();

    @Override
    protected Database database() {
        return store.db();
    }
}
