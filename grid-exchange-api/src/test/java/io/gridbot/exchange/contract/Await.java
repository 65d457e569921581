package io.gridbot.exchange.contract;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Bounded polling for tests of asynchronous behaviour (sockets, a fake's pushes), shared by the contract kit and
 * every venue module's tests: it spins on the condition and yields the processor, never sleeps, and fails naming
 * what it waited for once the bound has passed.
 */
public final class Await {

    /** How long a condition may take: a socket round trip on a loaded machine, with room to spare. */
    public static final Duration WAIT = Duration.ofSeconds(5);

    private Await() {
    }

    /** Polls until the condition holds, failing after {@link #WAIT}. */
    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT.toSeconds() + " s: " + what);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
