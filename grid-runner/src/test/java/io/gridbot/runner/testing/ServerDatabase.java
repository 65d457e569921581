package io.gridbot.runner.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gridbot.persistence.DatabaseSettings;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh database of its own on the MySQL/MariaDB server of {@code GRID_TEST_JDBC_URL} (user
 * {@code GRID_TEST_JDBC_USER}, password {@code GRID_TEST_JDBC_PASSWORD}), dropped on close; the test is skipped
 * when the variable is not set.
 */
public final class ServerDatabase implements AutoCloseable {

    private final String serverUrl;
    private final String name;
    private final DatabaseSettings settings;

    private ServerDatabase(String serverUrl, String name, DatabaseSettings settings) {
        this.serverUrl = serverUrl;
        this.name = name;
        this.settings = settings;
    }

    /** Creates the database, or skips the test without a server. */
    public static ServerDatabase create() throws SQLException {
        String url = System.getenv("GRID_TEST_JDBC_URL");
        assumeTrue(url != null && !url.isBlank(), "GRID_TEST_JDBC_URL not set: MySQL tests skipped");
        String name = "gridbot_t_" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        try (var c = DriverManager.getConnection(url, user(), password()); var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        int hostStart = url.indexOf("//") + 2;
        int pathStart = url.indexOf('/', hostStart);
        int query = url.indexOf('?', hostStart);
        String base = pathStart < 0 ? (query < 0 ? url : url.substring(0, query)) : url.substring(0, pathStart);
        String own = base + "/" + name + (query < 0 ? "" : url.substring(query));
        return new ServerDatabase(url, name, DatabaseSettings.server(own, user(), password()));
    }

    /** Where the database is. */
    public DatabaseSettings settings() {
        return settings;
    }

    public static String user() {
        String user = System.getenv("GRID_TEST_JDBC_USER");
        return user == null || user.isBlank() ? "root" : user;
    }

    public static String password() {
        String password = System.getenv("GRID_TEST_JDBC_PASSWORD");
        return password == null ? "" : password;
    }

    @Override
    public void close() throws SQLException {
        try (var c = DriverManager.getConnection(serverUrl, user(), password()); var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
        }
    }
}
