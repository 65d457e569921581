package io.gridbot.runner.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.command.GridCommand.AlertKind;
import io.gridbot.persistence.notify.Notifier;
import io.gridbot.persistence.notify.NotifierKind;
import io.gridbot.runner.testing.CapturedLogs;
import io.gridbot.runner.testing.Eventually;
import io.gridbot.runner.testing.FakeReceiver;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A daemon's notifiers: fan-out by kind, a bounded queue per notifier that drops its oldest, and refreshing. */
class NotificationsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FakeReceiver receiver = new FakeReceiver();
    private final TestDelivery test = new TestDelivery();
    private final List<Notifier> stored = new CopyOnWriteArrayList<>();
    private Notifications notifications;

    NotificationsTest() throws Exception {
    }

    @AfterEach
    void close() {
        if (notifications != null) {
            notifications.close();
        }
        receiver.close();
    }

    private Notifier hook(String name, Set<AlertKind> kinds) {
        return new Notifier(name, NotifierKind.WEBHOOK, receiver.uri("/" + name).toString(), Optional.empty(), kinds, true);
    }

    private Notifications start() {
        notifications = new Notifications(() -> List.copyOf(stored),
                test.settings(new Backoff(2, 10, 20), URI.create("http://unused.invalid")), 60_000);
        notifications.doWork(0);
        return notifications;
    }

    @Test
    void aFullQueueDropsItsOldestAlertCountsItAndSaysSo() throws Exception {
        stored.add(hook("ops", Set.of()));
        start();
        receiver.hold();
        notifications.raise(TestDelivery.alert(AlertKind.SAFE_MODE, "first"));
        assertThat(receiver.next(WAIT).body()).as("the worker holds the first, waiting for the receiver").contains("first");

        try (CapturedLogs logs = new CapturedLogs()) {
            for (int i = 1; i <= 5; i++) {
                notifications.raise(TestDelivery.alert(AlertKind.SAFE_MODE, "queued " + i)); // never waits
            }
            assertThat(notifications.dropped("ops")).as("a queue of 3 took the last three of five").isEqualTo(2);
            assertThat(logs.lines()).filteredOn(l -> l.startsWith("WARN notifier ops: queue full")).hasSize(2)
                    .last().asString().contains("2 dropped so far");
        }
        receiver.release();
        List<String> bodies = List.of(receiver.next(WAIT).body(), receiver.next(WAIT).body(), receiver.next(WAIT).body());
        assertThat(bodies).as("the oldest went").noneMatch(b -> b.contains("queued 1") || b.contains("queued 2"));
        assertThat(bodies.get(0)).contains("queued 3");
        assertThat(bodies.get(2)).contains("queued 5");
        Eventually.await("four delivered", WAIT, () -> notifications.delivered("ops") == 4);
    }

    @Test
    void anAlertGoesOnlyToTheNotifiersThatWantItsKind() throws Exception {
        stored.add(hook("stops", EnumSet.of(AlertKind.STOP_LOSS)));
        stored.add(hook("all", Set.of()));
        start();

        notifications.raise(TestDelivery.alert(AlertKind.RATE_LIMITED, "rate"));
        notifications.raise(TestDelivery.alert(AlertKind.STOP_LOSS, "stop"));

        List<FakeReceiver.Request> got = List.of(receiver.next(WAIT), receiver.next(WAIT), receiver.next(WAIT));
        assertThat(got).filteredOn(r -> r.path().equals("/stops")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("STOP_LOSS"));
        assertThat(got).filteredOn(r -> r.path().equals("/all")).hasSize(2);
    }

    @Test
    void notifiersAddedOrRemovedInTheStoreAreUsedFromTheNextRefresh() throws Exception {
        start();
        stored.add(hook("later", Set.of()));
        notifications.doWork(59_999);
        assertThat(notifications.names()).as("not due yet").isEmpty();

        notifications.doWork(60_000);
        assertThat(notifications.names()).containsExactly("later");
        notifications.raise(TestDelivery.alert(AlertKind.STOP_LOSS, "now"));
        assertThat(receiver.next(WAIT).path()).isEqualTo("/later");

        stored.clear();
        stored.add(new Notifier("later", NotifierKind.WEBHOOK, receiver.uri("/later").toString(), Optional.empty(),
                Set.of(), false));
        notifications.doWork(120_000);
        notifications.raise(TestDelivery.alert(AlertKind.STOP_LOSS, "disabled"));
        stored.clear();
        notifications.doWork(180_000);
        assertThat(notifications.names()).isEmpty();
        assertThat(receiver.pending()).as("nothing sent to a disabled or removed notifier").isZero();
    }

    @Test
    void aSourceThatFailsKeepsTheNotifiersInUse() throws Exception {
        AtomicBoolean down = new AtomicBoolean();
        stored.add(hook("ops", Set.of()));
        notifications = new Notifications(() -> {
            if (down.get()) {
                throw new IllegalStateException("database down");
            }
            return List.copyOf(stored);
        }, test.settings(new Backoff(2, 10, 20), URI.create("http://unused.invalid")), 60_000);
        notifications.doWork(0);
        down.set(true);

        notifications.doWork(60_000);

        assertThat(notifications.names()).containsExactly("ops");
        notifications.raise(TestDelivery.alert(AlertKind.STOP_LOSS, "still"));
        assertThat(receiver.next(WAIT).path()).isEqualTo("/ops");
    }
}
