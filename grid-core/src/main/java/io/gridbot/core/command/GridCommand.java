package io.gridbot.core.command;

import io.gridbot.core.level.Level;
import io.gridbot.core.log.LogEntry;
import io.gridbot.core.machine.GridStatus;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.Intent;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.spacing.GridLadder;
import io.gridbot.core.stoploss.StopLossReport;
import java.util.List;

/**
 * What the core asks its shell to do, as plain values. Order commands go to the venue; the others are
 * for persistence, status and alerts. The shell may run order commands concurrently (AC8.3).
 */
public sealed interface GridCommand {

    /**
     * Create an order. Its result comes back as an {@code OrderUpdate} or {@code OrderRejected} event.
     *
     * @param intent entry or exit; {@code null} for a protective stop or a close
     * @param line   the grid line, -1 for a protective stop or a close
     */
    record PlaceOrder(OrderRequest request, Intent intent, int line) implements GridCommand {
    }

    /** Cancel one order by client id; a failure comes back as {@code CancelRejected}. */
    record CancelOrder(String symbol, String clientOrderId) implements GridCommand {
    }

    /**
     * Cancel all these orders of the grid at once, without waiting for one before the next (stop-loss, stop,
     * safe mode). Always by client id, never a symbol-wide cancel: other grids and people may have orders on
     * the same symbol of the same account.
     */
    record CancelAll(String symbol, List<String> clientOrderIds) implements GridCommand {
        public CancelAll {
            clientOrderIds = List.copyOf(clientOrderIds);
        }
    }

    /** Cancel the venue-side protective stop (a separate endpoint on some venues). */
    record CancelProtectiveStop(String symbol, String clientOrderId) implements GridCommand {
    }

    /**
     * Ask the venue for one order's state; the answer comes back as an {@code OrderUpdate}, or as an
     * {@code OrderRejected} of kind {@code UNKNOWN_ORDER} when the venue has no such order.
     */
    record QueryOrder(String symbol, String clientOrderId) implements GridCommand {
    }

    /** Fetch open orders and the net position and deliver them as an {@code ExchangeSnapshot}. */
    record RequestSnapshot(String symbol) implements GridCommand {
    }

    /** The ladder was built (first start): persist it so restarts keep the same lines. */
    record LadderBuilt(GridLadder ladder) implements GridCommand {
    }

    /** A level changed: persist it. */
    record LevelChanged(Level level) implements GridCommand {
    }

    /** An execution to book in the fill ledger. */
    record RecordFill(Fill fill) implements GridCommand {
    }

    /** An event-log entry to persist (write-behind; never blocks the core). */
    record RecordLog(LogEntry entry) implements GridCommand {
    }

    /** The lifecycle state changed. */
    record StatusChanged(GridStatus from, GridStatus to, String reason) implements GridCommand {
    }

    /** A stop-loss finished: the report to persist and show. */
    record ReportStopLoss(StopLossReport report) implements GridCommand {
    }

    /** Something a person should know now: the single hook for notifiers. */
    record Alert(AlertKind kind, String message) implements GridCommand {
    }

    /** Why an alert was raised. */
    enum AlertKind {
        STOP_LOSS, SAFE_MODE, INSUFFICIENT_BALANCE, UNEXPECTED_ERROR, RATE_LIMITED, STREAM_SILENT
    }
}
