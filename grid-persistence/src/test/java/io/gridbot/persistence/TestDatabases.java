package io.gridbot.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * The two databases every persistence suite runs on: the embedded H2 always, MySQL/MariaDB when
 * {@code GRID_TEST_JDBC_URL} is set, each MySQL test class in a fresh database of its own.
 */
public final class TestDatabases {

    private static boolean skipNoticePrinted;

    private TestDatabases() {
    }

    public static DatabaseSettings embedded(Path dir) {
        return DatabaseSettings.embedded(dir);
    }

    /** The server URL from the environment, or the test is skipped with a message saying why. */
    public static String serverUrl() {
        String url = System.getenv("GRID_TEST_JDBC_URL");
        if (url == null || url.isBlank()) {
            synchronized (TestDatabases.class) {
                if (!skipNoticePrinted) {
                    skipNoticePrinted = true;
                    System.out.println("GRID_TEST_JDBC_URL not set: MySQL tests skipped");
                }
            }
        }
        Assumptions.assumeTrue(url != null && !url.isBlank(), "GRID_TEST_JDBC_URL not set: MySQL tests skipped");
        return url;
    }

    public static String user() {
        String user = System.getenv("GRID_TEST_JDBC_USER");
        return user == null || user.isBlank() ? "root" : user;
    }

    public static String password() {
        String password = System.getenv("GRID_TEST_JDBC_PASSWORD");
        return password == null ? "" : password;
    }

    /** Creates a fresh database on the server; returns settings pointing at it. */
    public static DatabaseSettings freshServerDatabase(String name) throws SQLException {
        String url = serverUrl();
        try (Connection c = DriverManager.getConnection(url, user(), password()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return DatabaseSettings.server(withDatabase(url, name), user(), password());
    }

    public static void dropServerDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl(), user(), password()); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
        }
    }

    public static String newName() {
        return "gridbot_t_" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }

    /** The URL with its database path replaced. */
    static String withDatabase(String url, String database) {
        int hostStart = url.indexOf("//") + 2;
        int pathStart = url.indexOf('/', hostStart);
        int query = url.indexOf('?', hostStart);
        String base = pathStart < 0 ? (query < 0 ? url : url.substring(0, query)) : url.substring(0, pathStart);
        String params = query < 0 ? "" : url.substring(query);
        return base + "/" + database + params;
    }
}
