package io.gridbot.persistence;

import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The outage test on MySQL/MariaDB ({@code GRID_TEST_JDBC_URL}), through a proxy the test cuts. */
class WriteBehindOutageMySqlTest extends WriteBehindOutageContract {

    private LoopbackProxy proxy;
    private Database db;
    private String name;

    @BeforeEach
    void open() throws Exception {
        name = TestDatabases.newName();
        DatabaseSettings direct = TestDatabases.freshServerDatabase(name);
        URI uri = URI.create(direct.jdbcUrl().substring("jdbc:".length()));
        proxy = new LoopbackProxy(uri.getPort() < 0 ? 3306 : uri.getPort());
        String viaProxy = "jdbc:mysql://127.0.0.1:" + proxy.port() + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        db = Database.open(new DatabaseSettings(viaProxy, direct.user(), direct.password(), 2));
    }

    @AfterEach
    void close() throws Exception {
        if (db != null) {
            db.close();
            proxy.close();
            TestDatabases.dropServerDatabase(name);
        }
    }

    @Override
    protected Database database() {
        return db;
    }

    @Override
    protected LoopbackProxy proxy() {
        return proxy;
    }
}
