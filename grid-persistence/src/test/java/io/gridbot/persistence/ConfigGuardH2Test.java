package io.gridbot.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The configuration guards on the embedded H2 database. */
class ConfigGuardH2Test extends ConfigGuardContract {

    @RegisterExtension
    final ContractDatabase store = ContractDatabase.embedded();

    @Override
    protected Database database() {
        return store.db();
    }
}
