package io.gridbot.runner.engine;

import io.gridbot.core.event.GridEvent;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.TradeRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Missed-fill recovery, once turned on: reads the grid's executions in the venue's trade history since a point
 * in time, for the core as {@code ExecutionsRecovered}; the core books those it did not see live, as it books
 * live fills. A later read starts {@value #OVERLAP_MS} ms before the time of the one before it (never earlier
 * than that one started), so an execution the venue lists late is not missed. A history that cannot be read
 * is logged, and read again at the next snapshot.
 */
final class ExecutionRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionRecovery.class);
    /** How far a recovery looks back before the time of the one before it. */
    static final long OVERLAP_MS = 600_000;

    private final VenueLink link;
    private final VenueCallWatch watch;
    private volatile long sinceMs = -1;

    ExecutionRecovery(VenueLink link) {
        this(link, VenueCallWatch.NONE);
    }

    /** @param watch hears of every refusal of a history read */
    ExecutionRecovery(VenueLink link, VenueCallWatch watch) {
        this.link = link;
        this.watch = watch;
    }

    /** Turns recovery on, from {@code sinceMs} (venue time) on. */
    void since(long sinceMs) {
        this.sinceMs = sinceMs;
    }

    /**
     * Reads the history on the calling thread, when recovery is on: the grid's executions, or nothing when it
     * is off, when there are none, or when the history cannot be read. Never throws.
     */
    Optional<GridEvent> read() {
        long since = sinceMs;
        Optional<List<TradeRecord>> history = history(since);
        if (history.isEmpty()) {
            return Optional.empty();
        }
        List<GridEvent.Execution> ours = new ArrayList<>();
        for (TradeRecord t : history.get()) {
            if (link.owner().ours(t.clientOrderId())) { // not another grid's execution, nor a person's
                ours.add(VenueTranslation.execution(t));
            }
        }
        sinceMs = Math.max(since, link.now() - OVERLAP_MS);
        LOG.debug("grid {}: {} executions checked against the ledger", link.grid(), ours.size());
        return ours.isEmpty() ? Optional.empty() : Optional.of(new GridEvent.ExecutionsRecovered(link.now(), ours));
    }

    /**
     * The executions of one order of the grid in the venue's history, oldest first, read on the calling thread:
     * empty when recovery is off or the history cannot be read. Older ones than recovery reads are in the
     * ledger already.
     */
    Optional<List<TradeRecord>> executionsOf(String clientOrderId) {
        return history(sinceMs).map(trades -> trades.stream().filter(t -> clientOrderId.equals(t.clientOrderId()))
                .sorted(Comparator.comparingLong(TradeRecord::atMs)).toList());
    }

    /** The symbol's history since {@code since}; empty when recovery is off or the history cannot be read. */
    private Optional<List<TradeRecord>> history(long since) {
        if (since < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(link.adapter().trades(link.symbol(), since));
        } catch (ExchangeException e) {
            watch.refused(e.kind());
            return unread(e);
        } catch (RuntimeException e) {
            return unread(e);
        }
    }

    private <T> Optional<T> unread(Exception e) {
        LOG.warn("grid {}: the venue's trade history could not be read ({}); missed fills are not recovered yet",
                link.grid(), e.toString());
        return Optional.empty();
    }
}
