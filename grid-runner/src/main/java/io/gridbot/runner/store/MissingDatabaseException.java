package io.gridbot.runner.store;

import java.nio.file.Path;

/** A command that does not create data was pointed at a data directory holding no embedded database. */
public final class MissingDatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The refusal for this data directory, with how to fix it. */
    public MissingDatabaseException(Path dataDir) {
        super("no gridbot database in " + dataDir.toAbsolutePath().normalize()
                + ": check --data-dir (or GRIDBOT_DATA_DIR), or run 'config apply', 'daemon' or 'demo' first to create one");
    }
}
