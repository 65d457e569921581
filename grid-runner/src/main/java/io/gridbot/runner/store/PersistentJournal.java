package io.gridbot.runner.store;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.level.Level;
import io.gridbot.core.log.LogEntry;
import io.gridbot.core.order.Fill;
import io.gridbot.core.spacing.GridLadder;
import io.gridbot.core.status.GridStatus;
import io.gridbot.core.stoploss.StopLossReport;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.ledger.AccountHistoryRepository;
import io.gridbot.persistence.writebehind.WriteBehind;
import io.gridbot.runner.engine.GridJournal;
import io.gridbot.stats.ledger.FundingPayment;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A journal into the database. Log entries, fills and level states go through the write-behind, so the
 * grid never waits for the database; the ladder, status changes and stop-loss reports are rare and written
 * at once, or behind when the database does not answer, so an outage never reaches the engine. Status,
 * ladder and level writes land only while {@code owner} holds the grid's lease.
 * A daemon shares one writer among all its grids: one thread, and batches across grids.
 */
public final class PersistentJournal implements GridJournal, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PersistentJournal.class);

    private final Database db;
    private final long configId;
    private final String owner;
    private final LongSupplier clock;
    private final WriteBehind writes;
    private final boolean ownsWriter;
    private final AtomicInteger statusesBehind = new AtomicInteger();

    /** A journal with a writer of its own, closed with it. */
    public PersistentJournal(Database db, long configId, String owner, LongSupplier clock) {
        this(db, configId, owner, clock, writerFor(db, clock, owner), true);
    }

    /** A journal that writes through {@code shared}, which its owner closes. */
    public PersistentJournal(Database db, long configId, String owner, LongSupplier clock, WriteBehind shared) {
        this(db, configId, owner, clock, shared, false);
    }

    private PersistentJournal(Database db, long configId, String owner, LongSupplier clock, WriteBehind writes,
            boolean ownsWriter) {
        this.db = db;
        this.configId = configId;
        this.owner = owner;
        this.clock = clock;
        this.writes = writes;
        this.ownsWriter = ownsWriter;
    }

    /**
     * A started writer for the database's log, fills and levels, whose level writes land only while
     * {@code owner} holds the grid: a daemon that lost a grid never overwrites its successor's levels.
     */
    public static WriteBehind writerFor(Database db, LongSupplier clock, String owner) {
        return new WriteBehind(db.tradeLog(), db.fills(), db.levels().heldBy(owner), WriteBehind.DEFAULT_RETRY_MS, 200,
                clock).start();
    }

    @Override
    public void ladderBuilt(String grid, GridLadder ladder) {
        atOnceOrBehind(() -> db.levels().heldBy(owner).saveLadder(configId, ladder));
    }

    @Override
    public void levelChanged(String grid, Level level) {
        writes.level(configId, level);
    }

    @Override
    public void fill(String grid, Fill fill) {
        writes.fill(configId, fill);
    }

    @Override
    public void log(String grid, LogEntry entry) {
        writes.log(configId, entry);
    }

    @Override
    public void stopLoss(String grid, StopLossReport report) {
        atOnceOrBehind(() -> db.reports().saveStopLoss(configId, report));
    }

    @Override
    public void funding(String grid, FundingPayment payment, String asset) {
        writes.task(() -> db.accountHistory().saveFunding(configId,
                new AccountHistoryRepository.Funding(payment.atMs(), asset, payment.amount())));
    }

    @Override
    public void orderPlaced(String grid, GridCommand.PlaceOrder order, long atMs) {
        writes.task(() -> db.orderIntents().placed(configId, order, null, atMs));
    }

    @Override
    public void orderChanged(String grid, GridCommand.RecordOrderChange change) {
        writes.task(() -> db.orderIntents().update(configId, change));
    }

    /** Writes behind an idempotent write of the caller's (a statistics snapshot). */
    public void later(Runnable write) {
        writes.task(write);
    }

    @Override
    public void status(String grid, GridStatus from, GridStatus to, String reason) {
        long at = clock.getAsLong();
        Runnable write = () -> db.runtime().saveStatus(configId, to, owner, at);
        // At once, so `grid status` is fresh; behind while the database fails or an earlier status waits
        // there, so statuses land in their order and a failing database never fails or stalls the grid.
        if (statusesBehind.get() == 0 && writes.healthy()) {
            try {
                write.run();
                return;
            } catch (RuntimeException e) {
                LOG.warn("grid #{}: status {} not written ({}); it waits in the write-behind", configId, to, e.toString());
            }
        }
        statusesBehind.incrementAndGet();
        writes.task(() -> {
            write.run();
            statusesBehind.decrementAndGet();
        });
    }

    /** Records the grid as running, after whatever status is queued: the next daemon takes it up again. */
    public void rememberRunning() {
        status(null, null, GridStatus.RUNNING, null);
    }

    private void atOnceOrBehind(Runnable write) {
        if (writes.healthy()) {
            try {
                write.run();
                return;
            } catch (RuntimeException e) {
                // falls through: retried until the database answers; the write is idempotent or failed whole
            }
        }
        writes.task(write);
    }

    /** Writes what is pending, when the writer is its own. */
    @Override
    public void close() {
        if (ownsWriter) {
            writes.close();
        }
    }
}
