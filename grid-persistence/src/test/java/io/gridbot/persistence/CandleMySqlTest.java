package io.gridbot.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The price candles on MySQL/MariaDB ({@code GRID_TEST_JDBC_URL}); skipped without a server. */
class CandleMySqlTest extends CandleContract {

    @RegisterExtension
    final ContractDatabase store = ContractDatabase.server();

    @Override
    protected Database database() {
        return store.db();
    }
}
