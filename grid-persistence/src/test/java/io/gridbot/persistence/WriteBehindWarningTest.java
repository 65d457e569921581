package io.gridbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.gridbot.core.log.LogEntry;
import io.gridbot.core.log.LogType;
import io.gridbot.persistence.log.TradeLogRepository;
import io.gridbot.persistence.writebehind.WriteBehind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The outage warning of the write-behind, as documented: "database unreachable; N entries wait in memory"
 * when the first write meets the outage, whatever kind of write it is (the daemon's first ones are order
 * records), again every minute of the write-behind's clock while it lasts, and a note when it ends. The
 * database is a real one whose connections the test can refuse; the test drives the clock and the flushes.
 */
class WriteBehindWarningTest {

    @TempDir
    Path dir;

    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(WriteBehind.class);
    private Database db;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseSettings.embedded(dir));
        captured.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        captured.start();
        logger.addAppender(captured);
    }

    @AfterEach
    void close() {
        logger.detachAppender(captured);
        db.close();
    }

    /** The database's connections, refused while {@code down}. */
    private DSLContext reachable() {
        return DSL.using(new ConnectionProvider() {
            @Override
            public Connection acquire() {
                if (down.get()) {
                    throw new DataAccessException("connection refused (the test cut the database)");
                }
                try {
                    return db.dataSource().getConnection();
                } catch (SQLException e) {
                    throw new DataAccessException("no connection", e);
                }
            }

            @Override
            public void release(Connection connection) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    throw new DataAccessException("close failed", e);
                }
            }
        }, SQLDialect.H2);
    }

    private List<String> warnings() {
        return captured.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void anOutageMetByAnOrderRecordWarnsAtOnceWithTheBacklogAndAgainEveryMinute() {
        long id = db.configs().create(PersistenceContract.grid("g"), 0);
        DSLContext dsl = reachable();
        TradeLogRepository logs = new TradeLogRepository(dsl);
        WriteBehind writes = new WriteBehind(logs, db.fills(), WriteBehind.DEFAULT_RETRY_MS, 200, now::get);

        down.set(true);
        writes.task(() -> logs.append(id, List.of(new LogEntry(1, LogType.ORDER, "order record", null, null)), now.get()));
        writes.log(id, new LogEntry(2, LogType.INFO, "an entry", null, null));
        assertThat(writes.flush()).isFalse();
        assertThat(warnings()).singleElement().asString()
                .startsWith("database unreachable; 2 entries wait in memory, retrying every 10000 ms");
        assertThat(writes.healthy()).isFalse();

        writes.log(id, new LogEntry(3, LogType.INFO, "another", null, null));
        now.addAndGet(WriteBehind.DEFAULT_RETRY_MS);
        assertThat(writes.flush()).isFalse();
        assertThat(warnings()).as("no warning at every retry").hasSize(1);

        now.addAndGet(WriteBehind.WARN_EVERY_MS - WriteBehind.DEFAULT_RETRY_MS);
        assertThat(writes.flush()).isFalse();
        assertThat(warnings()).as("a minute on").hasSize(2).last().asString()
                .startsWith("database unreachable; 3 entries wait in memory");

        down.set(false);
        now.addAndGet(WriteBehind.DEFAULT_RETRY_MS);
        assertThat(writes.flush()).isTrue();
        assertThat(writes.healthy()).isTrue();
        assertThat(writes.backlog()).isZero();
        assertThat(captured.list).last().extracting(ILoggingEvent::getFormattedMessage).asString()
                .isEqualTo("database reachable again after 70000 ms; backlog written");
        assertThat(db.tradeLog().count(id)).isEqualTo(3);
    }

    @Test
    void theWritersRoundsRetryAnOutageOnlyOnceTheRetryWaitHasPassedOnTheTimeTheyAreGiven() {
        long id = db.configs().create(PersistenceContract.grid("g"), 0);
        TradeLogRepository logs = new TradeLogRepository(reachable());
        WriteBehind writes = new WriteBehind(logs, db.fills(), WriteBehind.DEFAULT_RETRY_MS, 200, now::get);
        long t = 5_000;

        writes.log(id, new LogEntry(1, LogType.INFO, "stored at once", null, null));
        assertThat(writes.doWork(t)).as("healthy: due again at once").isEqualTo(t);
        assertThat(db.tradeLog().count(id)).isEqualTo(1);

        down.set(true);
        writes.log(id, new LogEntry(2, LogType.INFO, "waits", null, null));
        assertThat(writes.doWork(t)).as("down: the next try after the retry wait").isEqualTo(t + WriteBehind.DEFAULT_RETRY_MS);
        assertThat(writes.healthy()).isFalse();

        down.set(false);
        writes.log(id, new LogEntry(3, LogType.INFO, "no hurry", null, null));
        assertThat(writes.doWork(t + WriteBehind.DEFAULT_RETRY_MS - 1)).as("a new entry does not hurry the retry")
                .isEqualTo(t + WriteBehind.DEFAULT_RETRY_MS);
        assertThat(writes.backlog()).isEqualTo(2);

        assertThat(writes.doWork(t + WriteBehind.DEFAULT_RETRY_MS)).isEqualTo(t + WriteBehind.DEFAULT_RETRY_MS);
        assertThat(writes.healthy()).isTrue();
        assertThat(writes.backlog()).isZero();
        assertThat(db.tradeLog().count(id)).isEqualTo(3);
    }
}
