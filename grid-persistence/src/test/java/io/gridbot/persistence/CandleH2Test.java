package io.gridbot.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The price candles on the embedded H2 database. */
class CandleH2Test extends CandleContract {

    @RegisterExtension
    final ContractDatabase store = ContractDatabase.embedded();

    @Override
    protected Database database() {
        return store.db();
    }
}
