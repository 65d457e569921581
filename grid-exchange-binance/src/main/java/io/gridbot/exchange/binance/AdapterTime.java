package io.gridbot.exchange.binance;

import io.gridbot.exchange.binance.limits.RequestBudget;
import io.gridbot.exchange.binance.stream.WorkLoop;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Where the adapter takes its time from: the clock it reads (signed timestamps, the rate-limit windows, the
 * streams' schedule), how it waits when it paces itself, and whether its timed stream work (reconnect
 * attempts, stream replacement, the listen key's keep-alive) runs on real timers. {@link #system()} is real
 * time; {@link #manual(long)} is a clock that moves only when told, running whatever fell due, so a test
 * steps through hours of schedule at once. Socket and HTTP timeouts, and the pings that find a dead stream,
 * stay on real time either way: they wait for the network.
 */
public sealed class AdapterTime permits AdapterTime.Manual {

    private final LongSupplier clock;
    private final RequestBudget.Pause pause;
    private final boolean timers;

    private AdapterTime(LongSupplier clock, RequestBudget.Pause pause, boolean timers) {
        this.clock = clock;
        this.pause = pause;
        this.timers = timers;
    }

    /** Real time: the system clock, sleeping to pace, timers for the schedule. */
    public static AdapterTime system() {
        return system(Thread::sleep);
    }

    /** Real time, pacing with {@code pause} (tests record it). */
    static AdapterTime system(RequestBudget.Pause pause) {
        return new AdapterTime(System::currentTimeMillis, pause, true);
    }

    /** A clock at {@code startMs} that moves only by {@link Manual#advance}; pacing waits move it too. */
    public static Manual manual(long startMs) {
        return new Manual(new AtomicLong(startMs));
    }

    /** The local time, in ms. */
    public long nowMs() {
        return clock.getAsLong();
    }

    LongSupplier clock() {
        return clock;
    }

    RequestBudget.Pause pause() {
        return pause;
    }

    /** A loop for timed work on this time. */
    WorkLoop loop(String threadName) {
        return new WorkLoop(threadName, clock, timers);
    }

    /** Time a test moves. */
    public static final class Manual extends AdapterTime {

        private static final Duration SETTLE = Duration.ofSeconds(10);

        private final AtomicLong now;
        private final List<WorkLoop> loops = new CopyOnWriteArrayList<>();

        private Manual(AtomicLong now) {
            super(now::get, null, false);
            this.now = now;
        }

        /**
         * Moves the clock on and has every loop of this time run what fell due, returning once it has run (or
         * after ten seconds: a reconnect attempt waits for sockets).
         */
        public void advance(Duration by) {
            move(by.toMillis());
            loops.forEach(loop -> loop.settle(SETTLE));
        }

        private void move(long ms) {
            now.addAndGet(ms);
            loops.forEach(WorkLoop::wake);
        }

        /** A pacing wait passes at once, moving the clock by its length (without waiting: it may run in a loop). */
        @Override
        RequestBudget.Pause pause() {
            return this::move;
        }

        @Override
        WorkLoop loop(String threadName) {
            WorkLoop loop = super.loop(threadName);
            loops.add(loop);
            return loop;
        }
    }
}
