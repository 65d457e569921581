package io.gridbot.runner.notify;

import io.gridbot.core.command.GridCommand.AlertKind;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;

/** Delivery settings for tests: short timeouts, a pause that records the waits instead of sleeping, a fixed seed. */
final class TestDelivery {

    static final long NOW = 1_700_000_000_000L;

    final List<Long> waits = new CopyOnWriteArrayList<>();

    DeliverySettings settings(Backoff backoff, URI telegramBase) {
        return new DeliverySettings(Duration.ofSeconds(2), Duration.ofSeconds(5), backoff, 3, telegramBase,
                () -> NOW, waits::add, RandomGenerator.of("L64X128MixRandom"));
    }

    static GridAlert alert(AlertKind kind, String message) {
        return new GridAlert("btc-short", "simulated", "BTCUSDT", kind.name(), message, NOW, "host-1:42");
    }
}
