package io.gridbot.runner.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The login lockout counts failures against the name's one spelling, on the embedded database and on
 * MariaDB (whose collation compares names case- and accent-insensitively). The MariaDB run needs
 * {@code GRID_TEST_JDBC_URL} and uses a fresh database of its own, dropped afterwards.
 */
class LoginLockoutTest {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"embedded", "mariadb"})
    void whileANameIsLockedNoOtherSpellingOfItLogsIn(String kind) throws Exception {
        String serverDb = null;
        DatabaseSettings settings;
        if (kind.equals("embedded")) {
            settings = DatabaseSettings.embedded(dir);
        } else {
            String url = System.getenv("GRID_TEST_JDBC_URL");
            assumeTrue(url != null && !url.isBlank(), "GRID_TEST_JDBC_URL not set: MySQL tests skipped");
            serverDb = "gridbot_t_" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
            settings = freshServerDatabase(url, serverDb);
        }
        try (Database db = Database.open(settings)) {
            db.dashboardUsers().save("chaos", PasswordHash.of(PASSWORD.toCharArray()), 0);
            AtomicLong now = new AtomicLong(1_000_000);
            Authenticator auth = new Authenticator(db::dashboardUsers, now::get);
            for (int i = 0; i < Authenticator.MAX_FAILURES; i++) {
                assertThat(auth.check("chaos", ("guess " + i).toCharArray())).isEqualTo(Authenticator.Outcome.REFUSED);
            }
            assertThat(auth.check("CHAOS", PASSWORD.toCharArray())).isEqualTo(Authenticator.Outcome.LOCKED);
            assertThat(auth.check(" Chaos ", PASSWORD.toCharArray())).isEqualTo(Authenticator.Outcome.LOCKED);
            assertThat(auth.check("chaós", PASSWORD.toCharArray())).as("an accented spelling is no user")
                    .isNotEqualTo(Authenticator.Outcome.ACCEPTED);

            now.addAndGet(Authenticator.LOCK_MS);
            assertThat(auth.check("CHAOS", PASSWORD.toCharArray())).as("after the lock").isEqualTo(Authenticator.Outcome.ACCEPTED);
        } finally {
            if (serverDb != null) {
                try (var c = DriverManager.getConnection(System.getenv("GRID_TEST_JDBC_URL"), user(), password());
                     var s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + serverDb);
                }
            }
        }
    }

    private static DatabaseSettings freshServerDatabase(String url, String name) throws Exception {
        try (var c = DriverManager.getConnection(url, user(), password()); var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        int hostStart = url.indexOf("//") + 2;
        int pathStart = url.indexOf('/', hostStart);
        int query = url.indexOf('?', hostStart);
        String base = pathStart < 0 ? (query < 0 ? url : url.substring(0, query)) : url.substring(0, pathStart);
        return DatabaseSettings.server(base + "/" + name + (query < 0 ? "" : url.substring(query)), user(), password());
    }

    private static String user() {
        String user = System.getenv("GRID_TEST_JDBC_USER");
        return user == null || user.isBlank() ? "root" : user;
    }

    private static String password() {
        String password = System.getenv("GRID_TEST_JDBC_PASSWORD");
        return password == null ? "" : password;
    }
}
