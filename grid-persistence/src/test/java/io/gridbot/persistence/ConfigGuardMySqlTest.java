package io.gridbot.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The configuration guards on MySQL/MariaDB ({@code GRID_TEST_JDBC_URL}); skipped without a server. */
class ConfigGuardMySqlTest extends ConfigGuardContract {

    @RegisterExtension
    final ContractDatabase store = ContractDatabase.server();

    @Override
    protected Database database() {
        return store.db();
    }
}
