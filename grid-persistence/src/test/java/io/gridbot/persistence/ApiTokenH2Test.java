package io.gridbot.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The API tokens on the embedded H2 database. */
class ApiTokenH2Test extends ApiTokenContract {

    @RegisterExtension
    final ContractDatabase store = ContractDatabase.embedded();

    @Override
    protected Database database() {
        return store.db();
    }
}
