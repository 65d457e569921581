package io.gridbot.runner.daemon;

import io.gridbot.persistence.config.StoredGrid;
import io.gridbot.runner.engine.GridEngine;
import io.gridbot.runner.store.PersistentJournal;

/**
 * A grid this daemon hosts: the configuration it was hosted with, its engine, its journal and its driver.
 *
 * @param stored  the stored grid as it was when hosted
 * @param engine  its engine
 * @param journal where its records go
 * @param driver  what pumps its engine
 * @param hostedAtMs when this daemon began hosting it
 */
record HostedGrid(StoredGrid stored, GridEngine engine, PersistentJournal journal, GridDriver driver, long hostedAtMs) {

    long id() {
        return stored.id();
    }

    String name() {
        return stored.config().name();
    }
}
