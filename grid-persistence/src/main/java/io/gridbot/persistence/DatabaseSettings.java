package io.gridbot.persistence;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the data lives: a JDBC URL (MySQL/MariaDB) with user and password, or the embedded default, an H2
 * file database created on first use under a data directory. The password never appears in
 * {@link #toString()}.
 *
 * @param jdbcUrl  the JDBC URL
 * @param user     the user
 * @param password the password (may be empty)
 * @param poolSize the connection pool's size
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int poolSize) {

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    }

    /** The embedded database's files are named {@code gridbot.*} in the data directory. */
    public static final String EMBEDDED_NAME = "gridbot";
    private static final String EMBEDDED_PREFIX = "jdbc:h2:file:";

    /**
     * The embedded default: {@code <dataDir>/gridbot.mv.db}, no server needed. Other processes of the same
     * user may open it too (a second terminal's commands while the daemon runs): the first process to open it
     * serves it to the others on the loopback interface only, with a key kept in its lock file, and
     * {@link Database#open} keeps the directory and its files to their owner.
     */
    public static DatabaseSettings embedded(Path dataDir) {
        String file = dataDir.toAbsolutePath().resolve(EMBEDDED_NAME).toString().replace('\\', '/');
        return new DatabaseSettings(EMBEDDED_PREFIX + file + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE",
                "sa", "", 4);
    }

    /** The data directory of an embedded database given by file, if this is one. */
    public java.util.Optional<Path> embeddedDirectory() {
        if (!jdbcUrl.startsWith(EMBEDDED_PREFIX)) {
            return java.util.Optional.empty();
        }
        int end = jdbcUrl.indexOf(';');
        Path file = Path.of(jdbcUrl.substring(EMBEDDED_PREFIX.length(), end < 0 ? jdbcUrl.length() : end));
        return java.util.Optional.ofNullable(file.toAbsolutePath().getParent());
    }

    /** A server database by URL. */
    public static DatabaseSettings server(String jdbcUrl, String user, String password) {
        return new DatabaseSettings(jdbcUrl, user, password == null ? "" : password, 8);
    }

    /** From {@code GRIDBOT_DB_URL}, {@code GRIDBOT_DB_USER}, {@code GRIDBOT_DB_PASSWORD}; embedded when unset. */
    public static DatabaseSettings fromEnvironment(java.util.Map<String, String> env, Path dataDir) {
        String url = env.get("GRIDBOT_DB_URL");
        if (url == null || url.isBlank()) {
            return embedded(dataDir);
        }
        return server(url, env.getOrDefault("GRIDBOT_DB_USER", "root"), env.getOrDefault("GRIDBOT_DB_PASSWORD", ""));
    }

    /** True for the embedded H2 database. */
    public boolean isEmbedded() {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + jdbcUrl + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***") + "]";
    }
}
