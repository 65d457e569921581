package io.gridbot.persistence.bench;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.log.LogEntry;
import io.gridbot.core.log.LogType;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.Side;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.persistence.log.LogQuery;
import io.gridbot.persistence.report.ReportRepository;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Issue 4's measurement: with 1,000,000 trade-log rows, a filtered paged log query and a 7-day statistics
 * query (the week's fills and statistics snapshots). Not a test. Run on the embedded database, or on
 * MySQL/MariaDB with {@code GRID_TEST_JDBC_URL} set and the argument {@code mysql}:
 * {@code ./mvnw -q -pl grid-persistence exec:exec@persistence-bench -Dbench.db=h2|mysql}.
 */
public final class PersistenceBenchmark {

    private static final long DAY = 86_400_000L;
    private static final long END = 1_767_225_600_000L; // 2026-01-01
    private static final int LOG_ROWS = 1_000_000;
    private static final int FILL_ROWS = 100_000;

    private PersistenceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean mysql = args.length > 0 && args[0].equals("mysql");
        String dbName = "gridbot_bench_" + System.currentTimeMillis() % 100_000;
        DatabaseSettings settings;
        if (mysql) {
            String url = System.getenv("GRID_TEST_JDBC_URL");
            try (Connection c = DriverManager.getConnection(url, "root", ""); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + dbName);
            }
            settings = DatabaseSettings.server(url.replaceFirst("/[^/?]*(\\?|$)", "/" + dbName + "$1"), "root", "");
        } else {
            settings = DatabaseSettings.embedded(Files.createTempDirectory("gridbot-bench"));
        }
        try (Database db = Database.open(settings)) {
            long id = db.configs().create(io.gridbot.core.config.GridConfig.builder("bench",
                    new io.gridbot.core.market.SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
                            new BigDecimal("0.001"), new BigDecimal("5"), 200)).band(new BigDecimal("60000"),
                    new BigDecimal("65000")).levels(20).orderQty(new BigDecimal("0.010")).build(), 0);
            long t0 = System.nanoTime();
            LogType[] types = LogType.values();
            List<LogEntry> batch = new ArrayList<>(5_000);
            for (int i = 0; i < LOG_ROWS; i++) {
                long at = END - 30 * DAY + (30 * DAY / LOG_ROWS) * i;
                LogType type = types[i % types.length];
                batch.add(new LogEntry(at, type, type.name().toLowerCase() + " entry " + i + (type == LogType.FILL
                        ? " filled 0.010 @ 62105.3" : " place entry sell 0.010 @ 62368.4"), "gb_benchtag_ES_" + (i % 20) + "_"
                        + i, (i % 20) - 10));
                if (batch.size() == 5_000) {
                    db.tradeLog().append(id, batch, at);
                    batch.clear();
                }
            }
            double loadLogs = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            List<Fill> fills = new ArrayList<>(1_000);
            for (int i = 0; i < FILL_ROWS; i++) {
                long at = END - 30 * DAY + (30 * DAY / FILL_ROWS) * i;
                fills.add(new Fill(at, "gb_benchtag_ES_" + (i % 20) + "_" + i, Integer.toString(i), "t" + i,
                        i % 2 == 0 ? ClientOrderId.Kind.ENTRY : ClientOrderId.Kind.EXIT, i % 2 == 0 ? Side.SELL : Side.BUY,
                        i % 20, new BigDecimal("62105.3"), new BigDecimal("0.010"), new BigDecimal("0.124"), "USDT",
                        BigDecimal.ZERO));
                if (fills.size() == 1_000) {
                    db.fills().append(id, fills);
                    fills.clear();
                }
            }
            for (int m = 0; m < 7 * 1440; m++) {
                long at = END - 7 * DAY + m * 60_000L;
                db.reports().saveStatistics(id, new ReportRepository.StatisticsSnapshot("DAY_7", at - 7 * DAY, at, m, m / 2,
                        m / 2, 0, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE,
                        BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, 0, PositionMode.ONE_WAY,
                        new ReportRepository.Leg(BigDecimal.ONE, m / 2, BigDecimal.ZERO), null), at);
            }
            double loadRest = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%s: loaded %,d log rows in %.1f s; %,d fills and %,d statistics snapshots in %.1f s%n",
                    mysql ? "MariaDB" : "H2 (embedded)", db.tradeLog().count(id), loadLogs, FILL_ROWS, 7 * 1440, loadRest);
            report("log: last 7 days, type FILL, keyword 'filled', first page of 50", () -> db.tradeLog()
                    .query(new LogQuery(id, END - 7 * DAY, END, Set.of(LogType.FILL), "filled", 0, 50)).entries().size());
            report("log: last 7 days, all types, page 100 of 50", () -> db.tradeLog()
                    .query(new LogQuery(id, END - 7 * DAY, END, Set.of(), null, 100, 50)).entries().size());
            report("log: last 200 entries (the dashboard's view)", () -> db.tradeLog()
                    .query(new LogQuery(id, 0, END, Set.of(), null, 0, 200)).entries().size());
            report("7-day statistics: the week's fills", () -> db.fills().between(id, END - 7 * DAY, END).size());
            report("7-day statistics: the week's snapshots", () -> db.reports().statistics(id, "DAY_7", END - 7 * DAY, END)
                    .size());
        } finally {
            if (mysql) {
                try (Connection c = DriverManager.getConnection(System.getenv("GRID_TEST_JDBC_URL"), "root", "");
                        Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + dbName);
                }
            }
        }
    }

    private static void report(String what, Supplier<Integer> query) {
        int rows = query.get();
        for (int i = 0; i < 3; i++) {
            query.get();
        }
        long[] ms = new long[15];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            query.get();
            ms[i] = (System.nanoTime() - t) / 1_000;
        }
        Arrays.sort(ms);
        System.out.printf("  %-62s %,7d rows  median %,8.1f ms  max %,8.1f ms%n", what, rows, ms[ms.length / 2] / 1000.0,
                ms[ms.length - 1] / 1000.0);
    }
}
