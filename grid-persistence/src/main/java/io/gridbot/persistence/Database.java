package io.gridbot.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gridbot.persistence.config.GridConfigRepository;
import io.gridbot.persistence.ledger.FillRepository;
import io.gridbot.persistence.level.LevelRepository;
import io.gridbot.persistence.log.TradeLogRepository;
import io.gridbot.persistence.report.ReportRepository;
import io.gridbot.persistence.runtime.GridRuntimeRepository;
import io.gridbot.persistence.secret.CredentialStore;
import io.gridbot.persistence.secret.MasterKey;
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

    /** Opens the pool and migrates the schema to the newest version. */
    public static Database open(DatabaseSettings settings) {
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

    public TradeLogRepository tradeLog() {
        return new TradeLogRepository(dsl);
    }

    public ReportRepository reports() {
        return new ReportRepository(dsl);
    }

    public io.gridbot.persistence.user.DashboardUserRepository dashboardUsers() {
        return new io.gridbot.persistence.user.DashboardUserRepository(dsl);
    }

    public CredentialStore credentials(MasterKey key) {
        return new CredentialStore(dsl, key);
    }

    @Override
    public void close() {
        pool.close();
    }
}
