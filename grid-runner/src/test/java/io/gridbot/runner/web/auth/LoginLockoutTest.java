package io.gridbot.runner.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.testing.ServerDatabase;
import java.nio.file.Path;
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
        ServerDatabase server = kind.equals("mariadb") ? ServerDatabase.create() : null;
        try (Database db = Database.open(server == null ? DatabaseSettings.embedded(dir) : server.settings())) {
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
            if (server != null) {
                server.close();
            }
        }
    }
}
