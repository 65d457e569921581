package io.gridbot.runner.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded polls for tests of asynchronous work: a condition must come true within a time, never a fixed sleep. */
public final class Eventually {

    private Eventually() {
    }

    /** Waits until {@code condition} holds, failing with {@code what} after {@code within}. */
    public static void await(String what, Duration within, BooleanSupplier condition) throws InterruptedException {
        awaitValue(what, within, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }

    /** Waits until {@code probe} gives a value, and returns it. */
    public static <T> T awaitValue(String what, Duration within, Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        T value;
        while ((value = probe.get()) == null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within.toSeconds() + " s: " + what);
            }
            Thread.sleep(20);
        }
        return value;
    }
}
