package io.gridbot.runner.store;

import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where a command finds the database: {@code GRIDBOT_DB_URL} (with {@code GRIDBOT_DB_USER} and
 * {@code GRIDBOT_DB_PASSWORD}) for MySQL/MariaDB, else the embedded database under the data directory
 * ({@code --data-dir}, {@code GRIDBOT_DATA_DIR}, or {@code ./gridbot-data}).
 */
public final class StoreOptions {

    @Option(names = "--data-dir", description = "directory of the embedded database (default: $GRIDBOT_DATA_DIR or ./gridbot-data)")
    Path dataDir;

    /** The stored grid of this name; when there is none, says so on {@code err}. */
    public static java.util.Optional<io.gridbot.persistence.config.StoredGrid> grid(Database db, String name,
            java.io.PrintWriter err) {
        var grid = db.configs().find(name);
        if (grid.isEmpty()) {
            err.println("no grid named '" + name + "'; 'grid config list' shows the stored ones");
        }
        return grid;
    }

    /** The data directory: {@code --data-dir}, {@code GRIDBOT_DATA_DIR}, or {@code ./gridbot-data}. */
    public Path dataDirectory() {
        if (dataDir != null) {
            return dataDir;
        }
        String env = System.getenv("GRIDBOT_DATA_DIR");
        return Path.of(env == null || env.isBlank() ? "gridbot-data" : env);
    }

    /**
     * Opens the database if there is one: a server's, or an embedded one created before under the data
     * directory; a check that changes nothing must not create one.
     */
    public java.util.Optional<Database> openExisting() {
        DatabaseSettings settings = DatabaseSettings.fromEnvironment(System.getenv(), dataDirectory());
        if (settings.isEmbedded() && !embeddedExists()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Database.open(settings));
    }

    /**
     * Opens (and migrates) the database. An embedded one is created on first use only in {@link OpenMode#CREATE};
     * in {@link OpenMode#EXISTING} a data directory without one is refused and nothing is created on disk.
     *
     * @throws MissingDatabaseException in {@code EXISTING} mode when the embedded database does not exist
     */
    public Database open(OpenMode mode) {
        DatabaseSettings settings = DatabaseSettings.fromEnvironment(System.getenv(), dataDirectory());
        if (mode == OpenMode.EXISTING && settings.isEmbedded() && !embeddedExists()) {
            throw new MissingDatabaseException(dataDirectory());
        }
        return Database.open(settings);
    }

    private boolean embeddedExists() {
        return java.nio.file.Files.exists(dataDirectory().resolve(DatabaseSettings.EMBEDDED_NAME + ".mv.db"));
    }
}
