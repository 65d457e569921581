package io.gridbot.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The persistence suite on the embedded H2 database. */
class PersistenceH2Test extends PersistenceContract {

    @RegisterExtension
    final ContractDatabase store = ContractDatabase.embedded();

    @Override
    protected Database database() {
        return store.db();
    }
}
