package io.gridbot.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Stored notifiers on the embedded H2 database. */
class NotifierStoreH2Test extends NotifierStoreContract {

    @RegisterExtension
    final ContractDatabase store = ContractDatabase.embedded();

    @Override
    protected Database database() {
        return store.db();
    }
}
