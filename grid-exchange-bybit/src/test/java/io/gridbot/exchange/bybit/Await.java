package io.gridbot.exchange.bybit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded polling for tests of asynchronous behaviour (sockets): never a fixed sleep. */
public final class Await {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private Await() {
    }

    /** Polls until the condition holds, failing after five seconds. */
    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(2); // a poll's pause, not a wait for time to pass
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
