package io.gridbot.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A database of its own for each test of a repository contract, gone after it: an embedded one in a fresh
 * folder, or one on the MySQL/MariaDB server of {@code GRID_TEST_JDBC_URL} (the test is skipped when no server
 * is configured). Registered with {@code @RegisterExtension} by the contracts' H2 and MySQL variants.
 */
final class ContractDatabase implements BeforeEachCallback, AfterEachCallback {

    private final boolean server;
    private Database db;
    private String name;
    private Path dir;

    private ContractDatabase(boolean server) {
        this.server = server;
    }

    /** The embedded database, in a folder of its own. */
    static ContractDatabase embedded() {
        return new ContractDatabase(false);
    }

    /** A fresh database on the configured server. */
    static ContractDatabase server() {
        return new ContractDatabase(true);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (server) {
            name = TestDatabases.newName();
            db = Database.open(TestDatabases.freshServerDatabase(name));
        } else {
            dir = Files.createTempDirectory("gridbot-contract");
            db = Database.open(TestDatabases.embedded(dir));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (db != null) {
            db.close();
            db = null;
            if (server) {
                TestDatabases.dropServerDatabase(name);
            }
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
            dir = null;
        }
    }

    /** This test's database. */
    Database db() {
        return db;
    }
}
