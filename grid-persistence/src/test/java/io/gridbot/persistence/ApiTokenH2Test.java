package io.gridbot.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The API tokens on the embedded H2 database. */
class ApiTokenH2Test extends ApiTokenContract {

    @TempDir
    Path dir;

    private Database db;

    @BeforeEach
    void open() {
        db = Database.open(TestDatabases.embedded(dir));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Override
    protected Database database() {
        return db;
    }
}
