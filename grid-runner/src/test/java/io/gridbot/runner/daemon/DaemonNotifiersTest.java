package io.gridbot.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.persistence.notify.Notifier;
import io.gridbot.persistence.notify.NotifierKind;
import io.gridbot.persistence.secret.MasterKey;
import io.gridbot.runner.notify.Backoff;
import io.gridbot.runner.notify.DeliverySettings;
import io.gridbot.runner.notify.Notifications;
import io.gridbot.runner.notify.StoredNotifiers;
import io.gridbot.runner.venue.Venues;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: a daemon reads its notifiers at start and again every minute of its rounds' clock, so those added or
 * removed with {@code grid notify} while it runs are used; driven round by round on a simulated clock.
 */
class DaemonNotifiersTest {

    private static final MasterKey KEY = MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));
    private static final LeaseSettings LEASE = new LeaseSettings(30_000, 5_000, 15_000, 200);

    @TempDir
    Path dir;

    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private Database db;
    private GridDaemon daemon;
    private Notifications notifications;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseSettings.embedded(dir));
    }

    @AfterEach
    void close() {
        if (daemon != null) {
            daemon.close();
        }
        db.close();
    }

    private static Notifier hook(String name) {
        return new Notifier(name, NotifierKind.WEBHOOK, "https://hooks.example.test/" + name, Optional.empty(), Set.of(), true);
    }

    private void startDaemon(Map<String, String> env) {
        SimulatedExchange exchange = new SimulatedExchange(new SimClock(now.get()), SimSettings.defaults());
        notifications = new Notifications(new StoredNotifiers(db, env, dir.resolve("master.key")),
                new DeliverySettings(Duration.ofSeconds(1), Duration.ofSeconds(1), new Backoff(1, 0, 0), 10,
                        URI.create("http://unused.invalid"), now::get, ms -> { }, RandomGenerator.getDefault()),
                Notifications.REFRESH_MS);
        daemon = new GridDaemon(db, Venues.only(exchange), now::get, "driven", 60_000, LEASE, false)
                .notifying(notifications).start();
    }

    private void runUntil(long untilMs) throws InterruptedException {
        while (now.get() < untilMs) {
            now.set(Math.min(untilMs, now.get() + LEASE.pollMs()));
            daemon.doWork(now.get());
        }
    }

    @Test
    void notifiersAddedAndRemovedWhileTheDaemonRunsAreUsedWithinAMinute() throws Exception {
        db.notifiers(KEY).add(hook("first"), 0);
        startDaemon(Map.of(MasterKey.ENV, Base64.getEncoder().encodeToString(new byte[32])));
        assertThat(notifications.names()).as("read at start").containsExactly("first");

        db.notifiers(KEY).add(hook("second"), 0);
        db.notifiers().remove("first");
        long start = now.get();
        runUntil(start + 59_000);
        assertThat(notifications.names()).as("not read again before the minute is up").containsExactly("first");
        runUntil(start + 60_200);
        assertThat(notifications.names()).containsExactly("second");
    }

    @Test
    void withoutAMasterKeyStoredNotifiersAreReportedAndNoneIsUsed() throws Exception {
        startDaemon(Map.of());
        assertThat(notifications.names()).isEmpty();
        StoredNotifiers keyless = new StoredNotifiers(db, Map.of(), dir.resolve("master.key"));
        assertThat(keyless.get()).isEmpty();

        db.notifiers(KEY).add(hook("first"), 0); // sealed under a key this daemon does not have
        assertThatThrownBy(keyless::get).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("notifiers are stored (1) but there is no master key");
        runUntil(now.get() + 60_200);
        assertThat(notifications.names()).isEmpty();
    }
}
