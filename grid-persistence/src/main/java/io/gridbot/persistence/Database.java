package io.gridbot.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import io.gridbot.persistence.config.GridConfigRepository;
import io.gridbot.persistence.file.OwnerOnly;
import io.gridbot.persistence.ledger.FillRepository;
import io.gridbot.persistence.level.LevelRepository;
import io.gridbot.persistence.log.TradeLogRepository;
import io.gridbot.persistence.report.ReportRepository;
import io.gridbot.persistence.runtime.GridRuntimeRepository;
import io.gridbot.persistence.secret.CredentialStore;
import io.gridbot.persistence.secret.MasterKey;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The database: a HikariCP pool, the schema migrated by Flyway on open, and one jOOQ context in the dialect
 * of the URL. The same code runs on the embedded H2 default and on MySQL/MariaDB.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource pool;
    private final DSLContext dsl;
    private final SQLDialect dialect;

    private Database(HikariDataSource pool, SQLDialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
        this.dsl = DSL.using(pool, dialect);
    }

    static {
        // The embedded database's server (AUTO_SERVER: how the other processes of this user reach a running
        // daemon's database) listens on the loopback interface only. H2 reads this once, as its classes load.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    /**
     * Opens the pool and migrates the schema to the newest version. The embedded database's directory and
     * files are kept to their owner, and its file is opened once outside the pool first: when a killed process
     * left its lock behind, H2 takes a few seconds to see that the lock is stale, longer than the pool's
     * connection timeout, and a restart right after {@code kill -9} must not fail for that.
     */
    public static Database open(DatabaseSettings settings) {
        Optional<Path> dir = settings.embeddedDirectory();
        if (dir.isPresent()) {
            try {
                OwnerOnly.directory(dir.get());
            } catch (IOException e) {
                throw new IllegalStateException("cannot create the data directory " + dir.get() + ": " + e, e);
            }
        }
        Connection opening = dir.isPresent() ? openEmbedded(settings, dir.get()) : null;
        try {
            Database db = openPool(settings);
            dir.ifPresent(d -> OwnerOnly.files(d, DatabaseSettings.EMBEDDED_NAME + "."));
            return db;
        } finally {
            closeQuietly(opening);
        }
    }

    /** The first connection has served its purpose once the pool is open; a failure to close it changes nothing. */
    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the pool's connections keep the database open either way
            }
        }
    }

    private static Connection openEmbedded(DatabaseSettings settings, Path dir) {
        try {
            return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the embedded database in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Database openPool(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("gridbot");
        // A database that is down must cost seconds, not minutes: write-behind retries on its own schedule.
        config.setConnectionTimeout(3_000);
        config.setValidationTimeout(2_000);
        config.setInitializationFailTimeout(-1);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool, dialectOf(settings.jdbcUrl()));
    }

    /**
     * H2 for the embedded database, MySQL for servers. MariaDB is served by the MySQL dialect too, through
     * the MySQL driver: the repositories avoid the few statements whose syntax differs (upserts are an
     * update, then an insert when nothing was there).
     */
    private static SQLDialect dialectOf(String url) {
        return url.startsWith("jdbc:h2:") ? SQLDialect.H2 : SQLDialect.MYSQL;
    }

    public DSLContext dsl() {
        return dsl;
    }

    public DataSource dataSource() {
        return pool;
    }

    public SQLDialect dialect() {
        return dialect;
    }

    /**
     * Whether the database answers now: a connection from the pool passes its validation within
     * {@code timeoutSeconds}. Costs at most the pool's connection timeout (3 s) plus that while it is down;
     * false once this database is closed.
     */
    public boolean answers(int timeoutSeconds) {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(timeoutSeconds);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Reports the pool's figures (connections active, idle, pending, acquisition times) to a metrics tracker of
     * HikariCP's own interface, so the caller chooses the metrics library. Once per database: HikariCP takes
     * one tracker for the life of a pool.
     */
    public void trackPool(MetricsTrackerFactory tracker) {
        pool.setMetricsTrackerFactory(tracker);
    }

    public GridConfigRepository configs() {
        return new GridConfigRepository(dsl);
    }

    public GridRuntimeRepository runtime() {
        return new GridRuntimeRepository(dsl);
    }

    public LevelRepository levels() {
        return new LevelRepository(dsl);
    }

    public FillRepository fills() {
        return new FillRepository(dsl);
    }

    public io.gridbot.persistence.ledger.OrderIntentRepository orderIntents() {
        return new io.gridbot.persistence.ledger.OrderIntentRepository(dsl);
    }

    public io.gridbot.persistence.ledger.AccountHistoryRepository accountHistory() {
        return new io.gridbot.persistence.ledger.AccountHistoryRepository(dsl);
    }

    /** The grids' one-minute price candles. */
    public io.gridbot.persistence.candle.CandleRepository candles() {
        return new io.gridbot.persistence.candle.CandleRepository(dsl);
    }

    public TradeLogRepository tradeLog() {
        return new TradeLogRepository(dsl);
    }

    public ReportRepository reports() {
        return new ReportRepository(dsl);
    }

    public io.gridbot.persistence.user.DashboardUserRepository dashboardUsers() {
        return new io.gridbot.persistence.user.DashboardUserRepository(dsl);
    }

    public io.gridbot.persistence.token.ApiTokenRepository apiTokens() {
        return new io.gridbot.persistence.token.ApiTokenRepository(dsl);
    }

    public CredentialStore credentials(MasterKey key) {
        return new CredentialStore(dsl, key);
    }

    /** The stored notifiers, for listing and removing: their targets and secrets stay sealed. */
    public io.gridbot.persistence.notify.NotifierRepository notifiers() {
        return new io.gridbot.persistence.notify.NotifierRepository(dsl, Optional.empty());
    }

    /** The stored notifiers, their targets and secrets sealed and opened with {@code key}. */
    public io.gridbot.persistence.notify.NotifierRepository notifiers(MasterKey key) {
        return new io.gridbot.persistence.notify.NotifierRepository(dsl, Optional.of(key));
    }

    @Override
    public void close() {
        pool.close();
    }
}
