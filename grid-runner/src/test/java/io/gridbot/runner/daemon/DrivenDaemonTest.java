package io.gridbot.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.persistence.runtime.GridRuntimeRepository.Lease;
import io.gridbot.persistence.runtime.GridRuntimeRepository.Settlement;
import io.gridbot.runner.venue.Venues;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's rounds on a simulated clock: a daemon made without threads does nothing until its caller drives
 * it with {@code doWork(nowMs)}, so lease and request timings are checked in simulated seconds (the 30 s lease
 * of the defaults) instead of waited out on the wall clock.
 */
class DrivenDaemonTest {

    private static final SymbolRules BTC = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);
    private static final LeaseSettings LEASE = LeaseSettings.defaults();
    private static final String SILENT = "alice@another-host/1";

    @TempDir
    Path dir;

    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private Database db;
    private SimulatedExchange exchange;
    private GridDaemon daemon;
    private long id;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseSettings.embedded(dir));
        id = db.configs().create(GridConfig.builder("g", BTC).mode(GridMode.NEUTRAL)
                .band(new BigDecimal("25000"), new BigDecimal("27000")).levels(21).orderQty(new BigDecimal("0.010"))
                .maxPosition(new BigDecimal("0.050")).stopLossBufferPct(new BigDecimal("5")).build(), 0);
        exchange = new SimulatedExchange(new SimClock(now.get()), SimSettings.defaults()).list(BTC, new BigDecimal("26050.0"));
    }

    @AfterEach
    void close() {
        if (daemon != null) {
            daemon.close();
        }
        db.close();
    }

    private GridDaemon driven(String owner) {
        return new GridDaemon(db, Venues.only(exchange), now::get, owner, 60_000, LEASE, false).start();
    }

    /** Drives the daemon a poll at a time up to {@code untilMs} of the simulated clock. */
    private void runUntil(long untilMs) throws InterruptedException {
        while (now.get() < untilMs) {
            now.set(Math.min(untilMs, now.get() + LEASE.pollMs()));
            daemon.doWork(now.get());
        }
    }

    /**
     * Drives polls until the request is settled and the grid stopped: the venue's answers come back on the
     * adapter's own threads, so the rounds go on until they are in (bounded).
     */
    private void settle(long request) throws InterruptedException {
        io.gridbot.runner.testing.Eventually.await("the request settled and the grid stopped",
                java.time.Duration.ofSeconds(30), () -> {
                    now.addAndGet(LEASE.pollMs());
                    try {
                        daemon.doWork(now.get());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return db.runtime().request(request).orElseThrow().settled()
                            && db.runtime().status(id) == GridStatus.STOPPED;
                });
    }

    private String holder() {
        return db.runtime().lease(id).map(Lease::owner).orElse(null);
    }

    @Test
    void aGridWhoseHolderWentSilentIsResumedAtTheFirstLeaseRoundAfterItsLeaseRanOut() throws Exception {
        long silentSince = now.get();
        assertThat(db.runtime().claim(id, SILENT, silentSince, LEASE.leaseMs(), null)).isTrue();
        assertThat(db.runtime().saveStatus(id, GridStatus.RUNNING, SILENT, silentSince)).isTrue();

        daemon = driven("bob@this-host/2");
        runUntil(silentSince + LEASE.leaseMs() - 1);
        assertThat(holder()).as("the lease has not run out: the grid stays its holder's").isEqualTo(SILENT);
        assertThat(daemon.views()).isEmpty();

        runUntil(silentSince + LEASE.resumeWithinMs());
        assertThat(holder()).as("taken over within the lease and one renewal round").isEqualTo("bob@this-host/2");
        assertThat(daemon.views()).singleElement().satisfies(v -> assertThat(v.name()).isEqualTo("g"));
    }

    @Test
    void aRequestIsTakenAtTheNextPollOfTheTimeGivenAndOneThatExpiredFirstNever() throws Exception {
        daemon = driven("bob@this-host/2");
        long asked = now.get();
        long expired = db.runtime().requestControl(id, Control.PAUSE, "test", asked, asked + 5_000);
        now.addAndGet(5_001); // nobody polled within the five seconds the request allowed
        daemon.doWork(now.get());
        assertThat(db.runtime().request(expired).orElseThrow().settlement()).isEqualTo(Settlement.EXPIRED);

        long pause = db.runtime().requestControl(id, Control.PAUSE, "test", now.get(), now.get() + 5_000);
        assertThat(db.runtime().request(pause).orElseThrow().acknowledged()).as("nothing runs between rounds").isFalse();
        runUntil(now.get() + LEASE.pollMs());
        assertThat(db.runtime().request(pause).orElseThrow()).satisfies(r -> {
            assertThat(r.settlement()).isEqualTo(Settlement.REFUSED);
            assertThat(r.outcome()).isEqualTo("not running on bob@this-host/2");
        });
    }

    /**
     * Seen in the soak: a stop sent after the grid's host was killed, before another daemon resumed the grid, was
     * refused ("not running on …") and the grid went on trading once it was resumed. The request is left for the
     * daemon that resumes the grid, which carries it out.
     */
    @Test
    void aStopForAGridWhoseHolderDiedIsCarriedOutByTheDaemonThatResumesIt() throws Exception {
        long silentSince = now.get();
        assertThat(db.runtime().claim(id, SILENT, silentSince, LEASE.leaseMs(), null)).isTrue();
        assertThat(db.runtime().saveStatus(id, GridStatus.RUNNING, SILENT, silentSince)).isTrue();
        exchange.createOrder(OrderRequest.limit(ClientOrderId.of(ClientOrderId.tagOf("g"), ClientOrderId.Kind.ENTRY,
                Side.BUY, 3, 1), "BTCUSDT", Side.BUY, new BigDecimal("25300.0"), new BigDecimal("0.010"),
                TimeInForce.GTC, false, PositionSide.BOTH)); // the dead holder's order, resting
        daemon = driven("bob@this-host/2");
        now.set(silentSince + LEASE.leaseMs() + 1); // the lease ran out; the next renewal round has not come yet
        long stop = db.runtime().requestControl(id, Control.STOP, "test", now.get(), now.get() + 30_000);
        daemon.doWork(now.get());
        assertThat(db.runtime().request(stop).orElseThrow().settlement()).as("not refused for want of a host")
                .isNotEqualTo(Settlement.REFUSED);

        runUntil(silentSince + LEASE.resumeWithinMs() + 5 * LEASE.pollMs());
        settle(stop);
        assertThat(db.runtime().request(stop).orElseThrow()).satisfies(r -> {
            assertThat(r.settled()).as(r.outcome()).isTrue();
            assertThat(r.settlement().succeeded()).as(r.outcome()).isTrue();
        });
        assertThat(db.runtime().status(id)).isEqualTo(GridStatus.STOPPED);
        assertThat(exchange.openOrders("BTCUSDT")).as("the grid's orders cancelled").isEmpty();
    }

    /** Seen in the soak: a grid in safe mode whose host died could not be stopped ("not running on …"). */
    @Test
    void aStopForAGridInSafeModeWhoseHolderDiedIsCarriedOutHere() throws Exception {
        long silentSince = now.get();
        assertThat(db.runtime().claim(id, SILENT, silentSince, LEASE.leaseMs(), null)).isTrue();
        assertThat(db.runtime().saveStatus(id, GridStatus.SAFE_MODE, SILENT, silentSince)).isTrue();
        daemon = driven("bob@this-host/2");
        runUntil(silentSince + LEASE.resumeWithinMs() + LEASE.pollMs());
        assertThat(daemon.views()).as("safe mode waits for a person: not resumed on its own").isEmpty();

        long stop = db.runtime().requestControl(id, Control.STOP, "test", now.get(), now.get() + 30_000);
        settle(stop);
        assertThat(db.runtime().request(stop).orElseThrow()).satisfies(r -> {
            assertThat(r.settled()).as(r.outcome()).isTrue();
            assertThat(r.settlement().succeeded()).as(r.outcome()).isTrue();
        });
        assertThat(db.runtime().status(id)).isEqualTo(GridStatus.STOPPED);
    }
}
