package io.gridbot.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.binance.fake.FakeBinance;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.persistence.LoopbackProxy;
import io.gridbot.persistence.runtime.GridRuntimeRepository.Lease;
import io.gridbot.runner.store.ControlRequests;
import io.gridbot.runner.testing.Eventually;
import io.gridbot.runner.testing.FakeVenueDaemon;
import io.gridbot.runner.testing.MarketFeed;
import io.gridbot.runner.testing.OrderWire;
import io.gridbot.runner.testing.VenueBook;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, leases that cannot split, on real processes: two daemons on one MariaDB database trade one grid
 * on one venue (the fake Binance, run here; each daemon reaches it through an {@link OrderWire} of its own,
 * so the venue's side says which daemon sent which order). The host's database path is cut, and later it is
 * killed: at no moment do both send orders for the grid, and the other daemon resumes it on its own within
 * a lease and a renewal round. Leases are shortened to 4 s (fenced after 2 s, renewed every 0.5 s).
 */
class LeaseHandoverTest {

    private static final LeaseSettings LEASE = FakeVenueDaemon.QUICK_LEASE;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // the daemons' logs stay when it fails
    Path dir;

    private String server;
    private String database;
    private Database db;
    private FakeBinance fake;
    private MarketFeed market;
    private long gridId;
    private final List<Daemon> daemons = new ArrayList<>();

    /** One daemon process with its own database path and its own wire to the venue. */
    private record Daemon(String name, Process process, LoopbackProxy dbPath, OrderWire wire, Path log) {
        boolean owns(Lease lease) {
            return lease.owner() != null && lease.owner().endsWith("/" + process.pid());
        }

        boolean said(String text) {
            try {
                return Files.exists(log) && Files.readString(log).contains(text);
            } catch (java.io.IOException e) {
                return false;
            }
        }
    }

    @BeforeEach
    void open() throws Exception {
        server = System.getenv("GRID_TEST_JDBC_URL");
        Assumptions.assumeTrue(server != null && !server.isBlank(), "GRID_TEST_JDBC_URL not set: two-daemon test skipped");
        URI uri = URI.create(server.substring("jdbc:".length()));
        String base = uri.getPath().replace("/", "");
        // A database of this test's own beside the configured one, dropped afterwards.
        database = (base.isEmpty() ? "gridbot" : base) + "_lease_"
                + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        try (Connection c = DriverManager.getConnection(server, user(), password()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        db = Database.open(DatabaseSettings.server(url(uri.getPort() < 0 ? 3306 : uri.getPort()), user(), password()));
        fake = FakeBinance.start(FakeBinance.BTCUSDT, new BigDecimal("26050.0"));
        gridId = db.configs().create(GridConfig.builder("shared", FakeBinance.BTCUSDT).exchange("binance")
                .mode(GridMode.NEUTRAL).band(new BigDecimal("25000"), new BigDecimal("27000")).levels(21)
                .orderQty(new BigDecimal("0.010")).maxPosition(new BigDecimal("0.050"))
                .stopLossBufferPct(new BigDecimal("5")).build(), 0);
        market = new MarketFeed(p -> fake.trade("BTCUSDT", p, null)).at("26050.0");
    }

    @AfterEach
    void close() throws Exception {
        for (Daemon d : daemons) {
            d.process().destroyForcibly().waitFor();
            d.dbPath().close();
            d.wire().close();
        }
        if (market != null) {
            market.close();
            fake.close();
            db.close();
            try (Connection c = DriverManager.getConnection(server, user(), password()); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    private static String user() {
        String user = System.getenv("GRID_TEST_JDBC_USER");
        return user == null || user.isBlank() ? "root" : user;
    }

    private static String password() {
        String password = System.getenv("GRID_TEST_JDBC_PASSWORD");
        return password == null ? "" : password;
    }

    private String url(int port) {
        String query = URI.create(server.substring("jdbc:".length())).getRawQuery();
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database + (query == null ? "" : "?" + query);
    }

    private Daemon daemon(String name) throws Exception {
        URI uri = URI.create(server.substring("jdbc:".length()));
        LoopbackProxy path = new LoopbackProxy(uri.getPort() < 0 ? 3306 : uri.getPort());
        OrderWire wire = new OrderWire(fake.restUrl());
        Path log = dir.resolve(name + ".log");
        ProcessBuilder builder = FakeVenueDaemon.builder(dir.resolve(name), log, url(path.port()), user(), password(),
                FakeVenueDaemon.binance(fake, wire.url()));
        Daemon daemon = new Daemon(name, builder.start(), path, wire, log);
        daemons.add(daemon);
        Eventually.await(name + " up", WAIT, () -> daemon.said("gridbot daemon"));
        return daemon;
    }

    private Lease lease() {
        return db.runtime().lease(gridId).orElseThrow();
    }

    /** Starts the grid on the only daemon running, and starts the second one. */
    private Daemon[] hostedByTheFirstOfTwo() throws Exception {
        Daemon a = daemon("a");
        var reply = ControlRequests.send(db, gridId, Control.START, "test", 30_000, 60_000, System::currentTimeMillis);
        assertThat(reply).as("started on a").isInstanceOfSatisfying(ControlRequests.Acknowledged.class,
                ack -> assertThat(ack.refused()).as(ack.outcome()).isFalse());
        assertThat(a.owns(lease())).isTrue();
        Daemon b = daemon("b");
        Eventually.await("a's orders resting", WAIT, () -> new VenueBook(fake.venue(), "BTCUSDT").openOrders().size() >= 5);
        return new Daemon[] {a, b};
    }

    private static long creates(Daemon d) {
        return d.wire().sent().stream().filter(OrderWire.Sent::create).count();
    }

    /** No order of the grid was sent by {@code later} before {@code earlier}'s last, nor by both at once. */
    private static void ordersNeverInterleave(Daemon earlier, Daemon later) {
        List<OrderWire.Sent> before = earlier.wire().sent();
        List<OrderWire.Sent> after = later.wire().sent();
        assertThat(before).as("the first host sent orders").anyMatch(OrderWire.Sent::create);
        assertThat(after).as("the second host sent orders").anyMatch(OrderWire.Sent::create);
        long firstOfLater = after.stream().mapToLong(OrderWire.Sent::sentNanos).min().orElseThrow();
        assertThat(before).as("every order request of " + earlier.name() + " reached the venue before " + later.name()
                + "'s first").allMatch(s -> s.sentNanos() < firstOfLater);
    }

    @Test
    void aHostCutOffFromTheDatabaseFencesItselfBeforeTheOtherDaemonResumesTheGridAndGivesItUpAfterwards()
            throws Exception {
        Daemon[] two = hostedByTheFirstOfTwo();
        Daemon a = two[0];
        Daemon b = two[1];

        a.dbPath().cut();
        long cutAt = System.nanoTime();
        market.at("25890.0"); // the market moves while a is cut off: its buys fill, and exits are wanted
        Eventually.await("b resumes the grid on its own", WAIT, () -> b.owns(lease()));
        double tookOverS = (System.nanoTime() - cutAt) / 1e9;
        Eventually.await("running on b", WAIT, () -> b.said("INITIALIZING -> RUNNING"));
        assertThat(a.said("sending no orders")).as("a fenced itself").isTrue();
        market.at("26110.0"); // the exits fill: b places the entries again
        Eventually.await("b sends orders for it", WAIT, () -> creates(b) > 0);

        a.dbPath().restore();
        Eventually.await("a gives the grid up once it sees b holds it", WAIT, () -> a.said("another daemon holds it now"));
        long before = creates(b);
        int[] probes = {0};
        Eventually.await("b keeps trading while the market swings", WAIT, () -> {
            if (probes[0]++ % 100 == 0) { // every 2 s or so: 25,890, then 26,110, and again
                market.at(probes[0] / 100 % 2 == 0 ? "25890.0" : "26110.0");
            }
            return creates(b) >= before + 3;
        });
        Eventually.await("the status is b's", WAIT, () -> db.runtime().status(gridId) == GridStatus.RUNNING && b.owns(lease()));

        ordersNeverInterleave(a, b);
        assertThat(tookOverS).as("taken over within a lease and a renewal round of the cut (plus b's poll)")
                .isLessThan((LEASE.resumeWithinMs() + 3_000) / 1000.0);
        assertThat(new VenueBook(fake.venue(), "BTCUSDT").duplicateIdentity()).as("no order twice").isEmpty();
    }

    @Test
    void aKilledHostsRunningGridIsResumedByTheOtherDaemonWithinTheLeaseBound() throws Exception {
        Daemon[] two = hostedByTheFirstOfTwo();
        Daemon a = two[0];
        Daemon b = two[1];

        a.process().destroyForcibly().waitFor(); // kill -9: the lease is left behind, the status says RUNNING
        long killedAt = System.nanoTime();
        Eventually.await("b resumes the grid on its own", WAIT, () -> b.owns(lease()));
        double resumedS = (System.nanoTime() - killedAt) / 1e9;
        Eventually.await("running on b", WAIT, () -> b.said("INITIALIZING -> RUNNING"));
        market.at("25890.0"); // buys fill: b places their exits
        Eventually.await("b sends orders for it", WAIT, () -> creates(b) > 0);
        assertThat(db.runtime().status(gridId)).isEqualTo(GridStatus.RUNNING);

        assertThat(resumedS).as("within a lease and a renewal round (plus b's poll)")
                .isLessThan((LEASE.resumeWithinMs() + 3_000) / 1000.0);
        ordersNeverInterleave(a, b);
    }
}
