package io.gridbot.runner.daemon;

import io.gridbot.core.command.GridCommand.AlertKind;
import io.gridbot.persistence.config.StoredGrid;
import io.gridbot.runner.engine.GridEngine;
import io.gridbot.runner.notify.GridAlerts;
import io.gridbot.runner.store.CandleRecorder;
import io.gridbot.runner.store.PersistentJournal;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One hosted grid's driver: its queue, one event at a time, handled as events arrive; a timer tick every
 * {@value #TICK_MS} ms for the timed rules; a statistics snapshot every {@link StatisticsSnapshots#everyMs()}.
 * While its daemon may not trade the grid (the lease is not renewed) the core hears nothing and decides nothing;
 * events wait. Each round is {@link #doWork(long)} at a time given to it; {@link #run()} is the production
 * loop that gives it the clock's time and waits for the next event or tick.
 */
final class GridDriver {

    static final long TICK_MS = 100;
    /** How often the price candles seen are handed to the write-behind. */
    static final long CANDLES_MS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(GridDriver.class);

    private final StoredGrid grid;
    private final GridEngine engine;
    private final PersistentJournal journal;
    private final GridLeases leases;
    private final long fenceAfterMs;
    private final StatisticsSnapshots snapshots;
    private final BooleanSupplier hosted;
    private final LongSupplier clock;
    private long nextSnapshot;
    private long nextTick;
    private boolean fenced;
    private final AtomicLong rounds = new AtomicLong();
    private volatile Thread thread;
    private GridAlerts alerts;
    private CandleRecorder candles;
    private long nextCandles;
    private boolean failing;

    /** @param hosted whether the grid is still hosted with this engine (the loop ends when not) */
    GridDriver(StoredGrid grid, GridEngine engine, PersistentJournal journal, GridLeases leases, long fenceAfterMs,
            StatisticsSnapshots snapshots, BooleanSupplier hosted, LongSupplier clock) {
        this.grid = grid;
        this.engine = engine;
        this.journal = journal;
        this.leases = leases;
        this.fenceAfterMs = fenceAfterMs;
        this.snapshots = snapshots;
        this.hosted = hosted;
        this.clock = clock;
        this.nextSnapshot = clock.getAsLong() + snapshots.everyMs();
    }

    /** Raises an unexpected-error alert when the engine fails (once per run of failures). */
    GridDriver alertingTo(GridAlerts alerts) {
        this.alerts = alerts;
        return this;
    }

    /** Stores the prices the grid sees as candles, handed to the write-behind every {@value #CANDLES_MS} ms. */
    GridDriver recordingCandles(CandleRecorder recorder) {
        this.candles = recorder;
        return this;
    }

    /**
     * One round at {@code nowMs}: the tick when due, the queued events, the snapshot when due. Returns the time
     * the next round is due at the latest (an event may come sooner).
     */
    long doWork(long nowMs) {
        long dueAt = round(nowMs);
        rounds.incrementAndGet();
        return dueAt;
    }

    /**
     * How many rounds have run to their end. Only for watching the driver (tests wait for a number of rounds
     * instead of sleeping); nothing decides on it.
     */
    long rounds() {
        return rounds.get();
    }

    private long round(long nowMs) {
        if (!leases.mayTrade(grid.id())) {
            // Fenced: the core hears nothing and decides nothing until the lease is renewed; events wait.
            if (!fenced) {
                fenced = true;
                LOG.warn("grid {}: lease not renewed for {} ms; sending no orders (those resting stay) until it is",
                        grid.config().name(), fenceAfterMs);
            }
            return nowMs + TICK_MS;
        }
        if (fenced) {
            fenced = false;
            LOG.info("grid {}: lease renewed; trading again", grid.config().name());
        }
        if (nowMs >= nextTick) {
            nextTick = nowMs + TICK_MS;
            engine.tick();
        }
        engine.pump();
        if (nowMs >= nextSnapshot) {
            nextSnapshot = nowMs + snapshots.everyMs();
            BigDecimal price = engine.view().lastPrice();
            journal.later(() -> snapshots.take(grid, nowMs, price));
        }
        if (candles != null && nowMs >= nextCandles) {
            nextCandles = nowMs + CANDLES_MS;
            candles.writeLater(journal::later);
        }
        return nextTick;
    }

    /** Runs the driver on a virtual thread of its own, until the grid is no longer hosted with this engine. */
    void start() {
        thread = Thread.ofVirtual().name("grid-" + grid.config().name()).start(this::run);
    }

    /** Ends the driver's thread, if it has one. */
    void stop() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    /** The production loop: rounds at the clock's time, waiting for an event or the next tick between them. */
    void run() {
        while (hosted.getAsBoolean()) {
            try {
                long dueAt = doWork(clock.getAsLong());
                failing = false;
                engine.awaitEvent(fenced ? TICK_MS : Math.max(1, dueAt - clock.getAsLong()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("grid {}: engine failed", engine.machine().config().name(), e);
                if (!failing && alerts != null) {
                    alerts.raise(AlertKind.UNEXPECTED_ERROR, "the grid's engine failed: " + e);
                }
                failing = true;
                try {
                    Thread.sleep(TICK_MS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
