package io.gridbot.exchange.binance.stream;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs timed work ({@code doWork(nowMs)}, which answers when it is next due) on one daemon thread, whenever it
 * is woken and, with timers armed, again when the work falls due on the clock. With timers off nothing runs by
 * itself: whoever moves the clock wakes the loop, which is how tests run hours of schedule in no time. The
 * work always runs on the loop's one thread, one pass at a time.
 */
public final class WorkLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkLoop.class);

    /** What {@code doWork} answers when nothing is due. */
    public static final long NOTHING_DUE = Long.MAX_VALUE;

    private final ScheduledExecutorService thread;
    private final LongSupplier clock;
    private final boolean timers;
    private final AtomicBoolean woken = new AtomicBoolean();
    private volatile LongUnaryOperator work = now -> NOTHING_DUE;
    private ScheduledFuture<?> timer;

    /**
     * @param clock  the time the work is given, in ms
     * @param timers whether the loop wakes itself when work falls due (real time), or only when woken
     */
    public WorkLoop(String threadName, LongSupplier clock, boolean timers) {
        this.clock = clock;
        this.timers = timers;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** The work to run; it answers when it is next due, or {@link #NOTHING_DUE}. */
    public void drive(LongUnaryOperator doWork) {
        this.work = doWork;
    }

    /** Has the work run as soon as the loop is free (thread-safe). */
    public void wake() {
        if (woken.compareAndSet(false, true)) {
            try {
                thread.execute(this::pass);
            } catch (RejectedExecutionException e) {
                woken.set(false); // closing
            }
        }
    }

    private void pass() {
        woken.set(false);
        long next;
        try {
            next = work.applyAsLong(clock.getAsLong());
        } catch (RuntimeException e) {
            // the thread must survive a failing pass; the next wake-up tries again
            LOG.error("timed stream work failed", e);
            return;
        }
        if (next == NOTHING_DUE) {
            return;
        }
        long delay = next - clock.getAsLong();
        if (delay <= 0) {
            wake();
        } else if (timers) {
            arm(delay);
        }
    }

    private synchronized void arm(long delayMs) {
        if (timer != null) {
            timer.cancel(false);
        }
        try {
            timer = thread.schedule(this::pass, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    /**
     * Waits until the loop has run every pass asked for so far (a pass that wakes the loop again is waited for
     * too), or {@code timeout} has passed. For whoever moves a clock of its own and must see the work done;
     * never call it from the work itself.
     */
    public void settle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            try {
                thread.submit(() -> { }).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException | ExecutionException | TimeoutException e) {
                return; // closed, or still busy: the caller looks at the outcome itself
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        } while (woken.get() && System.nanoTime() < deadline);
    }

    /** Stops the loop; a pass in progress is interrupted. */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
