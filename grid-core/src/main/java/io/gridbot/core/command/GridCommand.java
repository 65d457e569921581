package io.gridbot.core.command;

import io.gridbot.core.level.Level;
import io.gridbot.core.log.LogEntry;
import io.gridbot.core.status.GridStatus;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.Intent;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.spacing.GridLadder;
import io.gridbot.core.stoploss.StopLossReport;
import java.util.List;
import java.util.Objects;

/**
 * What the core asks its shell to do, as plain values, split by audience: {@link VenueCommand}s go to the
 * venue (the shell may run them concurrently), {@link Fact}s are to be recorded (persistence, the
 * ledger, the event log), and {@link Notice}s are for an operator.
 */
public sealed interface GridCommand permits GridCommand.VenueCommand, GridCommand.Fact, GridCommand.Notice {

    /** A command to the venue; its outcome comes back as events. */
    sealed interface VenueCommand extends GridCommand
            permits PlaceOrder, CancelOrder, CancelAll, CancelProtectiveStop, QueryOrder, RequestSnapshot {
    }

    /** A fact the shell records: the ladder, a level, a fill, a log entry, a status change, a stop-loss report. */
    sealed interface Fact extends GridCommand
            permits LadderBuilt, LevelChanged, RecordFill, RecordLog, StatusChanged, ReportStopLoss {
    }

    /** Something an operator should be told. */
    sealed interface Notice extends GridCommand permits Alert {
    }

    /**
     * Create an order. Its result comes back as an {@code OrderUpdate} or {@code OrderRejected} event.
     *
     * @param purpose what the order is for: a grid line's entry or exit, the protective stop, or a close
     */
    record PlaceOrder(OrderRequest request, Purpose purpose) implements VenueCommand {
        public PlaceOrder {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(purpose, "purpose");
        }
    }

    /** What a placed order is for. */
    sealed interface Purpose {

        /** A grid line's entry or exit. */
        record Line(Intent intent, int line) implements Purpose {
            public Line {
                Objects.requireNonNull(intent, "intent");
                if (line < 0) {
                    throw new IllegalArgumentException("line must not be negative: " + line);
                }
            }
        }

        /** The venue-side protective stop, which closes the whole position at the stop-loss line. */
        record ProtectiveStop() implements Purpose {
        }

        /** A market order closing the position in a stop-loss or stop. */
        record Close() implements Purpose {
        }
    }

    /** Cancel one order by client id; a failure comes back as {@code CancelRejected}. */
    record CancelOrder(String symbol, String clientOrderId) implements VenueCommand {
    }

    /**
     * Cancel all these orders of the grid at once, without waiting for one before the next (stop-loss, stop,
     * safe mode). Always by client id, never a symbol-wide cancel: other grids and people may have orders on
     * the same symbol of the same account.
     */
    record CancelAll(String symbol, List<String> clientOrderIds) implements VenueCommand {
        public CancelAll {
            clientOrderIds = List.copyOf(clientOrderIds);
        }
    }

    /** Cancel the venue-side protective stop (a separate endpoint on some venues). */
    record CancelProtectiveStop(String symbol, String clientOrderId) implements VenueCommand {
    }

    /**
     * Ask the venue for one order's state; the answer comes back as an {@code OrderUpdate}, or as an
     * {@code OrderRejected} of kind {@code UNKNOWN_ORDER} when the venue has no such order.
     */
    record QueryOrder(String symbol, String clientOrderId) implements VenueCommand {
    }

    /** Fetch open orders and the net position and deliver them as an {@code ExchangeSnapshot}. */
    record RequestSnapshot(String symbol) implements VenueCommand {
    }

    /** The ladder was built (first start): persist it so restarts keep the same lines. */
    record LadderBuilt(GridLadder ladder) implements Fact {
    }

    /** A level changed: persist it. */
    record LevelChanged(Level level) implements Fact {
    }

    /** An execution to book in the fill ledger. */
    record RecordFill(Fill fill) implements Fact {
    }

    /** An event-log entry to persist (write-behind; never blocks the core). */
    record RecordLog(LogEntry entry) implements Fact {
    }

    /** The lifecycle state changed. */
    record StatusChanged(GridStatus from, GridStatus to, String reason) implements Fact {
    }

    /** A stop-loss finished: the report to persist and show. */
    record ReportStopLoss(StopLossReport report) implements Fact {
    }

    /** Something a person should know now: the single hook for notifiers. */
    record Alert(AlertKind kind, String message) implements Notice {
    }

    /** Why an alert was raised. */
    enum AlertKind {
        STOP_LOSS, SAFE_MODE, INSUFFICIENT_BALANCE, UNEXPECTED_ERROR, RATE_LIMITED, STREAM_SILENT
    }
}
